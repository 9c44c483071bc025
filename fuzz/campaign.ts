/**
 * `npm run fuzz`: a long fuzzing campaign over generated and mutated descriptions. Reports every
 * failure that is not a ModelError (or is an internal one) with fast-check's minimal
 * reproducer, and every hang (a case running longer than --hang ms: the worker is stopped and a
 * new one continues with the next seed). Writes fuzz-report.json; exits 1 if anything was found.
 *
 *   npm run fuzz -- --minutes 30 --seed 1 --hang 10000
 */
import { Worker } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';

const arg = (name: string, def: number) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : def;
};
const minutes = arg('minutes', 10);
// generous: the machine running the campaign is often shared; the compiles this found hanging took 28-54 s
const hangMs = arg('hang', 10_000);
let seed = arg('seed', Date.now() % 1e9);
const batch = arg('batch', 500);

interface Finding { kind: string; what: 'failure' | 'hang'; seed: number; case: unknown; error?: string; stack?: string }
const findings: Finding[] = [];
const totals: Record<string, Record<string, number>> = {};
const end = Date.now() + minutes * 60_000;

/** Stop a worker; a worker that does not stop within 5 s is abandoned (then the process exits anyway). */
function stop(worker: Worker): Promise<unknown> {
  return Promise.race([worker.terminate(), new Promise((r) => setTimeout(r, 5000).unref())]);
}

function start(): void {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { seed, batch } });
  let ran = false;
  let current: { kind: string; desc: unknown; at: number } | undefined;
  const watchdog = setInterval(() => {
    if (Date.now() > end) {
      clearInterval(watchdog);
      void stop(worker).then(finish);
      return;
    }
    if (current && Date.now() - current.at > hangMs) {
      clearInterval(watchdog);
      findings.push({ kind: current.kind, what: 'hang', seed, case: current.desc, error: `no result after ${hangMs} ms` });
      console.log(`HANG (${current.kind}, seed ${seed}): ${JSON.stringify(current.desc)}`);
      seed += 1000;
      void stop(worker).then(() => (Date.now() < end ? start() : finish()));
    }
  }, 200);
  worker.on('message', (m: { type: string; kind: string; desc?: unknown; outcomes?: Record<string, number>; runs?: number; seed?: number; counterexample?: unknown; error?: string; stack?: string }) => {
    if (m.type === 'case') {
      current = { kind: m.kind, desc: m.desc, at: Date.now() };
      ran = true;
    }
    else if (m.type === 'batch') {
      const t = (totals[m.kind] ??= {});
      for (const [k, v] of Object.entries(m.outcomes!)) t[k] = (t[k] ?? 0) + v;
      current = undefined;
    } else if (m.type === 'failure') {
      findings.push({ kind: m.kind, what: 'failure', seed: m.seed!, case: m.counterexample, error: m.error, stack: m.stack });
      console.log(`FAILURE (${m.kind}, seed ${m.seed}): ${m.error}\n  minimal reproducer: ${JSON.stringify(m.counterexample)}`);
    }
  });
  worker.on('error', (e) => {
    clearInterval(watchdog);
    findings.push({ kind: current?.kind ?? '?', what: 'failure', seed, case: current?.desc, error: `worker crashed: ${e.message}` });
    console.log(`CRASH (seed ${seed}): ${e.message}`);
    seed += 1000;
    // a worker that dies before its first case cannot start at all: stop instead of looping
    if (Date.now() < end && ran) start(); else finish();
  });
}

function finish(): void {
  const cases = Object.values(totals).reduce((a, t) => a + Object.values(t).reduce((x, y) => x + y, 0), 0);
  writeFileSync('fuzz-report.json', JSON.stringify({ minutes, hangMs, cases, totals, findings }, null, 2));
  console.log(`${cases} descriptions in ${minutes} min: ${JSON.stringify(totals)}`);
  console.log(`${findings.length} finding(s)${findings.length > 0 ? ' (fuzz-report.json)' : ''}`);
  process.exit(findings.length > 0 ? 1 : 0);
}

console.log(`fuzzing for ${minutes} min from seed ${seed} (hang after ${hangMs} ms)`);
start();
