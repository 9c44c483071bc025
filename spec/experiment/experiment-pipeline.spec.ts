import { expect } from 'chai';
import { asyncScheduler, config, lastValueFrom, toArray, take } from 'rxjs';
import { getPopulation } from '../../src/engine/global-functions.js';
import { pipeline } from '../../examples/experiment-pipeline.js';
import { cnpClear } from '../../src/experiment/comp-neuro-model.js';
import { getTime } from '../../src/engine/global-functions.js';
import type { ExperimentEvent } from '../../src/experiment/experiment-pipeline.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import { readFileSync } from 'node:fs';

const ref = JSON.parse(readFileSync(new URL('../fixtures/hh_bischop_ramp_annarchy.json', import.meta.url), 'utf8')) as { v: number[] };

describe('experiment: experiment$ (an experiment as an Observable)', function () {
  this.timeout(60000);
  afterEach(() => cnpClear());

  it('runs the stages in order, reports progress and completes with the seed results (ANNarchy chunk 0)', async () => {
    cnpClear();
    const events = await lastValueFrom(pipeline({ scheduler: asyncScheduler }).pipe(toArray()));
    const stages = events.filter((e) => e.type === 'stage').map((e) => (e as { stage: string }).stage);
    expect(stages.map((s) => s.replace(/^simulation\d+$/, 'simulation<N>'))).to.deep.equal(
      ['reset', 'start monitors', 'set E_L', 'simulation<N>', 'reset', 'simulation<N>']);
    const progress = events.filter((e) => e.type === 'progress') as Extract<ExperimentEvent, { type: 'progress' }>[];
    // every 25000 steps, then one at the end: 100 % of both 1000 ms runs at dt = 0.01 (2 x 100000 steps)
    expect(progress.map((p) => p.index)).to.deep.equal([3, 3, 3, 3, 5, 5, 5, 5, 5]);
    expect(progress[0]!.step).to.equal(24999);
    expect(progress.map((p) => p.percent)).to.deep.equal([12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100, 100]);
    expect(progress.every((p) => p.total === 200000)).to.equal(true);
    expect(progress[progress.length - 1]!.done).to.equal(200000);
    const last = events[events.length - 1]!;
    expect(last.type).to.equal('results');
    const results = (last as Extract<ExperimentEvent, { type: 'results' }>).results;
    expect(results.recordings).to.have.length(2);
    const v = (results.recordings[0]!['HH_Bischop;v'] as RecordedArray).data;
    let maxDiff = 0;
    for (let k = 0; k < ref.v.length; k++) maxDiff = Math.max(maxDiff, Math.abs(v[k]! - ref.v[k]!));
    expect(maxDiff).to.be.below(1e-6);
  });

  it('unsubscribing stops the running simulation', () => {
    cnpClear();
    const seen: ExperimentEvent[] = [];
    pipeline().pipe(take(5)).subscribe((e) => seen.push(e)); // 4 stage events, then the first progress
    expect(seen.map((e) => e.type)).to.deep.equal(['stage', 'stage', 'stage', 'stage', 'progress']);
    expect(getTime()).to.be.closeTo(250, 1e-9); // stopped after 25000 of the ramp's 100000 steps
  });

  it('a consumer that throws stops the running simulation, restores its protocol and is reported once (issue 18 item 7)', async () => {
    cnpClear();
    const seen: unknown[] = [];
    const before = config.onUnhandledError;
    config.onUnhandledError = (e) => seen.push(e);
    try {
      pipeline().subscribe((e) => { if (e.type === 'progress') throw new Error('display failed'); });
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      config.onUnhandledError = before;
    }
    expect(seen.map((e) => (e as Error).message)).to.deep.equal(['display failed']);
    expect(getTime()).to.be.closeTo(250, 1e-9); // the first progress event comes after 25000 steps
    // the ramp's I_app is back to its value before the run (0), and the network runs on
    expect(Array.from(getPopulation('HH_Bischop').I_app as Float64Array)).to.deep.equal([0]);
  });
});
