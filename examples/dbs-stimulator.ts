/**
 * Port of CompNeuroPy's `examples/dbs_stimulator.py` (docs/examples/dbs.md, run by its
 * `test_dbs.py`): the DBS stimulator on a simple spiking (Izhikevich with conductance-based
 * synapses) and a rate-coded model of six populations, in 14 conditions (nothing, orthodromic /
 * antidromic stimulation of efferents, afferents and passing fibres, depolarisation, everything,
 * everything without axon spikes, everything without axon rates). Each trial: 1000 ms off,
 * 500 ms on, 1000 ms off. The effect on each population's mean activity is checked against
 * CompNeuroPy's expected table (an error if it differs), and the figures go to
 * `DBS_spiking_figure/` and `DBS_rate_figure/`.
 *
 * Model structure (-o inhibitory, -> excitatory, .-> passing fibre):
 * ```
 *         POP1       POP2
 *         |          |
 *         o          v
 * DBS--->POP3------oPOP4
 *             .----.
 *             |    |
 *         POP5   '-->POP6
 * ```
 *
 * Run: `npm start -- examples/dbs-stimulator.ts` (with figures, as `python dbs_stimulator.py`;
 * `--no-figures` skips them, as CompNeuroPy's test calls `main()`; `--spiking` / `--rate-coded`
 * run one model).
 */
import { mkdirSync } from 'node:fs';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import { dt, getPopulation, getProjection, setup, simulate } from '../src/engine/global-functions.js';
import { Neuron } from '../src/language/neuron.js';
import { Constant } from '../src/language/constant.js';
import { defaultRateSynapse, defaultSpikingSynapse, type Synapse } from '../src/language/synapse.js';
import { CompNeuroModel, cnpClear } from '../src/experiment/comp-neuro-model.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import type { RecordingTimes } from '../src/monitors/recording-times.js';
import type { Recordings } from '../src/monitors/recordings.js';
import type { RecordedArray } from '../src/monitors/recorded-array.js';
import { PlotRecordings } from '../src/plot/plot-recordings.js';
import { DBSstimulator } from '../src/dbs/dbs-stimulator.js';
import type { DBSonOptions } from '../src/dbs/dbs-settings.js';
import { isMain } from './is-main.js';

type Mode = 'spiking' | 'rate-coded';

interface ModelKwargs {
  neuronModel: Neuron;
  popSize?: number;
  baseCurrentList?: number[];
  baseCurrentNoise?: number;
  probList?: number[];
  weightList?: number[];
}

/** Simple neuron model equations from Izhikevich (2007), regular spiking, with AMPA and GABA conductances. */
function getNeuronModelSpiking(): Neuron {
  return new Neuron({
    parameters: `
                C      = 100     : population # pF
                k      = 0.7     : population # pS * mV**-1
                v_r    = -60     : population # mV
                v_t    = -40     : population # mV
                a      = 0.03     : population # ms**-1
                b      = -2     : population # nS
                c      = -50     : population # mV
                d      = 100     : population # pA
                v_peak = 35     : population # mV
                I_app  = 0     # pA
                tau_ampa = 10  : population # ms
                tau_gaba = 10  : population # ms
                E_ampa   = 0   : population # mV
                E_gaba   = -90 : population # mV
                base_mean       = 0 # pA
                base_noise      = 0 # pA
                rate_base_noise = 100 # Hz
            `,
    equations: `
                ### noisy base input
                offset_base = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rate_base_noise, offset_base, Normal(0., 1.) * base_noise)
                I_base      = base_mean + offset_base + my_important_const
                ### input conductances
                dg_ampa/dt = -g_ampa/tau_ampa
                dg_gaba/dt = -g_gaba/tau_gaba
                ### input currents
                I = I_app - g_ampa*neg(v - E_ampa) - g_gaba*pos(v - E_gaba) + I_base
                ### membrane potential and recovery variable
                C * dv/dt  = k*(v - v_r)*(v - v_t) - u + I
                du/dt      = a*(b*(v - v_r) - u)
            `,
    spike: 'v >= v_peak',
    reset: `
                v = c
                u = u + d
            `,
    name: 'spiking',
    description: `
                Simple neuron model equations from Izhikevich (2007) using regular-spiking parameters
                with conductance-based AMPA and GABA synapses/currents.
            `,
  });
}

