import { expect } from 'chai';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { clear, compile, getPopulation, getProjection, setup, simulate, step } from '../../src/engine/global-functions.js';
import { Neuron } from '../../src/language/neuron.js';
import { DBSstimulator } from '../../src/dbs/dbs-stimulator.js';
import { DBSError } from '../../src/dbs/dbs-error.js';
import { axonSpikesPerPulseToProb } from '../../src/dbs/dbs-pulse.js';
import { createDbsOnArray } from '../../src/dbs/dbs-on-array.js';
import type { SpikeDict } from '../../src/engine/spike-dict.js';

// An Izhikevich-shaped neuron that stays where it is: every change of v comes from DBS.
const STILL = new Neuron({
  parameters: 'c = -65\nd = 2',
  equations: 'dg_ampa/dt = 0\ndv/dt = 0 : init = -80\ndu/dt = 0',
  spike: 'v > 1000', reset: 'v = c', name: 'still',
});
const STILL_RATE = new Neuron({ parameters: 'I = 0', equations: 'dmp/dt = 0\nr = mp + sum(exc)', name: 'still_rate' });

/** Steps (of the first `n`) at which v of neuron 0 changed. */
function changedSteps(pop: Population, n: number): number[] {
  const out: number[] = [];
  let before = pop.v[0]!;
  for (let k = 0; k < n; k++) {
    step();
    const now = pop.v[0]!;
    if (now !== before) out.push(k);
    before = now;
  }
  return out;
}

/** pulse(t) as CompNeuroPy defines it, with ANNarchy's integer modulo. */
const pulse = (k: number, dt: number, f: number, w: number) => (Math.trunc(k * dt * 1000) % Math.trunc(1e6 / f) < w ? 1 : 0);

