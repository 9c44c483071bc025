/**
 * fast-check generators of neuron and synapse descriptions written as an attacker and a careless
 * user would write them: expressions over the language's grammar mixed with hostile names
 * (`__proto__`, `pre__v`, mathjs functions), deep nests, long chains, and CompNeuroPy's own
 * model strings mutated character by character. Shared by the property test in CI
 * (spec/fuzz/descriptions.spec.ts) and the long campaign (`npm run fuzz`).
 */
import fc from 'fast-check';
import { Neuron, type NeuronOptions } from '../src/language/neuron.js';
import { Synapse, type SynapseOptions } from '../src/language/synapse.js';
import { ModelError } from '../src/language/model-error.js';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Projection } from '../src/engine/projection.js';
import * as models from '../src/models/index.js';

const NAMES = ['v', 'u', 'x', 'w', 'tau', 'E', 'g_exc', 'g_inh', 'I', 'r', 't', 'dt', 'pi', 'e', 'C', 'a', 'b'];
// `size`, `name`, ... clash with Population members today (a plain Error from the Population
// constructor); the reserved-name rules of issue 20 change that, so they are not generated yet
const HOSTILE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'pre__v', '_sum_exc', 'post___sum_exc',
  '__C_x', '__rand_0', '__D', 'Math', 'S', 'i', 'n', 'G', 'L', 'Infinity', 'NaN', 'undefined', 'this', 'arguments', 'eval', 'Function',
  'true', 'True', 'False', 'import', 'return', 'new'];
const ARITY: Record<string, number> = { exp: 1, log: 1, sqrt: 1, pow: 2, fabs: 1, clip: 3, pos: 1, neg: 1, ite: 3, modulo: 2, min: 2, max: 2, Heaviside: 1, round: 1, atan2: 2, tanh: 1 };
const FUNCTIONS = Object.keys(ARITY);
const HOSTILE_FUNCTIONS = ['evaluate', 'config', 'import', 'random', 'ones', 'zeros', 'size', 'sum', 'range', 'matrix', 'parse', 'simplify',
  'derivative', 'createUnit', 'f', 'g', 'constructor', 'toString', '__proto__', 'Uniform', 'Normal', 'Exponential', 'Binomial', 'Gamma', 'DiscreteUniform'];
const NUMBERS = ['0', '1', '-1', '0.5', '1e308', '1e-320', '2', '10', '1.', '.5', '1e5', '0x10', '1_000', 'Infinity', '-0'];
const BINARY = [' + ', ' - ', ' * ', ' / ', ' ^ ', ' ** ', ' % ', ' == ', ' != ', ' < ', ' >= ', ' and ', ' or ', ' is ', ' is not ', '+', '*', ' ', '.', ':'];
const JUNK = ['"', "'", '`', '[', ']', '{', '}', '\\', '\u003a', ';', '#', ',', '=', '$', '@', '!', '?', '\n', '\t', 'é', '\u0000'];

const SAFE_BINARY = [' + ', ' - ', ' * ', ' / ', ' ^ ', ' ** '];
const DECLARED = ['v', 'u', 'x', 'tau', 'E', 'C', 'a', 'b', 't', 'dt', 'pi', 'g_exc'];

/**
 * Expressions as text. `hostile` is the weight of hostile pieces (junk, generated names, mathjs
 * functions, huge chains) against well-formed ones over declared names: mostly well-formed
 * expressions reach the symbolic work, code generation and the kernels.
 */
function expressions(hostile: number, names: readonly string[] = DECLARED): fc.Arbitrary<string> {
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      ...([
      { arbitrary: fc.constantFrom(...names, ...NUMBERS.slice(0, 8)), weight: 120 },
      { arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...SAFE_BINARY), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`), weight: 80 },
      { arbitrary: tie('expr').map((a) => `(-${a})`), weight: 20 },
      {
        arbitrary: fc.constantFrom(...FUNCTIONS).chain((f) => fc.array(tie('expr'), { minLength: ARITY[f]!, maxLength: ARITY[f]! }).map((args) => `${f}(${args.join(', ')})`)),
        weight: 40,
      },
      { arbitrary: fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { minLength: 1, maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`), weight: hostile },
      { arbitrary: fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `ite((${c}) > 0, ${a}, ${b})`), weight: 10 },
      { arbitrary: fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `if ${c} > 0: ${a} else: ${b}`), weight: hostile },
      { arbitrary: fc.tuple(fc.constantFrom('Uniform', 'Normal', 'Exponential'), fc.constantFrom('0, 1', '1, 0', '0, 0', '-1', 'tau, 1', 'v, 1')).map(([d, a]) => `${d}(${a})`), weight: hostile },
      { arbitrary: fc.constantFrom('Uniform(0, 1)', 'Normal(0, 1)'), weight: 5 },
      { arbitrary: fc.constantFrom(...NAMES, ...NUMBERS), weight: hostile },
      { arbitrary: fc.constantFrom(...HOSTILE_NAMES), weight: hostile },
      { arbitrary: fc.constantFrom('pre.v', 'post.v', 'pre.r', 'sum(exc)', 'sum()', 'pre.sum(exc)', 'dv/dt', 'pre.__proto__', 'pre.constructor', 'pre.w'), weight: hostile },
      { arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...BINARY), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`), weight: hostile },
      { arbitrary: fc.tuple(fc.constantFrom('-', '+', 'not ', '!', '~'), tie('expr')).map(([op, a]) => `${op}${a}`), weight: hostile },
      { arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_FUNCTIONS), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`), weight: hostile },
      {
        arbitrary: fc.tuple(fc.constantFrom('-', '(', 'exp(', '+ v', '* v'), fc.integer({ min: 20, max: 3000 })).map(([s, n]) => (s === '(' || s === 'exp('
          ? `${s.repeat(n)}v${')'.repeat(n)}` : s.startsWith('-') ? `${s.repeat(n)}v` : `v${s.repeat(n)}`)),
        weight: hostile,
      },
      { arbitrary: fc.constantFrom(...JUNK), weight: hostile },
    ] as fc.WeightedArbitrary<string>[]).filter((a) => a.weight > 0),
    ),
  })).expr;
}

