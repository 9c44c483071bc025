import { expect } from 'chai';
import { clear, compile, setup, simulate } from '../../src/engine/global-functions.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { CompNeuroModel, cnpClear } from '../../src/experiment/comp-neuro-model.js';

const rate = () => new Neuron({ parameters: 'tau = 10.0', equations: 'tau * dr/dt = 1 - r', name: 'rate' });

/** Console lines written by `fn` through console.log and console.warn. */
function consoleOf(fn: () => void): { log: string[]; warn: string[] } {
  const out = { log: [] as string[], warn: [] as string[] };
  const { log, warn } = console;
  console.log = (...a: unknown[]) => void out.log.push(a.join(' '));
  console.warn = (...a: unknown[]) => void out.warn.push(a.join(' '));
  try {
    fn();
  } finally {
    Object.assign(console, { log, warn });
  }
  return out;
}

describe('engine: friendly failures (issue 15)', () => {
  afterEach(() => clear());

  it('a dt that looks like seconds gets a one-time warning naming the value and what was meant', () => {
    const first = consoleOf(() => new Network().setup({ dt: 1e-4 }));
    expect(first.warn).to.deep.equal(['Warning: setup: dt = 0.0001 ms looks like a time step in seconds; times are in milliseconds as in ANNarchy (dt = 0.1 for 0.0001 s)']);
    expect(consoleOf(() => new Network().setup({ dt: 1e-4 })).warn).to.deep.equal([]); // once per process
    expect(consoleOf(() => new Network().setup({ dt: 1e-3 })).warn).to.deep.equal([]); // 1 us is a valid ms step
    expect(consoleOf(() => new Network().setup({ dt: 2e-4, verbose: false })).warn).to.deep.equal([]);
  });

  it('a duration off the dt grid warns once with the steps ANNarchy would run; grid durations do not', () => {
    const net = new Network({ dt: 0.1 });
    new Population(1, rate(), { name: 'p', network: net });
    const off = consoleOf(() => net.simulate(0.25));
    expect(off.warn).to.deep.equal(['Warning: simulate: 0.25 ms is not a multiple of dt = 0.1 ms; 3 steps (0.30000000000000004 ms) are simulated']);
    expect(net.getCurrentStep()).to.equal(3);
    // 1000 / 0.01 and 0.3 / 0.1 are not exact in doubles, yet they are the dt grid
    const grid = consoleOf(() => {
      net.simulate(0.3);
      net.simulate(100);
    });
    expect(grid.warn).to.deep.equal([]);
    const fine = new Network({ dt: 0.01 });
    new Population(1, rate(), { name: 'q', network: fine });
    expect(consoleOf(() => fine.simulate(1000)).warn).to.deep.equal([]);
    // on the grid, but 0.07 / 0.01 = 7.000000000000001 and ANNarchy's ceil runs 8 steps
    expect(consoleOf(() => fine.simulate(0.07)).warn).to.deep.equal(['Warning: simulate: 0.07 / 0.01 = 7.000000000000001 in doubles, so 8 steps are simulated, not 7, as in ANNarchy (ceil)']);
  });

  it("a bare compile() prints ANNarchy's line unless setup({ verbose: false })", () => {
    setup({ dt: 0.1 });
    new Population(2, rate(), 'a');
    expect(consoleOf(() => compile()).log).to.deep.equal(['Compiling ...  OK ']);
    clear();
    setup({ dt: 0.1, verbose: false });
    new Population(2, rate(), 'b');
    expect(consoleOf(() => compile()).log).to.deep.equal([]);
    expect(() => setup({ verbose: 'yes' as unknown as boolean })).to.throw('setup: verbose must be true or false, got yes');
  });

  it('compiles inside CompNeuroModel stay silent, as in CompNeuroPy', () => {
    cnpClear();
    setup({ dt: 0.1 });
    const out = consoleOf(() => {
      new CompNeuroModel({ modelCreationFunction: () => void new Population(1, rate(), 'm'), name: 'silent_model' });
      simulate(1);
    });
    expect(out.log).to.deep.equal([]);
    cnpClear();
    // forget the model, or later CompNeuroModels warn that it was initialised but not created
    delete CompNeuroModel.initializedModels.silent_model;
    delete CompNeuroModel.compiledModels.silent_model;
  });
});
