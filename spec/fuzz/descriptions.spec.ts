import { expect } from 'chai';
import fc from 'fast-check';
import { exercise, expression, generatedNeuron, generatedSynapse, mutatedNeuron, validNeuron, type Outcome } from '../../fuzz/arbitraries.js';
import { Neuron } from '../../src/language/neuron.js';
import { ModelError } from '../../src/language/model-error.js';

/**
 * Property: every description either compiles and runs, or fails with a ModelError that names
 * the model; never another error, never an internal ModelError, never a hang. A few thousand
 * cases per CI run (fixed seed, so a failure reproduces); `npm run fuzz` runs the long campaign.
 * The time bound only detects hangs; the speed target lives in bench/.
 */
// generous (the CI machine is shared): the compiles this guards against took 28-54 s
const HANG_MS = 10_000;

function check(run: () => Outcome, seen: Map<Outcome, number>): void {
  const t0 = performance.now();
  const outcome = run();
  seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
  const ms = performance.now() - t0;
  if (ms > HANG_MS) throw new Error(`took ${ms.toFixed(0)} ms`);
}

describe('fuzz: generated and mutated descriptions (issue 18 item 9)', function () {
  this.timeout(600_000);

  it('expressions alone: parse and compile in a neuron, or a ModelError', () => {
    fc.assert(fc.property(expression, (e) => {
      try {
        new Neuron({ parameters: 'tau = 10\n E = 1', equations: `x = ${e}\n tau*dv/dt = E - v`, spike: 'v > 1' }).kernelSource();
      } catch (err) {
        if (!(err instanceof ModelError) || (err as { internal?: boolean }).internal) throw err;
      }
    }), { numRuns: 1000, seed: 18 });
  });

  it('neurons from the grammar', () => {
    const seen = new Map<Outcome, number>();
    fc.assert(fc.property(generatedNeuron, (neuron) => check(() => exercise({ neuron }), seen)), { numRuns: 1000, seed: 18 });
    expect(seen.get('model-error') ?? 0).to.be.greaterThan(0);
  });

  it('well-formed spiking neurons: most compile and run (both backends see them)', () => {
    const seen = new Map<Outcome, number>();
    fc.assert(fc.property(validNeuron, (neuron) => check(() => exercise({ neuron }), seen)), { numRuns: 600, seed: 18 });
    expect(seen.get('ok') ?? 0).to.be.greaterThan(100);
  });

  it("CompNeuroPy's models, mutated", () => {
    const seen = new Map<Outcome, number>();
    fc.assert(fc.property(mutatedNeuron, (neuron) => check(() => exercise({ neuron }), seen)), { numRuns: 600, seed: 18 });
    // the mutations must leave some models valid, or the property only tests the error path
    expect(seen.get('ok') ?? 0).to.be.greaterThan(10);
    expect(seen.get('model-error') ?? 0).to.be.greaterThan(10);
  });

  it('synapses from the grammar, in a projection', () => {
    const seen = new Map<Outcome, number>();
    fc.assert(fc.property(generatedSynapse, (synapse) => check(() => exercise({ synapse }), seen)), { numRuns: 600, seed: 18 });
    expect(seen.get('model-error') ?? 0).to.be.greaterThan(0);
  });
});
