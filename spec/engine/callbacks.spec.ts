import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { every, disableCallbacks, enableCallbacks, clearAllCallbacks, callbacksEnabled } from '../../src/engine/callbacks.js';

// ANNarchy 4.7.3 Simulate.py (every, _simulate_with_callbacks); the docstring's example:
// period 100, offset -10 -> calls at 90, 190, ..., relative to the start of simulate().
const counter = new Neuron({ equations: 'r = r + 1', name: 'counter' });

function setupNet(dt = 1.0): { net: Network; pop: Population; log: string[] } {
  const net = new Network({ dt });
  const pop = new Population(1, counter, { network: net });
  net.compile();
  return { net, pop, log: [] };
}

describe('engine: every() callbacks during simulate() (ANNarchy @every)', () => {
  it('offset -10 of period 100: calls at 90, 190, ... ms, each before the step of that time, n counting from 0', () => {
    const { net, pop, log } = setupNet();
    every({ period: 100, offset: -10, network: net }, (n) => log.push(`${n}@${net.currentStep}:${(pop.r as Float64Array)[0]}`));
    net.simulate(300);
    expect(log).to.deep.equal(['0@90:90', '1@190:190', '2@290:290']);
    expect(net.currentStep).to.equal(300);
  });

  it('times are relative to the start of simulate(); wait delays the first call; ties run in declaration order', () => {
    const { net, log } = setupNet();
    net.simulate(150);
    every({ period: 100, offset: 50, wait: 500, network: net }, (n) => log.push(`a${n}@${net.currentStep}`));
    every({ period: 50, network: net }, (n) => log.push(`b${n}@${net.currentStep}`));
    net.simulate(800);
    // a: 150 + 500 + 50 = 700, 800, 900; b: 150, 200, ..., 900 (b at 700 after a: a was declared first)
    expect(log.filter((l) => l.startsWith('a'))).to.deep.equal(['a0@700', 'a1@800', 'a2@900']);
    expect(log.slice(log.indexOf('a0@700') - 1, log.indexOf('a0@700') + 2)).to.deep.equal(['b10@650', 'a0@700', 'b11@700']);
    expect(log[0]).to.equal('b0@150');
    expect(net.currentStep).to.equal(950);
  });

  it('int(duration/dt) steps with callbacks (ceil without, as 4.7.3); { callbacks: false } and disableCallbacks() skip them', () => {
    const { net, log } = setupNet(0.1);
    every({ period: 0.05, network: net }, (n) => log.push(String(n))); // period < dt: every step
    net.simulate(0.35); // 0.35/0.1 = 3.4999999999999996: int -> 3 steps
    expect(net.currentStep).to.equal(3);
    expect(log).to.deep.equal(['0', '1', '2']);
    net.simulate(0.35, { callbacks: false }); // ceil -> 4 steps
    expect(net.currentStep).to.equal(7);
    disableCallbacks(net);
    expect(callbacksEnabled(net)).to.equal(false);
    net.simulate(0.2);
    expect(log).to.have.length(3);
    enableCallbacks(net);
    clearAllCallbacks(net);
    net.simulate(0.1);
    expect(log).to.have.length(3);
  });

  it('bad arguments name the option', () => {
    const { net } = setupNet();
    expect(() => every({ period: 10, ofset: 1, network: net } as never, () => {})).to.throw(/unknown option "ofset"/);
    expect(() => every({ network: net } as never, () => {})).to.throw(/period \(ms\) is required/);
    expect(() => every({ period: 10, network: net }, 3 as never)).to.throw(/must be a function/);
  });
});