/** Rate-coded neuron with a membrane potential mp, excitatory (ampa) and inhibitory (gaba) inputs plus baseline and noise. */
function getNeuronModelRateCoded(): Neuron {
  return new Neuron({
    parameters: `
                tau = 10.0 : population
                sigma = 0.6 : population
                I_0 = 0.2 : population
                I_app = 0.
                base_mean       = 0
                base_noise      = 0
                rate_base_noise = 100 # Hz
                # = (sigma*I_0 + I_0)/(sigma - sigma*I_0) : population
                c = (0.6*0.2 + 0.2)/(0.6 - 0.6*0.2) : population
            `,
    equations: `
                ### noisy base input
                offset_base = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rate_base_noise, offset_base, Normal(0., 1.) * base_noise)
                I_base      = base_mean + offset_base + my_important_const
                ### input currents
                I = sum(ampa) - sum(gaba) + I_base + I_app
                ### membrane potential
                tau * dmp/dt = -mp + I
                mp_r = mp: min=-0.99*sigma
                ### activation function
                r = activation(mp_r,sigma,c) : max=1., min=0.
            `,
    name: 'rate-coded',
    functions: `
                activation(x,sigma,c) = ((sigma*x + x)/(sigma + x)) * (1 + c) - c
            `,
    description: 'Rate-coded neuron with excitatory (ampa) and inhibitory (gaba) inputs plus baseline and noise.',
  });
}

function getSynapse(mode: string): Synapse {
  if (mode === 'rate-coded') return defaultRateSynapse();
  if (mode === 'spiking') return defaultSpikingSynapse();
  throw new Error('Neuron model not recognized');
}

/** Creates the six populations and four projections of the test model. */
function createModel({
  neuronModel, popSize = 10, baseCurrentList = [0, 0, 0, 0, 0, 0], baseCurrentNoise = 0.0,
  probList = [0.5, 0.5, 0.5, 0.5], weightList = [1.0, 1.0, 1.0, 1.0],
}: ModelKwargs): void {
  const name = neuronModel.name;
  const pops = [1, 2, 3, 4, 5, 6].map((i) => new Population(popSize, neuronModel, `pop${i}_${name}`));
  const [pop1, pop2, pop3, pop4, pop5, pop6] = pops as [Population, Population, Population, Population, Population, Population];
  // projections of the inhibitory path
  new Projection(pop1, pop3, 'gaba', getSynapse(name), `proj_1_3_${name}`).connectFixedProbability({ probability: probList[0]!, weights: weightList[0]! });
  new Projection(pop3, pop4, 'gaba', getSynapse(name), `proj_3_4_${name}`).connectFixedProbability({ probability: probList[1]!, weights: weightList[1]! });
  // projection of the excitatory path
  new Projection(pop2, pop4, 'ampa', getSynapse(name), `proj_2_4_${name}`).connectFixedProbability({ probability: probList[2]!, weights: weightList[2]! });
  // projection of the passing fibres
  new Projection(pop5, pop6, 'ampa', getSynapse(name), `proj_5_6_${name}`).connectFixedProbability({ probability: probList[3]!, weights: weightList[3]! });
  // baseline activity parameters
  pops.forEach((pop, i) => {
    pop.base_mean = baseCurrentList[i]!;
    pop.base_noise = baseCurrentNoise;
  });
}

