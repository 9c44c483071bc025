import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { SpikeDict } from '../../src/monitors/recordings.js';

// Reference: ANNarchy 4.7.3 (CompNeuroPy 1.0.4) trace of the seed example's first ramp.
const ref = JSON.parse(readFileSync(new URL('../fixtures/hh_bischop_ramp_annarchy.json', import.meta.url), 'utf8')) as {
  v: number[];
  spike_steps: number[];
};

describe('engine: HH_Bischop against ANNarchy 4.7.3', () => {
  for (const backend of ['js', 'wasm'] as const) it(`reproduces the 100000-step current-ramp trace within 1e-6 mV with identical spike steps (${backend} kernels)`, () => {
    const net = new Network({ dt: 0.01, seed: 1, backend });
    const pop = new Population(1, HHneuronBischop, { name: 'HH_Bischop', network: net });
    net.compile();
    expect(pop.backend).to.equal(backend);
    pop.v = -90; // the stored state of the seed example; everything else at its compile value
    const mon = new Monitor(pop, ['v', 'spike']);
    // current_ramp(a0=0, a1=100, dur=1000, n=50): amplitude accumulated by addition
    let amp = 0;
    const da = (100 - 0) / (50 - 1);
    for (let seg = 0; seg < 50; seg++) {
      pop.I_app = amp;
      net.simulate(20);
      amp += da;
    }
    const v = mon.get('v') as RecordedArray;
    expect(v.shape).to.deep.equal([100000, 1]);
    let maxDiff = 0;
    for (let k = 0; k < ref.v.length; k++) maxDiff = Math.max(maxDiff, Math.abs(v.data[k]! - ref.v[k]!));
    expect(maxDiff).to.be.below(1e-6);
    // the first 2000 samples (I_app = 0, no spike) within 1e-9 mV: block order (prev_v sees the old
    // v, dCa/dt the previous step's I_Ca, PV_Ca and Ca updated together) is ANNarchy's
    let first = 0;
    for (let k = 0; k < 2000; k++) first = Math.max(first, Math.abs(v.data[k]! - ref.v[k]!));
    expect(first).to.be.below(1e-9);
    expect((mon.get('spike') as SpikeDict)[0]).to.deep.equal(ref.spike_steps);
  });
});