/** One expression as text, about one piece in three hostile. */
export const expression: fc.Arbitrary<string> = expressions(20);
const mostlyValid = expressions(2);

const FLAGS = ['', ' : population', ' : init = 1', ' : min = 0, max = 1', ' : exponential', ' : implicit', ' : event-driven', ' : midpoint',
  ' : rk4', ' : semiimplicit', ' : int', ' : bool', ' : postsynaptic', ' : init = Uniform(0, 1)', ' : init=', ' : unknownflag', ' : init = __proto__'];
const flag = fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fc.constantFrom(...FLAGS), weight: 4 });

const target = fc.oneof(
  { arbitrary: fc.constantFrom('v', 'u', 'x', 'y'), weight: 10 },
  { arbitrary: fc.constantFrom(...NAMES, ...HOSTILE_NAMES), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), weight: 1 },
);

/** One statement: an ODE or an assignment. */
const statement: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('', 'tau * ', 'C*', '2*', '-', 'tau*a*'), target, mostlyValid, flag).map(([k, x, rhs, fl]) => `${k}d${x}/dt = ${rhs}${fl}`),
  fc.tuple(target, fc.constantFrom(' = ', ' = ', ' += ', ' *= ', ' == ', ' '), mostlyValid, flag).map(([x, op, rhs, fl]) => `${x}${op}${rhs}${fl}`),
);

const block = (st: fc.Arbitrary<string>, maxLength = 4) => fc.array(st, { maxLength }).map((a) => a.join('\n'));

const BASE_PARAMETERS = 'tau = 10.0\n E = -65\n C = 1 : population\n a = 0.02\n b = 0.2';
const parameterStatement = fc.tuple(target, fc.oneof({ arbitrary: fc.constantFrom('1', '0.5', '-2', 'tau * 2'), weight: 3 }, { arbitrary: expression, weight: 1 }),
  fc.constantFrom('', '', ' : population', ' : int', ' : bool', ' : projection'))
  .map(([x, v, fl]) => `${x} = ${v}${fl}`);

/** A neuron description from the grammar: declared parameters, mostly well-formed statements. */
export const generatedNeuron: fc.Arbitrary<NeuronOptions> = fc.record({
  parameters: block(parameterStatement, 2).map((p) => `${BASE_PARAMETERS}\n${p}`),
  equations: block(statement),
  spike: fc.option(fc.oneof(mostlyValid.map((e) => `v > ${e}`), expression), { nil: undefined }),
  reset: fc.option(block(fc.tuple(fc.constantFrom('v', 'u', 'x', 'r', 'tau'), mostlyValid).map(([x, e]) => `${x} = ${e}`), 2), { nil: undefined }),
  functions: fc.option(block(fc.tuple(fc.constantFrom('f', 'g', 'f', 'exp', 'constructor', '__x'), fc.constantFrom('x', 'x, y', 'x', '', '__C_x', 'x, x'), mostlyValid)
    .map(([f, a, b]) => `${f}(${a}) = ${b.replace(/\bv\b/g, 'x')}`), 2), { nil: undefined }),
  refractory: fc.option(fc.oneof(fc.double(), fc.constantFrom('tau', '2.0', '-1', 'constructor')), { nil: undefined }),
}, { requiredKeys: ['parameters', 'equations'] });

const VALID_NAMES = ['v', 'tau', 'E', 'C', 'a', 'b', 't', 'dt', 'pi', 'g_exc'];
const valid = expressions(0, VALID_NAMES);

/**
 * A well-formed spiking neuron: every name declared, every flag valid. Most compile, so the
 * symbolic work, code generation, the WebAssembly compiler and the kernels all see the variety.
 */