/** The (not compiled) dbs test model of the given mode. */
function dbsTestModel(mode: Mode): CompNeuroModel<ModelKwargs> {
  // constants should still be available after DBSstimulator recreates the model
  new Constant('my_important_const', 0.0);
  if (mode === 'spiking') {
    return new CompNeuroModel<ModelKwargs>({
      modelCreationFunction: createModel,
      modelKwargs: { neuronModel: getNeuronModelSpiking(), baseCurrentList: [40, 100, 200, 50, 40, 40], baseCurrentNoise: 40 },
      name: 'dbs_test_spiking',
      description: 'Simple spiking model to test dbs',
      doCompile: false,
    });
  }
  return new CompNeuroModel<ModelKwargs>({
    modelCreationFunction: createModel,
    modelKwargs: {
      neuronModel: getNeuronModelRateCoded(), baseCurrentList: [0.35, 0.7, 1.1, 0.85, 0.35, 0.35], baseCurrentNoise: 0.01,
      weightList: [0.3, 0.4, 0.3, 0.1], probList: [0.5, 0.7, 0.7, 0.5],
    },
    name: 'dbs_test_rate-coded',
    description: 'Simple rate-coded model to test dbs',
    doCompile: false,
  });
}

/** The on() options of each trial (CompNeuroPy's dbs_key_list x dbs_val_list). */
const DBS_KEY_LIST = [
  'populationProportion', 'dbsDepolarization', 'orthodromic', 'antidromic', 'efferents', 'afferents', 'passingFibres',
  'passingFibresStrength', 'axonSpikesPerPulse', 'axonRateAmp',
] as const;
export const DBS_VAL_LIST: (number | boolean | null)[][] = [
  // 0 - nothing
  [null, 0, false, false, false, false, false, 0.2, 1, 1],
  // 1 - orthodromic efferents
  [null, 0, true, false, true, false, false, 0.2, 1, 1],
  // 2 - orthodromic afferents
  [null, 0, true, false, false, true, false, 0.2, 1, 1],
  // 3 - orthodromic efferents and afferents
  [null, 0, true, false, true, true, false, 0.2, 1, 1],
  // 4 - orthodromic passing fibres
  [null, 0, true, false, false, false, true, 0.2, 1, 1],
  // 5 - depolarization
  [null, 100, false, false, false, false, false, 0.2, 1, 1],
  // 6 - antidromic efferents
  [null, 0, false, true, true, false, false, 0.2, 1, 1],
  // 7 - antidromic afferents
  [null, 0, false, true, false, true, false, 0.2, 1, 1],
  // 8 - antidromic efferents and afferents
  [null, 0, false, true, true, true, false, 0.2, 1, 1],
  // 9 - antidromic passing fibres
  [null, 0, false, true, false, false, true, 0.2, 1, 1],
  // 10 - antidromic passing fibres lower strength
  [null, 0, false, true, false, false, true, 0.01, 1, 1],
  // 11 - all
  [null, 100, true, true, true, true, true, 0.2, 1, 1],
  // 12 - all without axon spikes, should not affect rate-coded model
  [null, 100, true, true, true, true, true, 0.2, 0, 1],
  // 13 - all without axon_rate_amp, should not affect spiking model
  [null, 100, true, true, true, true, true, 0.2, 1, 0],
];

/** Expected effect of each trial on each population (0 none, 1 increase, -1 decrease): CompNeuroPy's tables. */
export const EFFECTS_SPIKING = [
  [0, 0, 0, 0, 0, 0], [0, 0, 0, -1, 0, 0], [0, 0, -1, 1, 0, 0], [0, 0, -1, -1, 0, 0], [0, 0, 0, 0, 0, 1], [0, 0, -1, 1, 0, 0], [0, 0, -1, 1, 0, 0],
  [-1, 0, 0, 0, 0, 0], [-1, 0, -1, 1, 0, 0], [0, 0, 0, 0, -1, 0], [0, 0, 0, 0, 0, 0], [-1, 0, -1, -1, -1, 1], [0, 0, -1, 1, 0, 0], [-1, 0, -1, -1, -1, 1],
];
export const EFFECTS_RATE_CODED = [
  [0, 0, 0, 0, 0, 0], [0, 0, 0, -1, 0, 0], [0, 0, -1, 1, 0, 0], [0, 0, -1, -1, 0, 0], [0, 0, 0, 0, 0, 1], [0, 0, -1, 1, 0, 0], [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, -1, -1, 0, 1], [0, 0, -1, -1, 0, 1], [0, 0, -1, 1, 0, 0],
];