describe('dbs/dbs-stimulator: DBS effects (CompNeuroPy dbs.py semantics)', function () {
  this.timeout(120000);
  afterEach(() => clear());

  it('pulses of width w at frequency f: 130 Hz, 300 us at dt 0.1 cover steps 0-2, 77-79, 154-156 (integer modulo of t*1000 by 7692 us)', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    new Population(2, STILL, 'S');
    new DBSstimulator({ stimulatedPopulation: 'S', dbsDepolarization: 1, autoImplement: true });
    compile();
    const dbs = new DBSstimulator({ stimulatedPopulation: 'S', dbsDepolarization: 1 });
    dbs.on();
    expect(changedSteps(getPopulation('S'), 240)).to.deep.equal([0, 1, 2, 77, 78, 79, 154, 155, 156, 231, 232, 233]);
  });

  it('other frequencies and widths give the pattern of pulse(t) = modulo(t*1000, 1e6/f) < w', () => {
    for (const [f, w] of [[1000, 100], [250, 1500], [60, 90]] as const) {
      clear();
      setup({ dt: 0.1, seed: 1 });
      new Population(1, STILL, 'S');
      const dbs = new DBSstimulator({ stimulatedPopulation: 'S', dbsDepolarization: 1, dbsPulseFrequencyHz: f, dbsPulseWidthUs: w, autoImplement: true });
      compile();
      dbs.on();
      const n = 800;
      const expected = Array.from({ length: n }, (_, k) => k).filter((k) => pulse(k, 0.1, f, w) === 1);
      expect(changedSteps(getPopulation('S'), n), `${f} Hz, ${w} us`).to.deep.equal(expected);
    }
  });

  it('depolarisation adds pulse(t)*dbs_on*dbs_depolarization*neg(-90 - v) to dv/dt, on the stimulated neurons only', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    new Population(10, STILL, 'S');
    new Population(3, STILL, 'other');
    const dbs = new DBSstimulator({ stimulatedPopulation: 'S', dbsDepolarization: 2, populationProportion: 0.5, seed: 12, autoImplement: true });
    compile();
    dbs.on();
    step();
    const s = getPopulation('S');
    // explicit Euler, one step: v = -80 + dt * 1 * 2 * (-90 - (-80)) = -82 where dbs_on = 1
    expect(Array.from(s.v)).to.deep.equal(Array.from(dbs.dbsOnArray, (on) => (on === 1 ? -82 : -80)));
    expect(dbs.dbsOnArray.reduce((a, b) => a + b, 0)).to.equal(5);
    expect(Array.from(getPopulation('other').v)).to.deep.equal([-80, -80, -80]);
    expect(Array.from(s.dbs_on)).to.deep.equal(Array.from(dbs.dbsOnArray));
    dbs.off();
    simulate(10);
    expect(Array.from(s.v)).to.deep.equal(Array.from(dbs.dbsOnArray, (on) => (on === 1 ? -82 : -80)));
  });

  it('orthodromic stimulation of efferents: axonal spikes on the stimulated axons reach the targets, the soma is not reset', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    const s0 = new Population(4, STILL, 'S');
    const t0 = new Population(2, STILL, 'T');
    const x0 = new Population(2, STILL, 'X');
    new Projection(s0, t0, 'ampa', undefined, 's_t').connectAllToAll({ weights: 0.5 });
    new Projection(s0, x0, 'ampa', undefined, 's_x').connectAllToAll({ weights: 0.5 });
    const dbs = new DBSstimulator({ stimulatedPopulation: s0, excludedPopulationsList: [x0], autoImplement: true });
    const [s, t, x] = dbs.updatePointers([s0, t0, x0]) as Population[];
    const m = new Monitor(s!, ['spike', 'axon_spike']);
    compile();
    // 3 spikes per pulse of 3 steps: probability 1 per step
    dbs.on({ orthodromic: true, efferents: true, axonSpikesPerPulse: 3 });
    expect([s!.prob_axon_spike, t!.prob_axon_spike, (getProjection('s_t') as Projection).p_axon_spike_trans, (getProjection('s_x') as Projection).p_axon_spike_trans]).to.deep.equal([1, 0, 1, 0]);
    simulate(7); // steps 0-69: one pulse, steps 0-2
    const axon = m.get('axon_spike') as SpikeDict;
    for (let r = 0; r < 4; r++) expect(axon[r], `rank ${r}`).to.deep.equal([0, 1, 2]);
    expect(Object.values(m.get('spike') as SpikeDict).flat()).to.deep.equal([]);
    expect(Array.from(s!.v)).to.deep.equal([-80, -80, -80, -80]);
    // 3 steps x 4 axons x w 0.5 (p_axon_spike_trans 1, post.dbs_on 1); the excluded X gets nothing
    expect(Array.from(t!.g_ampa)).to.deep.equal([6, 6]);
    expect(Array.from(x!.g_ampa)).to.deep.equal([0, 0]);
    dbs.off();
    simulate(10);
    expect(Array.from(t!.g_ampa)).to.deep.equal([6, 6]);
    expect(Object.values(m.get('axon_spike') as SpikeDict).flat()).to.deep.equal([]);
  });

  it('antidromic stimulation of efferents: axonal spikes reset the soma (v = c, u += d) and reach no target without orthodromic', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    const s0 = new Population(3, STILL, 'S');
    const t0 = new Population(1, STILL, 'T');
    new Projection(s0, t0, 'ampa', undefined, 's_t').connectAllToAll({ weights: 0.5 });
    const dbs = new DBSstimulator({ stimulatedPopulation: s0, antidromic: true, efferents: true, axonSpikesPerPulse: 3, autoImplement: true });
    compile();
    dbs.on();
    const [s, t] = [getPopulation('S'), getPopulation('T')];
    expect([s.antidromic, s.antidromic_prob, s.prob_axon_spike]).to.deep.equal([1, 1, 1]);
    step();
    expect(Array.from(s.v)).to.deep.equal([-65, -65, -65]);
    expect(Array.from(s.u)).to.deep.equal([2, 2, 2]);
    simulate(5);
    expect(Array.from(s.u)).to.deep.equal([6, 6, 6]); // three pulse steps
    expect(Array.from(t.g_ampa)).to.deep.equal([0]);
  });

  it('afferents and passing fibres: which projections transmit and which populations fire back, with the probabilities of dbs.py', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    const [a, s, b, p, q] = ['A', 'S', 'B', 'P', 'Q'].map((n) => new Population(4, STILL, n));
    new Projection(a!, s!, 'ampa', undefined, 'a_s').connectAllToAll({ weights: 1 });
    new Projection(b!, s!, 'ampa', undefined, 'b_s').connectAllToAll({ weights: 1 });
    new Projection(p!, q!, 'ampa', undefined, 'p_q1').connectOneToOne({ weights: 1 });
    new Projection(p!, a!, 'ampa', undefined, 'p_a').connectOneToOne({ weights: 1 });
    const dbs = new DBSstimulator({
      stimulatedPopulation: 'S', excludedPopulationsList: ['B'], passingFibresList: ['p_q1', 'p_a'], passingFibresStrength: [0.2, 0.3],
      populationProportion: 0.5, seed: 3, autoImplement: true,
    });
    compile();
    dbs.on({ orthodromic: true, antidromic: true, afferents: true, passingFibres: true });
    const prob = axonSpikesPerPulseToProb(1, 0.1, 300);
    expect(prob).to.equal(1 / 3);
    const proj = (n: string) => (getProjection(n) as Projection).p_axon_spike_trans;
    expect([proj('a_s'), proj('b_s'), proj('p_q1'), proj('p_a')]).to.deep.equal([1, 0, 0.2, 0.3]);
    const pop = (n: string) => getPopulation(n);
    expect([pop('A').prob_axon_spike, pop('B').prob_axon_spike, pop('P').prob_axon_spike, pop('S').prob_axon_spike]).to.deep.equal([prob, 0, prob, 0]);
    // afferents: antidromic_prob = mean(dbs_on) of the stimulated population; passing fibres: sum of the branches
    expect([pop('A').antidromic_prob, pop('B').antidromic_prob, pop('P').antidromic_prob]).to.deep.equal([0.5, 0, 0.2 + 0.3]);
    expect(Array.from(pop('S').dbs_on)).to.deep.equal(Array.from(dbs.dbsOnArray));
    expect(Array.from(pop('A').dbs_on)).to.deep.equal([1, 1, 1, 1]);
    // sumBranches: false needs equal strengths; a sum above 1 is refused; nothing is applied then
    expect(() => dbs.on({ antidromic: true, passingFibres: true, sumBranches: false })).to.throw(DBSError, /passingFibresStrength: different strengths for the passing fibres of "P"/);
    expect(() => dbs.on({ antidromic: true, passingFibres: true, passingFibresStrength: [0.6, 0.6], dbsDepolarization: 5 })).to.throw(DBSError, /sum to 1.2 > 1/);
    expect(pop('S').dbs_depolarization).to.equal(0);
    expect(pop('P').antidromic_prob).to.equal(0.5);
    dbs.off();
    expect([proj('a_s'), proj('p_a'), pop('P').antidromic, pop('A').prob_axon_spike, Array.from(pop('S').dbs_on)]).to.deep.equal([0, 0, 0, 0, [0, 0, 0, 0]]);
  });

  it('rate-coded: axon_rate = axon_rate_amp*dbs_on is added to pre.r of the activated projections (pre_rate)', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    const s0 = new Population(2, STILL_RATE, 'S');
    const t0 = new Population(1, STILL_RATE, 'T');
    const u0 = new Population(1, STILL_RATE, 'U');
    s0.mp = 0.25;
    new Projection(s0, t0, 'exc', undefined, 's_t').connectAllToAll({ weights: 0.5 });
    new Projection(u0, s0, 'exc', undefined, 'u_s').connectAllToAll({ weights: 1 });
    const dbs = new DBSstimulator({ stimulatedPopulation: s0, autoImplement: true, axonRateAmp: { S: 1.5 } });
    compile();
    simulate(1);
    const t = getPopulation('T');
    expect(Array.from(t.r)).to.deep.equal([0.25]); // 2 x 0.5 x 0.25
    dbs.on({ orthodromic: true, efferents: true, afferents: true });
    expect([getPopulation('S').axon_rate_amp, getPopulation('U').axon_rate_amp]).to.deep.equal([1.5, 1]);
    simulate(1);
    // S reads U's axons (afferents): r = 0.25 + 1 x (0 + 1 x 1 x 1) = 1.25
    expect(Array.from(getPopulation('S').r)).to.deep.equal([1.25, 1.25]);
    // T reads S's axons (efferents): pre_rate = r + 1 x axon_rate_amp x dbs_on x post.dbs_on = 1.25 + 1.5; 2 x 0.5 x 2.75
    expect(Array.from(t.r)).to.deep.equal([2.75]);
    dbs.off();
    simulate(1);
    expect(Array.from(t.r)).to.deep.equal([0.25]);
  });

  it('rate-coded depolarisation adds pulse(t)*dbs_on*dbs_depolarization*neg(-1 - mp) to dmp/dt', () => {
    clear();
    setup({ dt: 0.1, seed: 1 });
    new Population(1, STILL_RATE, 'S');
    const dbs = new DBSstimulator({ stimulatedPopulation: 'S', dbsDepolarization: 3, autoImplement: true });
    compile();
    dbs.on();
    step();
    // mp = 0 + 0.1 * 3 * (-1 - 0)
    expect(getPopulation('S').mp[0]).to.equal(0.1 * 3 * -1);
  });

  it('chooses round(proportion * size) up or down at random and shuffles (numpy RandomState: a documented difference)', () => {
    const counts = new Set<number>();
    for (let seed = 0; seed < 40; seed++) counts.add(createDbsOnArray(10, 0.55, seed).reduce((a, b) => a + b, 0));
    expect([...counts].sort()).to.deep.equal([5, 6]);
    expect(Array.from(createDbsOnArray(4, 1, undefined))).to.deep.equal([1, 1, 1, 1]);
    expect(Array.from(createDbsOnArray(7, 0.5, 9))).to.deep.equal(Array.from(createDbsOnArray(7, 0.5, 9)));
  });

  describe('bad options name the argument; nothing is applied', () => {
    beforeEach(() => {
      clear();
      setup({ dt: 0.1 });
      const a = new Population(2, STILL, 'A');
      new Projection(a, a, 'ampa', undefined, 'a_a').connectAllToAll({ weights: 1 });
    });

    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['an unknown population', { stimulatedPopulation: 'nope' }, /stimulatedPopulation: no population "nope"/],
      ['a frequency of 0', { stimulatedPopulation: 'A', dbsPulseFrequencyHz: 0 }, /dbsPulseFrequencyHz: expected a number in \(0, 1e6\]/],
      ['a NaN frequency', { stimulatedPopulation: 'A', dbsPulseFrequencyHz: NaN }, /dbsPulseFrequencyHz/],
      ['a width beyond the period', { stimulatedPopulation: 'A', dbsPulseWidthUs: 8000 }, /dbsPulseWidthUs: .*\(0, 7692\)/],
      ['a negative width', { stimulatedPopulation: 'A', dbsPulseWidthUs: -1 }, /dbsPulseWidthUs/],
      ['a proportion above 1', { stimulatedPopulation: 'A', populationProportion: 1.5 }, /populationProportion: expected a number in \[0, 1\]/],
      ['an unknown option', { stimulatedPopulation: 'A', orthodromc: true }, /orthodromc: unknown option of DBSstimulator/],
      ['an unknown excluded population', { stimulatedPopulation: 'A', excludedPopulationsList: ['B'] }, /excludedPopulationsList\[0\]: no population "B"/],
      ['an unknown passing fibre', { stimulatedPopulation: 'A', passingFibresList: ['a_b'] }, /passingFibresList\[0\]: no projection "a_b"/],
      ['strengths that do not match the fibres', { stimulatedPopulation: 'A', passingFibresList: ['a_a'], passingFibresStrength: [0.1, 0.2] }, /passingFibresStrength: expected one strength per passing fibre \(1\), got 2/],
      ['a negative number of axon spikes', { stimulatedPopulation: 'A', axonSpikesPerPulse: -1 }, /axonSpikesPerPulse/],
      ['an axon rate for an unknown population', { stimulatedPopulation: 'A', axonRateAmp: { Z: 1 } }, /axonRateAmp: "Z" is neither a population nor "default"/],
      ['a bad seed', { stimulatedPopulation: 'A', seed: -3 }, /seed: expected an integer/],
    ];
    for (const [what, opts, re] of cases) {
      it(`refuses ${what}`, () => {
        const a = getPopulation('A');
        expect(() => new DBSstimulator({ autoImplement: true, ...opts } as never)).to.throw(DBSError, re);
        expect(getPopulation('A')).to.equal(a);
      });
    }

    it('refuses a population without DBS mechanisms when autoImplement is off', () => {
      expect(() => new DBSstimulator({ stimulatedPopulation: 'A' })).to.throw(DBSError, /stimulatedPopulation: "A" has no DBS mechanisms/);
    });

    it('refuses autoImplement after compile(), and bad on() options without changing anything', () => {
      const dbs = new DBSstimulator({ stimulatedPopulation: 'A', autoImplement: true });
      compile();
      expect(() => new DBSstimulator({ stimulatedPopulation: 'A', autoImplement: true })).to.throw(DBSError, /autoImplement: the network is compiled/);
      expect(() => dbs.on({ populationProportion: 2, dbsDepolarization: 4 })).to.throw(DBSError, /populationProportion/);
      expect(() => dbs.on({ orthodromic: 'yes' } as never)).to.throw(DBSError, /orthodromic: expected true or false/);
      expect(() => dbs.on({ bogus: 1 } as never)).to.throw(DBSError, /bogus: unknown option of on\(\)/);
      expect(getPopulation('A').dbs_depolarization).to.equal(0);
      expect(Array.from(getPopulation('A').dbs_on)).to.deep.equal([0, 0]);
    });
  });
});
