/**
 * One fuzzing worker: checks batches of descriptions with fast-check (which shrinks a failure to
 * a minimal reproducer) and tells the campaign (fuzz/campaign.ts) about each case before running
 * it, so that the campaign can name the case of a hang and stop the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { exercise, generatedNeuron, generatedSynapse, mutatedNeuron, validNeuron, type Outcome } from './arbitraries.js';

const kinds = {
  generatedNeuron: generatedNeuron.map((neuron) => ({ neuron })),
  validNeuron: validNeuron.map((neuron) => ({ neuron })),
  mutatedNeuron: mutatedNeuron.map((neuron) => ({ neuron })),
  generatedSynapse: generatedSynapse.map((synapse) => ({ synapse })),
};

const { seed, batch } = workerData as { seed: number; batch: number };
const port = parentPort!;
let round = 0;
for (;;) {
  for (const [kind, arb] of Object.entries(kinds)) {
    const outcomes: Record<Outcome, number> = { ok: 0, 'model-error': 0, 'member-clash': 0 };
    const runSeed = seed + round;
    const result = fc.check(fc.property(arb, (desc) => {
      port.postMessage({ type: 'case', kind, desc });
      outcomes[exercise(desc)]++;
    }), { numRuns: batch, seed: runSeed });
    port.postMessage({ type: 'batch', kind, seed: runSeed, runs: result.numRuns, outcomes });
    if (result.failed) {
      const err = result.errorInstance as Error | undefined;
      port.postMessage({
        type: 'failure', kind, seed: runSeed, counterexample: result.counterexample?.[0],
        error: err ? `${err.name}: ${err.message}` : String(result.errorInstance), stack: err?.stack,
      });
    }
  }
  round++;
}