/** 2000 ms ramp-up, then per trial 1000 ms off, 500 ms on, 1000 ms off, one chunk per trial. */
function doSimulation(mon: CompNeuroMonitors, dbs: DBSstimulator): [Recordings, RecordingTimes] {
  simulate(2000.0);
  mon.start();
  for (const vals of DBS_VAL_LIST) {
    simulate(1000.0);
    dbs.on(Object.fromEntries(DBS_KEY_LIST.map((k, i) => [k, vals[i]])) as DBSonOptions);
    simulate(500.0);
    dbs.off();
    simulate(1000.0);
    mon.reset({ model: false });
  }
  return [mon.getRecordings(), mon.getRecordingTimes()];
}

const mean = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
};
// numpy's std (ddof 0)
const std = (a: ArrayLike<number>): number => {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - m) ** 2;
  return Math.sqrt(s / a.length);
};

/**
 * The effect of each trial on each population: (mean during DBS - mean off) / std off of the
 * population-mean activity, as 1 / -1 beyond +-threshold, else 0 (CompNeuroPy's check functions).
 */
export function dbsEffects(recordings: Recordings, recordingTimes: RecordingTimes, populations: string[], variable: string, threshold: number): number[][] {
  const step = dt();
  const at = (ms: number) => Math.round(ms / step);
  return DBS_VAL_LIST.map((_, trial) => populations.map((pop) => {
    const arr = recordings[trial]![`${pop};${variable}`] as RecordedArray;
    const [nS, nN] = arr.shape as [number, number];
    const perSample = Float64Array.from({ length: nS }, (_, i) => mean(arr.data.subarray(i * nN, (i + 1) * nN)));
    const i0 = recordingTimes.idxLims({ chunk: trial })[0];
    const part = (a: number, b: number) => perSample.subarray(i0 + at(a), i0 + at(b));
    const meanOn = mean(part(1000, 1500));
    const meanOff = (mean(part(500, 1000)) + mean(part(1500, 2000))) / 2;
    const stdOff = (std(part(500, 1000)) + std(part(1500, 2000))) / 2;
    const effect = (meanOn - meanOff) / stdOff;
    return effect > threshold ? 1 : effect < -threshold ? -1 : 0;
  }));
}

function checkEffects(found: number[][], expected: number[][], mode: string): void {
  const bad = found.flatMap((row, t) => row.flatMap((e, p) => (e === expected[t]![p] ? [] : [`trial ${t}, pop${p + 1}: ${e} instead of ${expected[t]![p]}`])));
  if (bad.length > 0) throw new Error(`Effects on activity not as expected for ${mode} model:\n${bad.join('\n')}`);
}

function plotSpiking(recordings: Recordings, recordingTimes: RecordingTimes, model: CompNeuroModel<ModelKwargs>): void {
  mkdirSync('DBS_spiking_figure', { recursive: true });
  const n = model.populations.length;
  const position = Array.from({ length: n }, (_, i) => i + 1);
  for (let trial = 0; trial < DBS_VAL_LIST.length; trial++) {
    const [t0, t1] = recordingTimes.timeLims({ chunk: trial });
    new PlotRecordings({
      figname: `DBS_spiking_figure/membrane_trial_${trial}.png`, recordings, recordingTimes, chunk: trial, shape: [3, 2],
      plan: { position, compartment: model.populations, variable: Array(n).fill('v'), format: Array(n).fill('matrix') },
      timeLim: [t0 + 500, t1 - 500],
    });
    new PlotRecordings({
      figname: `DBS_spiking_figure/axon_spikes_${trial}.png`, recordings, recordingTimes, chunk: trial, shape: [3, 2],
      plan: { position, compartment: model.populations, variable: Array(n).fill('axon_spike'), format: Array(n).fill('raster') },
      timeLim: [t0 + 1000, t0 + 1030],
    });
  }
}

