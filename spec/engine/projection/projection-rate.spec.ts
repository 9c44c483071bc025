import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';

// pre.r = a * t (t = step*dt, so after step k: a*k*dt); post.r = sum(exc)
const Ramp = new Neuron({ parameters: 'a = 1.0', equations: 'r = a * t', name: 'ramp' });
const Sum = new Neuron({ equations: 'r = sum(exc)', name: 'sum' });

function rateNet(opts: { delays?: number; synapse?: Synapse; dt?: number } = {}) {
  const net = new Network({ dt: opts.dt ?? 1.0 });
  const pre = new Population(2, Ramp, { name: 'pre', network: net });
  const post = new Population(2, Sum, { name: 'post', network: net });
  pre.a = [1, 2];
  const proj = new Projection(pre, post, 'exc', opts.synapse);
  proj.connectFromMatrix({ weights: [[0.5, 0.25], [1.0, null]], delays: opts.delays ?? 0 });
  return { net, pre, post, proj };
}

describe('engine: rate-coded projections', () => {
  it('computes sum(exc) at the start of a step from pre.r of the previous step', () => {
    const { net, post } = rateNet();
    const m = new Monitor(post, ['r', 'sum(exc)']);
    net.simulate(5);
    const r = m.get('r') as RecordedArray;
    // after step k: post0 = 0.5*1*(k-1) + 0.25*2*(k-1) = k-1, post1 = 1.0*(k-1); step 0 sees the initial pre.r = 0
    const expected0 = [0, 0, 1, 2, 3];
    const expected1 = [0, 0, 1, 2, 3];
    for (let k = 0; k < 5; k++) {
      expect(r.data[2 * k]).to.equal(expected0[k]);
      expect(r.data[2 * k + 1]).to.equal(expected1[k]);
    }
    const s = m.get('sum(exc)') as RecordedArray;
    expect(Array.from(s.data)).to.deep.equal([0, 0, 0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('delays rate values by round(delay/dt) steps, reading the initial values before', () => {
    const { net, post } = rateNet({ delays: 3.0 });
    const m = new Monitor(post, ['r']);
    net.simulate(6);
    const r = m.get('r') as RecordedArray;
    // value used at step k is the end of step k-3: pre = a*(k-3) for k >= 3, initial 0 before
    expect(Array.from(r.data).filter((_, i) => i % 2 === 1)).to.deep.equal([0, 0, 0, 0, 1, 2]);
  });

  it('combines psp with max, min and mean', () => {
    const expectAfter = (operation: 'max' | 'min' | 'mean', v0: number) => {
      const { net, post } = rateNet({ synapse: new Synapse({ psp: 'w * pre.r', operation }) });
      net.simulate(4); // pre.r at the end of step 2: [2, 4]
      expect((post.r as Float64Array)[0]).to.be.closeTo(v0, 1e-15);
      expect((post.r as Float64Array)[1]).to.equal(2.0); // single synapse 1.0 * 2
    };
    expectAfter('max', Math.max(0.5 * 2, 0.25 * 4));
    expectAfter('min', Math.min(0.5 * 2, 0.25 * 4));
    expectAfter('mean', (0.5 * 2 + 0.25 * 4) / 2);
  });

  it('integrates continuous synaptic equations after the neuron update (explicit Euler)', () => {
    const Hebb = new Synapse({ parameters: 'eta = 0.1 : projection', equations: 'dw/dt = eta * pre.r * post.r : min = 0.0' });
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, new Neuron({ parameters: 'r = 2.0', name: 'const2' }), { network: net });
    const post = new Population(1, new Neuron({ parameters: 'r = 3.0', name: 'const3' }), { network: net });
    const proj = new Projection(pre, post, 'exc', Hebb);
    proj.connectAllToAll({ weights: 1.0 });
    net.simulate(3);
    // w += dt * 0.1 * 2 * 3 per step
    expect((proj.w as number[][])[0]![0]).to.be.closeTo(1 + 3 * 0.6, 1e-12);
    proj.disableLearning();
    net.simulate(2);
    expect((proj.w as number[][])[0]![0]).to.be.closeTo(2.8, 1e-12);
    proj.enableLearning();
    net.simulate(1);
    expect((proj.w as number[][])[0]![0]).to.be.closeTo(3.4, 1e-12);
  });

  it('enableLearning(period) integrates every period with dt*period', () => {
    const Decay = new Synapse({ parameters: 'tau = 10.0 : projection', equations: 'tau * dw/dt = -w' });
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, Ramp, { network: net });
    const post = new Population(1, Sum, { network: net });
    const proj = new Projection(pre, post, 'exc', Decay);
    proj.connectOneToOne({ weights: 1.0 });
    net.compile();
    proj.enableLearning(2.0);
    net.simulate(4); // updates at steps 0 and 2, each w += 2 * (-w/10)
    expect((proj.w as number[][])[0]![0]).to.be.closeTo(0.8 * 0.8, 1e-15);
  });
});
