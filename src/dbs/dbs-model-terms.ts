import { Neuron, type NeuronOptions } from '../language/neuron.js';
import { Synapse, type SynapseOptions } from '../language/synapse.js';
import { DBSError } from './dbs-error.js';

// The DBS mechanisms CompNeuroPy 1.0.4 (dbs.py, _CreateDBSmodel) writes into the descriptions.
// The strings are CompNeuroPy's (MIT), so the recreated models equal the original's.

/** Depolarisation term of a spiking neuron's `dv/dt` line (CompNeuroPy's text). */
export const SPIKING_DEPOLARIZATION_TERM = ' + pulse(t)*dbs_on*dbs_depolarization*neg(-90 - v)';
/** Depolarisation term of a rate-coded neuron's `dmp/dt` line (CompNeuroPy's text). */
export const RATE_DEPOLARIZATION_TERM = ' + pulse(t)*dbs_on*dbs_depolarization*neg(-1 - mp)';

const DBS_SUFFIX = '\nWith DBS mechanisms implemented.';

/**
 * Whether an equation line defines `d<variable>/dt` (CompNeuroPy's `get_line_is_dvdt` /
 * `get_line_is_dmpdt`: spaces removed, `d<variable>/dt` left of the first `=`).
 *
 * @example
 * ```ts
 * isDerivativeLine('C * dv/dt = k*(v - v_r) - u', 'v'); // true
 * isDerivativeLine('du/dt = a*(b*v - u)', 'v');         // false
 * ```
 */
export function isDerivativeLine(line: string, variable: string): boolean {
  if (!line.includes(variable)) return false;
  const s = line.replace(/ /g, '');
  const at = s.indexOf(`d${variable}/dt`);
  return at >= 0 && at < s.indexOf('=');
}

/**
 * Adds `term` to the right-hand side of an equation line, before its flags (`: min=...`) as
 * CompNeuroPy's `add_term_to_eq_line` does, and also before a `#` comment (CompNeuroPy appends it
 * after the comment, where it is lost; README "Differences from CompNeuroPy").
 *
 * @example
 * ```ts
 * addTermToEquationLine('tau * dmp/dt = -mp + I : min=-1 # membrane', ' + x');
 * // 'tau * dmp/dt = -mp + I + x : min=-1 # membrane'
 * ```
 */
export function addTermToEquationLine(line: string, term: string): string {
  const hash = line.indexOf('#');
  const code = hash >= 0 ? line.slice(0, hash) : line;
  const comment = hash >= 0 ? line.slice(hash) : '';
  const colon = code.indexOf(':');
  if (colon < 0) {
    // keep the spacing before the comment: 'x = a  # c' -> 'x = a + t  # c'
    const body = code.replace(/\s+$/, '');
    return body + term + code.slice(body.length) + comment;
  }
  return code.slice(0, colon) + term + code.slice(colon) + comment;
}

/** Adds the term to every `d<variable>/dt` line; throws if there is none. */
function addDepolarization(equations: string, variable: string, term: string, model: string, expected: string): string {
  let found = 0;
  const lines = equations.split(/\r?\n/).map((line) => {
    if (!isDerivativeLine(line, variable)) return line;
    found++;
    return addTermToEquationLine(line, term);
  });
  if (found === 0) throw new DBSError('autoImplement', `the neuron "${model}" has no line with d${variable}/dt; ${expected}`);
  return lines.join('\n');
}

/** The options a Neuron was created with. */
function neuronOptions(n: Neuron): NeuronOptions {
  return {
    parameters: n.parameters, equations: n.equations, spike: n.spike, reset: n.reset, refractory: n.refractory,
    functions: n.functions, axonSpike: n.axonSpike, axonReset: n.axonReset, name: n.name, description: n.description,
  };
}

/**
 * The neuron with CompNeuroPy's DBS mechanisms: for spiking neurons (Izhikevich-like, a `dv/dt`
 * line and `c`, `d`, `u` needed) the parameters `dbs_depolarization`, `dbs_on`, `antidromic`,
 * `antidromic_prob`, `prob_axon_spike`, two uniform variables, the depolarisation term, the
 * axonal spike condition and the antidromic axonal reset; for rate-coded neurons (a `dmp/dt`
 * line needed) `dbs_depolarization`, `dbs_on`, `axon_rate_amp`, `axon_rate` and the
 * depolarisation term.
 *
 * @example
 * ```ts
 * const dbsNeuron = addDbsToNeuron(new Izhikevich());
 * dbsNeuron.axonSpike; // 'pulse(t)*dbs_on*unif_var_dbs1 > 1-prob_axon_spike'
 * ```
 */
