import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportScript } from '../../../src/apps/playground/export-script.js';
import { ExperimentRun } from '../../../src/apps/playground/experiment-run.js';
import { presetByName } from '../../../src/apps/playground/presets.js';
import { defaultState, type PlaygroundState } from '../../../src/apps/playground/state.js';
import { TraceStore } from '../../../src/apps/playground/trace-store.js';

const LIBRARY = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));

/** Write the exported script, run it with tsx (as a user would), return its --json output. */
export function runExported(code: string, file: string): { periodMs: number; shape: number[]; values: number[]; spikes: Record<string, number[]> } {
  mkdirSync('out/playground', { recursive: true });
  writeFileSync(file, code);
  const r = spawnSync('npx', ['tsx', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`the exported script failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!); // after the library's "Compiling ... OK"
}

function pageNumbers(s: PlaygroundState): TraceStore {
  const run = new ExperimentRun(s);
  const store = new TraceStore(run.pop.size, s.periodSteps * s.dt);
  while (!run.done) store.append(run.advance(4321));
  return store;
}

describe('playground "Export as TypeScript"', function () {
  this.timeout(180_000);

  it('the exported script, run with tsx, reproduces the run bit for bit (HH_Bischop, current step, changed parameter)', () => {
    const hh = presetByName('H_and_H_Bischop')!;
    const s: PlaygroundState = { ...defaultState(hh.source, hh.name), params: { gg_Kv3: 250 }, protocol: { kind: 'currentStep', values: { t1: 50, t2: 150, a1: 0, a2: 60 } }, duration: 200 };
    const code = exportScript(s, { from: LIBRARY });
    expect(code).to.contain('runSync(simulate$(200, { network }).pipe(currentStep$({ pop: "H_and_H_Bischop", t1: 50, t2: 150, a1: 0, a2: 60 })));');
    expect(code).to.contain('pop.set({ gg_Kv3: 250 });');
    const out = runExported(code, 'out/playground/hh-step.ts');
    const page = pageNumbers(s);
    expect(out.shape).to.deep.equal([page.samples, 1]);
    expect(out.values).to.deep.equal(Array.from(page.neuron(0)));
    expect(out.spikes['0']).to.deep.equal(page.spikeSteps);
    expect(page.spikeSteps.length).to.be.greaterThan(1);
  });

  it('reproduces a population sweep with an edited model (LIF with a changed equation, 8 neurons)', () => {
    const lif = presetByName('LIF')!;
    const source = lif.source.replace('tau * dv/dt = v_rest - v + I_app / C', 'tau * dv/dt = v_rest - v + I_app / C - 0.1 * (v - v_rest)');
    const s: PlaygroundState = { ...defaultState(source, 'LIF'), protocol: { kind: 'none', values: {} }, sweep: { attr: 'I_app', from: 0, to: 70, n: 8 }, duration: 300, dt: 0.05, periodSteps: 3 };
    const out = runExported(exportScript(s, { from: LIBRARY }), 'out/playground/lif-sweep.ts');
    const page = pageNumbers(s);
    expect(out.shape).to.deep.equal([page.samples, 8]);
    const pageValues: number[] = [];
    for (let j = 0; j < page.samples; j++) for (let i = 0; i < 8; i++) pageValues.push(page.neuron(i, j, j + 1)[0]!);
    expect(out.values).to.deep.equal(pageValues);
    const counts = page.counts();
    for (let i = 0; i < 8; i++) expect((out.spikes[String(i)] ?? []).length).to.equal(counts[i]);
    expect(counts[7]).to.be.greaterThan(10);
  });

  it('escapes model text for the template literal (backticks, ${, backslashes)', () => {
    const s = defaultState('equations:\n    dv/dt = -v # `a` ${b} \\c', 'odd');
    expect(exportScript(s)).to.contain('equations: `    dv/dt = -v # \\`a\\` \\${b} \\\\c`,');
  });
});
