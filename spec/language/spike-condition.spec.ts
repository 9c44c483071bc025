import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { parseExpression } from '../../src/language/expression.js';

type SpikeDict = Record<number, number[]>;

describe('language: spike conditions and literals as C/ANNarchy accept them (issue 20 item 3, issue 12 item 6)', () => {
  it('spike: "(modulo(t,3))" is true when non-zero, as C\'s if (...) (ANNarchy compiles it)', () => {
    const net = new Network({ dt: 1.0 });
    const pop = new Population(1, new Neuron({ equations: 'v = 0', spike: '(modulo(t,3))', name: 'mod' }), { network: net });
    const m = new Monitor(pop, ['spike']);
    net.simulate(8);
    // t = step * dt; modulo(t, 3) = long(t) % 3 is non-zero at steps 1, 2, 4, 5, 7
    expect((m.get('spike') as SpikeDict)[0]).to.deep.equal([1, 2, 4, 5, 7]);
  });

  it('a numeric spike condition that is NaN counts as true (C: NaN != 0)', () => {
    const net = new Network({ dt: 1.0 });
    // NaN attributes are refused (issue 18), so neuron 1 computes its NaN: 0/0
    const pop = new Population(2, new Neuron({ parameters: 'x = 0.0\nz = 1.0', equations: 'v = x / z', spike: 'v', name: 'nan' }), { network: net });
    pop.z = Float64Array.from([1, 0]);
    const m = new Monitor(pop, ['spike']);
    net.simulate(2);
    expect(m.get('spike') as SpikeDict).to.deep.equal({ 0: [], 1: [0, 1] });
  });

  it('float literals with a trailing point: 1./x, 2.e-3, x/2. (Python/C), also in a running model', () => {
    expect(parseExpression('1./x').toString()).to.equal('1 / x');
    expect(parseExpression('2.e-3 * v').toString()).to.equal('0.002 * v');
    expect(parseExpression('x/2. + 10.E+2').toString()).to.equal('x / 2 + 1000');
    const net = new Network({ dt: 1.0 });
    const pop = new Population(1, new Neuron({ parameters: 'tau = 4.', equations: 'r = 1./tau + 2.e-3', name: 'lits' }), { network: net });
    net.simulate(1);
    expect(pop.r).to.deep.equal(Float64Array.from([1.0 / 4.0 + 2e-3]));
  });
});
