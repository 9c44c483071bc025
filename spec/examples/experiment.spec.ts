import { expect } from 'chai';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../examples/experiment.js';
import { clear } from '../../src/engine/global-functions.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { HHneuronBischop } from '../../src/models/hh-neuron-bischop.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import type { SimInfo } from '../../src/experiment/sim-info.js';
import type { ExperimentResults } from '../../src/experiment/comp-neuro-exp.js';

// Reference: ANNarchy 4.7.3 + CompNeuroPy 1.0.4, first chunk of the first run.
const ref = JSON.parse(readFileSync(new URL('../fixtures/hh_bischop_ramp_annarchy.json', import.meta.url), 'utf8')) as { v: number[]; spike_steps: number[] };

/** Chunk semantics replayed directly on the engine: v = -90, other variables at compile values. */
function engineChunk(E_L: number, protocol: 'ramp' | 'step'): Float64Array {
  const net = new Network({ dt: 0.01 });
  const pop = new Population(1, HHneuronBischop, { network: net });
  net.compile();
  pop.v = -90;
  pop.E_L = E_L;
  const mon = new Monitor(pop, ['v']);
  if (protocol === 'ramp') {
    let amp = 0;
    for (let k = 0; k < 50; k++) {
      pop.I_app = amp;
      net.simulate(20);
      amp += 100 / 49;
    }
  } else {
    pop.I_app = 0;
    net.simulate(500);
    pop.I_app = 50;
    net.simulate(500);
  }
  return (mon.get('v') as RecordedArray).data;
}

function spikeSteps(v: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < v.length; k++) if (v[k]! > 30 && (k === 0 ? -90 : v[k - 1]!) <= 30) out.push(k);
  return out;
}

describe('examples/experiment.ts (the seed example)', function () {
  this.timeout(120000);
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  let lines: string[] = [];
  let r1: ExperimentResults;
  let r2: ExperimentResults;

  before(() => {
    clear();
    const cwd = process.cwd();
    // capture stdout as a terminal would show it (console.log and PlotRecordings' writes)
    let text = '';
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string | Uint8Array) => { text += String(chunk); return true; }) as typeof process.stdout.write;
    try {
      process.chdir(dir);
      ({ resultsRun1: r1, resultsRun2: r2 } = main());
    } finally {
      process.stdout.write = write;
      process.chdir(cwd);
      clear();
    }
    lines = text.split('\n');
  });

  it('prints what the seed prints (object addresses aside)', () => {
    expect(lines).to.deep.equal([
      'Compilation state v = [-68.]',
      'Generate fig example_experiment_sim_ramp.png... Done', '',
      'Generate fig example_experiment_sim_step.png... Done', '',
      'Generate fig example_experiment2_sim_ramp.png... Done', '',
      'Generate fig example_experiment2_sim_step.png... Done', '',
      '', 'run1:', '    data:',
      '        sim: [<SimInfo object simulation0>, <SimInfo object simulation1>]',
      '        population_name: HH_Bischop', '        time_step: 0.01',
      '    mon_dict:', "        HH_Bischop: ['v']",
      '', 'run2:', '    data:',
      '        sim: [<SimInfo object simulation0>, <SimInfo object simulation1>]',
      '        population_name: HH_Bischop', '        time_step: 0.01',
      '    mon_dict:', "        HH_Bischop: ['v']", '',
    ]);
  });

  it('writes the four figures at 6.4 x 4.8 inches and 300 dpi', () => {
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).to.deep.equal([
      'example_experiment2_sim_ramp.png', 'example_experiment2_sim_step.png',
      'example_experiment_sim_ramp.png', 'example_experiment_sim_step.png',
    ]);
    for (const f of pngs) {
      const b = readFileSync(join(dir, f));
      expect([b.readUInt32BE(16), b.readUInt32BE(20)], f).to.deep.equal([1920, 1440]);
    }
  });

  it('run 1 chunk 0 matches ANNarchy: max |dv| <= 1e-6 mV, identical spike steps', () => {
    const v = (r1.recordings[0]!['HH_Bischop;v'] as RecordedArray);
    expect(v.shape).to.deep.equal([100000, 1]);
    let maxDiff = 0;
    for (let k = 0; k < ref.v.length; k++) maxDiff = Math.max(maxDiff, Math.abs(v.data[k]! - ref.v[k]!));
    expect(maxDiff).to.be.below(1e-6);
    expect(spikeSteps(v.data)).to.deep.equal(ref.spike_steps);
  });

  it('the other three chunks follow the reset semantics (E_L kept by reset(parameters=false), v = -90 restored)', () => {
    const cases: [ExperimentResults, number, number, 'ramp' | 'step'][] = [
      [r1, 0, -68, 'ramp'], [r1, 1, -68, 'step'], [r2, 0, -90, 'ramp'], [r2, 1, -90, 'step'],
    ];
    for (const [r, chunk, E_L, protocol] of cases) {
      const v = (r.recordings[chunk]!['HH_Bischop;v'] as RecordedArray).data;
      expect(Array.from(v)).to.deep.equal(Array.from(engineChunk(E_L, protocol)));
    }
  });

  it('returns CompNeuroPy-shaped results: times, mon_dict, data deep-copied, SimInfo lists shared (§14.9)', () => {
    for (const r of [r1, r2]) {
      expect(r.recordingTimes!.all()).to.deep.equal([0, 1].map(() => ({
        HH_Bischop: { start: { ms: [0], idx: [0] }, stop: { ms: [999.99], idx: [99999] } },
      })));
      expect(r.monDict).to.deep.equal({ HH_Bischop: ['v'] });
      expect(r.recordings[0]!['HH_Bischop;period']).to.equal(0.01);
      expect(r.recordings[0]!.dt).to.equal(0.01);
    }
    const sims1 = r1.data.sim as SimInfo[];
    const sims2 = r2.data.sim as SimInfo[];
    expect(sims1.map((s) => s.name)).to.deep.equal(['simulation0', 'simulation1']);
    expect(sims1[0]!.start).to.deep.equal([0]);
    expect(sims2[0]!.start).to.deep.equal([0, 0]);
    expect(sims2[1]!.end).to.deep.equal([1000, 1000]);
  });
});
