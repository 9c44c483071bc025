import { expect } from 'chai';
import { Network } from '../../../src/engine/network.js';
import { Population } from '../../../src/engine/population.js';
import { Projection } from '../../../src/engine/projection.js';
import { Monitor } from '../../../src/engine/monitor.js';
import { Neuron } from '../../../src/language/neuron.js';
import { Synapse } from '../../../src/language/synapse.js';
import type { RecordedArray } from '../../../src/monitors/recorded-array.js';
import { counterSource, receiver } from './helpers.js';

function firstNonZero(a: RecordedArray, col = 0, width = 1): number {
  for (let k = 0; k < a.data.length / width; k++) if (a.data[k * width + col] !== 0) return k;
  return -1;
}

describe('engine: spiking projections', () => {
  it('delivers a spike of step 10 with delay 1 ms at dt 0.1 at step 20 (ANNarchy-verified)', () => {
    const net = new Network({ dt: 0.1 });
    const src = new Population(1, counterSource('c == 11'), { network: net }); // spikes at step 10
    const post = new Population(1, receiver, { network: net });
    const proj = new Projection(src, post, 'exc');
    proj.connectAllToAll({ weights: 0.7, delays: 1.0 });
    const ms = new Monitor(src, ['spike']);
    const m = new Monitor(post, ['g_exc']);
    net.simulate(3);
    expect((ms.get('spike') as Record<number, number[]>)[0]).to.deep.equal([10]);
    const g = m.get('g_exc') as RecordedArray;
    expect(firstNonZero(g)).to.equal(20);
    expect(g.data[20]).to.equal(0.7);
    expect(g.data[21]).to.equal(0); // implicit g_exc = 0 after the update
    expect(proj.delay).to.equal(1.0);
  });

  it('reaches every post neuron on both sides of 65536 (2-byte post ranks up to 65536 neurons, 4-byte beyond)', () => {
    for (const size of [65536, 65537]) {
      const net = new Network({ dt: 0.1 });
      const src = new Population(1, counterSource('c == 11'), { network: net }); // spikes at step 10
      const post = new Population(size, receiver, { network: net });
      new Projection(src, post, 'exc').connectAllToAll({ weights: 0.5 });
      net.simulate(1.2); // delivered at step 11, integrated in its update
      const v = post.get('v') as Float64Array;
      const expected = 0.1 * 0.5;
      for (const r of [0, 255, 256, 65535, size - 1]) expect(v[r], `size ${size}, rank ${r}`).to.equal(expected);
      expect(v.every((x) => x === expected), `size ${size}: every neuron`).to.equal(true);
    }
  });

  it('per-synapse delays: 0 steps is treated as 1 (ANNarchy would index out of its ring buffer), 0.3 ms as 3', () => {
    const net = new Network({ dt: 0.1 });
    const src = new Population(1, counterSource('c == 11'), { network: net }); // spikes at step 10
    const post = new Population(2, receiver, { network: net });
    new Projection(src, post, 'exc').connectFromMatrix({ weights: [[0.5], [0.25]], delays: [[0.0], [0.3]] });
    const m = new Monitor(post, ['g_exc']);
    net.simulate(2);
    const g = m.get('g_exc') as RecordedArray;
    expect(firstNonZero(g, 0, 2)).to.equal(11);
    expect(firstNonZero(g, 1, 2)).to.equal(13);
  });

  it('without delay (0 ms) a spike is delivered in the next step', () => {
    const net = new Network({ dt: 0.1 });
    const src = new Population(1, counterSource('c == 11'), { network: net });
    const post = new Population(1, receiver, { network: net });
    new Projection(src, post, 'exc').connectOneToOne({ weights: 0.5 });
    const m = new Monitor(post, ['g_exc']);
    net.simulate(2);
    expect(firstNonZero(m.get('g_exc') as RecordedArray)).to.equal(11);
  });

  it('rounds delays half to even (1.25 ms at dt 0.5 -> 2 steps, 1.75 ms -> 4) with per-synapse delays', () => {
    const net = new Network({ dt: 0.5 });
    const src = new Population(2, counterSource('c == 11'), { network: net }); // spikes at step 10
    const post = new Population(2, receiver, { network: net });
    const proj = new Projection(src, post, 'exc');
    proj.connectFromMatrix({ weights: [[1.0, null], [null, 2.0]], delays: [[1.25, null], [null, 1.75]] });
    const m = new Monitor(post, ['g_exc']);
    net.simulate(10);
    const g = m.get('g_exc') as RecordedArray;
    expect(firstNonZero(g, 0, 2)).to.equal(12);
    expect(firstNonZero(g, 1, 2)).to.equal(14);
    expect(g.data[2 * 14 + 1]).to.equal(2.0);
    expect(proj.delay).to.deep.equal([[1.0], [2.0]]);
  });

  it('weights written after compile (proj.w, dendrite.set, synapse.set) reach the next delivered spike', () => {
    const net = new Network({ dt: 0.1 });
    // spikes at steps 4, 9, 14, 19: delivered at 5, 10, 15, 20
    const every5 = new Neuron({ equations: 'c = c + 1', spike: 'c >= 5', reset: 'c = 0', name: 'every 5 steps' });
    const src = new Population(1, every5, { network: net });
    const post = new Population(2, receiver, { network: net });
    const proj = new Projection(src, post, 'exc').connectAllToAll({ weights: 0.5 });
    proj.w = 0.25; // before compile: applied at compile
    const m = new Monitor(post, ['g_exc']);
    const delivered = () => {
      net.simulate(0.5);
      const d = (m.get('g_exc') as RecordedArray).data;
      return [d[d.length - 2], d[d.length - 1]];
    };
    net.compile();
    net.simulate(0.1); // step 0
    expect(delivered()).to.deep.equal([0.25, 0.25]); // steps 1..5
    proj.dendrite(1).set({ w: 2.0 });
    expect(delivered()).to.deep.equal([0.25, 2.0]);
    proj.synapse(0, 0).set({ w: 3.0 });
    expect(delivered()).to.deep.equal([3.0, 2.0]);
    proj.w = [[4.0], [5.0]];
    expect(delivered()).to.deep.equal([4.0, 5.0]);
  });

  it('accumulates conductances during refractoriness and dumps them after (4.7.3: 0.5, 1.0, 1.5)', () => {
    const net = new Network({ dt: 0.1 });
    const src = new Population(1, counterSource('c > 0'), { network: net }); // spikes every step
    // spikes once at step 5 (its counter is frozen while refractory), refractory int(0.3/0.1) = 2 steps
    const LIF = new Neuron({ equations: 'c = c + 1\n dv/dt = -v + g_exc', spike: 'c == 6', refractory: 0.3, name: 'refractory counter' });
    const post = new Population(1, LIF, { network: net });
    new Projection(src, post, 'exc').connectAllToAll({ weights: 0.5 });
    const m = new Monitor(post, ['g_exc', 'spike']);
    net.simulate(1.1);
    const g = Array.from((m.get('g_exc') as RecordedArray).data);
    expect((m.get('spike') as Record<number, number[]>)[0]).to.deep.equal([5]);
    expect(g).to.deep.equal([0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.0, 1.5, 0.5, 0.5]);
  });

  it('applies a "max" flag on g_target += w', () => {
    const net = new Network({ dt: 1.0 });
    const src = new Population(3, counterSource('c == 2'), { network: net });
    const post = new Population(1, receiver, { network: net });
    const syn = new Synapse({ preSpike: 'g_target += w : max = 1.5' });
    new Projection(src, post, 'exc', syn).connectAllToAll({ weights: 1.0 });
    const m = new Monitor(post, ['g_exc']);
    net.simulate(4);
    expect(Array.from((m.get('g_exc') as RecordedArray).data)).to.deep.equal([0, 0, 1.5, 0]);
  });

  it('pair-based STDP with event-driven traces changes w as the hand computation (incl. the t-1 quirk)', () => {
    const STDP = new Synapse({
      parameters: `tau_plus = 20.0 : projection
        tau_minus = 20.0 : projection
        A_plus = 0.01 : projection
        A_minus = 0.01 : projection
        w_min = 0.0 : projection
        w_max = 1.0 : projection`,
      equations: `tau_plus * dx/dt = -x : event-driven
        tau_minus * dy/dt = -y : event-driven`,
      preSpike: `g_target += w
        x += A_plus * w_max
        w = clip(w + y, w_min, w_max)`,
      postSpike: `y -= A_minus * w_max
        w = clip(w + x, w_min, w_max)`,
    });
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, counterSource('c == 11 or c == 21'), { network: net }); // spikes at steps 10 and 20
    const post2 = new Population(1, new Neuron({ equations: 'c = c + 1\n dv/dt = g_exc - v', spike: 'c == 16', name: 'post counter' }), { network: net });
    const proj = new Projection(pre, post2, 'exc', STDP);
    proj.connectAllToAll({ weights: 0.5 });
    const mw = new Monitor(proj, ['w']);
    net.simulate(12);
    // pre event at step 11: x = 0.01, w unchanged (y = 0)
    expect(proj.x).to.deep.equal([[0.01]]);
    expect(proj.w).to.deep.equal([[0.5]]);
    net.simulate(4); // post spike at step 15: x decays over 15 - 11 = 4 steps
    const w1 = 0.5 + 0.01 * Math.exp((1.0 * (11 - 15)) / 20.0);
    expect((proj.w as number[][])[0]![0]).to.equal(w1);
    expect(proj.y).to.deep.equal([[-0.01]]);
    net.simulate(6); // pre event at step 21: decay up to t-1 = 20 from the last event 15 (5 steps, not 6)
    const y2 = -0.01 * Math.exp((1.0 * (15 - 20)) / 20.0);
    expect((proj.w as number[][])[0]![0]).to.equal(w1 + y2);
    expect((proj.y as number[][])[0]![0]).to.equal(y2);
    const w = mw.get('w') as RecordedArray;
    expect(w.shape).to.deep.equal([22, 1, 1]);
    expect(w.data[15]).to.equal(w1);
    // reset() keeps w; with learning disabled the traces still move but w does not
    net.reset({ projections: true });
    expect((proj.w as number[][])[0]![0]).to.equal(w1 + y2);
    expect(proj.x).to.deep.equal([[0]]);
    proj.disableLearning();
    net.simulate(22);
    expect((proj.w as number[][])[0]![0]).to.equal(w1 + y2);
    expect((proj.y as number[][])[0]![0]).to.equal(y2);
  });
});