export const validNeuron: fc.Arbitrary<NeuronOptions> = fc.record({
  parameters: fc.constant(BASE_PARAMETERS),
  equations: fc.tuple(
    fc.tuple(fc.constantFrom('', 'tau * ', 'C*', 'tau*a*'), valid, fc.constantFrom('', ' : exponential', ' : implicit', ' : midpoint', ' : rk4', ' : semiimplicit', ' : min = -100, max = 100', ' : init = -70'))
      .map(([k, rhs, fl]) => `${k}dv/dt = ${rhs}${fl}`),
    fc.array(valid, { maxLength: 3 }).map((es) => es.map((e, k) => `w${k} = ${e}`)),
  ).map(([ode, rest]) => [ode, ...rest].join('\n')),
  spike: valid.map((e) => `v > (${e})`),
  reset: valid.map((e) => `v = ${e}`),
  refractory: fc.option(fc.constantFrom(0, 1, 2.5, 'tau'), { nil: undefined }),
}, { requiredKeys: ['parameters', 'equations', 'spike', 'reset'] });

/** A synapse description from the grammar. */
export const generatedSynapse: fc.Arbitrary<SynapseOptions> = fc.record({
  parameters: block(parameterStatement, 2).map((p) => `${BASE_PARAMETERS.replace(' : population', ' : projection')}\n${p}`),
  equations: block(statement),
  psp: fc.option(fc.oneof(mostlyValid.map((e) => `w * pre.r * ${e}`), expression), { nil: undefined }),
  preSpike: fc.option(block(fc.oneof(fc.constant('g_target += w'), statement), 2), { nil: undefined }),
  postSpike: fc.option(block(statement, 2), { nil: undefined }),
}, { requiredKeys: ['parameters', 'equations'] });

/** The description strings of CompNeuroPy's model library (the seeds of the mutations). */
export function libraryDescriptions(): NeuronOptions[] {
  const out: NeuronOptions[] = [];
  for (const v of Object.values(models)) {
    const n = v instanceof Neuron ? v : undefined;
    if (n) out.push({ parameters: n.parameters, equations: n.equations, spike: n.spike, reset: n.reset, functions: n.functions, refractory: n.refractory });
  }
  return out;
}

/** Apply `edits` character edits (insert, delete, replace, duplicate a span) to `s`. */
function mutate(s: string, edits: { at: number; kind: number; text: string }[]): string {
  let out = s;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.kind === 0) out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 1) out = out.slice(0, at) + out.slice(at + 1 + (e.text.length % 5));
    else if (e.kind === 2) out = out.slice(0, at) + e.text + out.slice(at + e.text.length);
    else out = out.slice(0, at) + out.slice(at, at + 20).repeat(1 + (e.text.length % 4)) + out.slice(at);
  }
  return out;
}

const edit = fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 3 }), text: fc.oneof(mostlyValid.map((e) => ` + ${e}`), mostlyValid, fc.constantFrom(...JUNK, ...HOSTILE_NAMES)) });

/** A model of CompNeuroPy's library with a few fields mutated. */
export const mutatedNeuron: fc.Arbitrary<NeuronOptions> = fc.constant(null).chain(() => {
  const seeds = libraryDescriptions();
  return fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.constantFrom('parameters', 'equations', 'spike', 'reset', 'functions'), fc.array(edit, { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 2 }))
    .map(([seed, changes]) => {
      const o: NeuronOptions = { ...seed };
      for (const [field, edits] of changes) (o as Record<string, unknown>)[field] = mutate(String(o[field as keyof NeuronOptions] ?? ''), edits);
      return o;
    });
});

/**
 * What one description did: compiled (and ran a few steps), failed with a ModelError, or named
 * an attribute like a Population/Projection member (a plain Error today; issue 20 keeps internal
 * members off the attribute namespace instead).
 */
export type Outcome = 'ok' | 'model-error' | 'member-clash';

/**
 * Build the description, compile it in a network (2 neurons, or a projection onto a spiking
 * population for a synapse) and run 3 steps. Returns the outcome; any failure that is not a
 * {@link ModelError} from the description, or an internal ModelError, is rethrown: that is what
 * the fuzzing looks for.
 */
export function exercise(desc: { neuron?: NeuronOptions; synapse?: SynapseOptions }): Outcome {
  try {
    const net = new Network({ dt: 0.1, seed: 1 });
    if (desc.neuron) {
      const pop = new Population(2, new Neuron(desc.neuron), { network: net });
      void pop;
    } else {
      const synapse = new Synapse(desc.synapse ?? {});
      // the populations match the synapse's type (a rate-coded synapse between spiking
      // populations is an API error, not a description error)
      const cell = synapse.spiking
        ? { parameters: 'tau = 10', equations: 'tau*dv/dt = -v + g_exc + 1.5', spike: 'v > 1', reset: 'v = 0' }
        : { parameters: 'tau = 10', equations: 'tau*dr/dt = -r + sum(exc) + 1' };
      const post = new Population(2, new Neuron(cell), { network: net });
      const pre = new Population(2, new Neuron(cell), { network: net });
      const proj = new Projection(pre, post, 'exc', synapse);
      proj.connectAllToAll({ weights: 0.5 });
    }
    net.compile();
    for (let k = 0; k < 3; k++) net.step();
    return 'ok';
  } catch (e) {
    if (e instanceof ModelError && !(e as { internal?: boolean }).internal) return 'model-error';
    if (e instanceof Error && /clashes with a (Population|Projection) member/.test(e.message)) return 'member-clash';
    throw e;
  }
}