export function addDbsToNeuron(neuron: Neuron): Neuron {
  const o = neuronOptions(neuron);
  const description = `${o.description}${DBS_SUFFIX}`;
  if (neuron.spiking) {
    const parameters = [
      ...o.parameters!.split(/\r?\n/),
      'dbs_depolarization = 0 : population', 'dbs_on = 0', 'antidromic = 0 : population', 'antidromic_prob = 0 : population', 'prob_axon_spike = 0 : population',
    ].join('\n');
    // inserted at the top one after the other: dbs2 is drawn before dbs1, as in CompNeuroPy
    const equations = addDepolarization(['unif_var_dbs2 = Uniform(0.0, 1.0)', 'unif_var_dbs1 = Uniform(0.0, 1.0)', o.equations!].join('\n'),
      'v', SPIKING_DEPOLARIZATION_TERM, neuron.name, 'only Izhikevich spiking models are supported');
    return new Neuron({
      ...o, parameters, equations, description,
      axonSpike: 'pulse(t)*dbs_on*unif_var_dbs1 > 1-prob_axon_spike',
      axonReset: 'v += ite(unif_var_dbs2 < antidromic_prob, dbs_on*antidromic*(-v + c), 0)\nu += ite(unif_var_dbs2 < antidromic_prob, dbs_on*antidromic*d, 0)',
    });
  }
  const parameters = [
    ...o.parameters!.split(/\r?\n/),
    'dbs_depolarization = 0 : population', 'dbs_on = 0', 'axon_rate_amp = 1.0 : population # equivalent to prob_axon_spike in spiking model',
  ].join('\n');
  const equations = addDepolarization([o.equations!, 'axon_rate = axon_rate_amp*dbs_on # equivalent to axon_spike in spiking model'].join('\n'),
    'mp', RATE_DEPOLARIZATION_TERM, neuron.name, "only rate-coded models with mp as 'membrane potential' are supported");
  return new Neuron({ ...o, parameters, equations, description });
}

/** The options a Synapse was created with. */
function synapseOptions(s: Synapse): SynapseOptions {
  return {
    parameters: s.parameters, equations: s.equations, psp: s.psp, operation: s.operation, preSpike: s.preSpike,
    postSpike: s.postSpike, preAxonSpike: s.preAxonSpike, functions: s.functions, name: s.name, description: s.description,
  };
}

/**
 * The synapse with CompNeuroPy's DBS mechanisms. Spiking: a parameter `p_axon_spike_trans`, a
 * uniform variable and `pre_axon_spike: g_target += ite(unif_var_dbs < p_axon_spike_trans,
 * w*post.dbs_on, 0)`. Rate-coded: `pre.r` of the psp becomes
 * `pre_rate = pre.r + p_axon_spike_trans*pre.axon_rate*post.dbs_on` (as in CompNeuroPy the
 * equations keep `pre.r`: its replacement there is overwritten).
 *
 * @example
 * ```ts
 * addDbsToSynapse(defaultRateSynapse(), false).psp; // 'w * pre_rate'
 * ```
 */
export function addDbsToSynapse(synapse: Synapse, spiking: boolean): Synapse {
  const o = synapseOptions(synapse);
  const parameters = [...o.parameters!.split(/\r?\n/), 'p_axon_spike_trans=0 : projection'].join('\n');
  const description = `${o.description}${DBS_SUFFIX}`;
  if (spiking) {
    return new Synapse({
      ...o, parameters, description,
      equations: ['unif_var_dbs = Uniform(0., 1.)', o.equations!].join('\n'),
      preAxonSpike: 'g_target+=ite(unif_var_dbs<p_axon_spike_trans,w*post.dbs_on,0)',
    });
  }
  // ANNarchy's rate-coded synapse transmits w*pre.r when no psp is given
  const psp = (o.psp ?? 'w * pre.r').replace(/\bpre\.r\b/g, 'pre_rate');
  return new Synapse({
    ...o, parameters, psp, description,
    equations: ['pre_rate = pre.r + p_axon_spike_trans*pre.axon_rate*post.dbs_on', o.equations!].join('\n'),
  });
}