function plotRateCoded(recordings: Recordings, recordingTimes: RecordingTimes, model: CompNeuroModel<ModelKwargs>): void {
  mkdirSync('DBS_rate_figure', { recursive: true });
  const n = model.populations.length;
  for (let trial = 0; trial < DBS_VAL_LIST.length; trial++) {
    const [t0, t1] = recordingTimes.timeLims({ chunk: trial });
    new PlotRecordings({
      figname: `DBS_rate_figure/activity_trial_${trial}.png`, recordings, recordingTimes, chunk: trial, shape: [3, 2],
      plan: { position: Array.from({ length: n }, (_, i) => i + 1), compartment: model.populations, variable: Array(n).fill('r'), format: Array(n).fill('matrix') },
      timeLim: [t0 + 500, t1 - 500],
    });
  }
}

/** What {@link main} found: the effect tables of both models. */
export interface DbsStimulatorResult {
  spiking: number[][];
  rateCoded: number[][];
}

/**
 * Runs both models (CompNeuroPy's `spiking_model` / `rate_coded_model` flags select them);
 * throws if an effect differs from CompNeuroPy's table.
 */
export function main(plotting = false, { spikingModel = true, rateCodedModel = true } = {}): Partial<DbsStimulatorResult> {
  setup({ dt: 0.1, seed: 12345 });
  const result: Partial<DbsStimulatorResult> = {};
  if (spikingModel) result.spiking = runSpiking(plotting);
  if (rateCodedModel) result.rateCoded = runRateCoded(plotting, spikingModel);
  return result;
}

function runSpiking(plotting: boolean): number[][] {
  let model = dbsTestModel('spiking');
  const dbs = new DBSstimulator({
    stimulatedPopulation: getPopulation('pop3_spiking'),
    passingFibresList: [getProjection('proj_5_6_spiking') as Projection],
    passingFibresStrength: 0.2,
    autoImplement: true,
    model,
  });
  model = dbs.model as CompNeuroModel<ModelKwargs>;
  model.compile({ compileFolderName: 'DBS_test_spiking' });
  const mon = new CompNeuroMonitors(Object.fromEntries(model.populations.map((p) => [p, ['v', 'spike', 'axon_spike']])));
  const [recordings, recordingTimes] = doSimulation(mon, dbs);
  if (plotting) plotSpiking(recordings, recordingTimes, model);
  const spiking = dbsEffects(recordings, recordingTimes, model.populations, 'v', 1);
  checkEffects(spiking, EFFECTS_SPIKING, 'spiking');
  return spiking;
}

function runRateCoded(plotting: boolean, afterSpiking: boolean): number[][] {
  if (afterSpiking) cnpClear();
  let model = dbsTestModel('rate-coded');
  const dbs = new DBSstimulator({
    stimulatedPopulation: getPopulation('pop3_rate-coded'),
    passingFibresList: [getProjection('proj_5_6_rate-coded') as Projection],
    passingFibresStrength: 0.2,
    model,
    autoImplement: true,
  });
  model = dbs.model as CompNeuroModel<ModelKwargs>;
  model.compile({ compileFolderName: 'DBS_test_rate_coded' });
  const mon = new CompNeuroMonitors(Object.fromEntries(model.populations.map((p) => [p, ['r']])));
  const [recordings, recordingTimes] = doSimulation(mon, dbs);
  if (plotting) plotRateCoded(recordings, recordingTimes, model);
  const rateCoded = dbsEffects(recordings, recordingTimes, model.populations, 'r', 2.5);
  checkEffects(rateCoded, EFFECTS_RATE_CODED, 'rate-coded');
  return rateCoded;
}

// as CompNeuroPy's `__main__`: both models with the figures; `--no-figures`, `--spiking` or
// `--rate-coded` (only that model) for shorter runs
if (isMain('dbs-stimulator')) {
  const args = process.argv.slice(2);
  const only = args.includes('--spiking') ? 'spiking' : args.includes('--rate-coded') ? 'rate-coded' : undefined;
  main(!args.includes('--no-figures'), { spikingModel: only !== 'rate-coded', rateCodedModel: only !== 'spiking' });
}
