import type { MathNode } from './math.js';
import type { LocatedStatement } from './model-error.js';
import type { GlobalOpUse } from './expression.js';

/**
 * Where an attribute lives: one value per neuron/synapse, per post neuron, or one in all.
 *
 * @example
 * ```ts
 * const l: Locality = analyseNeuron(LIF).parameters[0]!.locality;   // 'local' | 'semiglobal' | 'global'
 * ```
 */
export type Locality = 'local' | 'semiglobal' | 'global';

/**
 * Numerical methods of ANNarchy 4.7.3 (annarchy-semantics §2.3).
 *
 * @example
 * ```ts
 * setup({ method: 'midpoint' satisfies NumericalMethod });
 * ```
 */
export type NumericalMethod = 'explicit' | 'implicit' | 'semiimplicit' | 'exponential' | 'midpoint' | 'rk4' | 'event-driven' | 'exact';

/**
 * Value type of an attribute (all are stored as doubles; int/bool are truncated/coerced on assignment).
 *
 * @example
 * ```ts
 * const t: AttributeType = analyseNeuron(LIF).variables[0]!.type;   // 'double' unless flagged int or bool
 * ```
 */
export type AttributeType = 'double' | 'int' | 'bool';

// Every IR object carries its statement (`source`) and where it was written (`section`,
// `line`, from LocatedStatement): code generation reports errors at that place.

/**
 * A parameter of the analysed description.
 *
 * @example
 * ```ts
 * const p: ParameterInfo = analyseNeuron(LIF).parameters[0]!;
 * p.locality;   // 'global' for ': population'
 * ```
 */
export interface ParameterInfo extends LocatedStatement {
  name: string;
  locality: Locality;
  type: AttributeType;
  /** Default value (model value before any assignment). */
  init: number;
}

/**
 * A variable of the analysed description.
 *
 * @example
 * ```ts
 * const v: VariableInfo = analyseNeuron(LIF).variables[0]!;
 * v.init;   // 0 unless init= is given
 * ```
 */
export interface VariableInfo extends LocatedStatement {
  name: string;
  locality: Locality;
  type: AttributeType;
  /** Initial value (`init=` flag, default 0). */
  init: number;
  /** Lower and upper clamps in the order they were written. */
  bounds: { kind: 'min' | 'max'; expr: MathNode }[];
  /** Added by the analysis, not written by the user (ANNarchy's implicit `g_target = 0`). */
  implicit?: boolean;
}

/**
 * A random variable drawn every step before the update (annarchy-semantics §2.5).
 *
 * @example
 * ```ts
 * const r: RandomInfo[] = analyseNeuron(new Neuron({ equations: 'v = Normal(0, 1)' })).randoms;
 * ```
 */
export interface RandomInfo extends LocatedStatement {
  /** Name of the per-step array (local) or number (global), e.g. `__rand_0`. */
  name: string;
  distribution: 'Uniform' | 'DiscreteUniform' | 'Normal' | 'LogNormal' | 'Exponential' | 'Gamma' | 'Binomial';
  /** Arguments: numeric literals or global parameters. */
  args: MathNode[];
  locality: Locality;
}

/**
 * One equation: an ODE (already solved for the derivative) or an assignment/increment.
 *
 * @example
 * ```ts
 * const eq: EquationInfo = analyseNeuron(LIF).equations[0]!;
 * eq.kind;   // 'ode'
 * ```
 */
export interface EquationInfo extends LocatedStatement {
  target: string;
  kind: 'ode' | 'assign';
  op: '=' | '+=' | '-=' | '*=' | '/=';
  /** ODE: the derivative `dx/dt = rhs`; assignment: the right side. */
  rhs: MathNode;
  /** ODE as written, `lhs - rhs` with the derivative as symbol `__D` (for implicit methods). */
  residual?: MathNode;
  /** Explicit method flag; undefined means the network default. */
  method?: NumericalMethod;
  locality: Locality;
}

/**
 * A user function `f(x, y) = expr`.
 *
 * @example
 * ```ts
 * const f: FunctionInfo = analyseNeuron(new Neuron({ functions: 'sig(x) = 1 / (1 + exp(-x))', equations: 'r = sig(1.0)' })).functions[0]!;
 * f.args;   // ['x']
 * ```
 */
export interface FunctionInfo extends LocatedStatement {
  name: string;
  args: string[];
  body: MathNode;
}

/**
 * The analysed form shared by neurons and synapses.
 *
 * @example
 * ```ts
 * const ir: DescriptionIR = analyseNeuron(LIF);
 * ir.parameters.map((p) => p.name);   // ['tau', ...]
 * ```
 */
export interface DescriptionIR {
  name: string;
  parameters: ParameterInfo[];
  variables: VariableInfo[];
  /** In declaration order (implicit additions last). */
  equations: EquationInfo[];
  functions: FunctionInfo[];
  randoms: RandomInfo[];
}

/**
 * The analysed form of a neuron (annarchy-semantics §1).
 *
 * @example
 * ```ts
 * const ir: NeuronIR = analyseNeuron(LIF);
 * ir.spiking;   // true
 * ```
 */
export interface NeuronIR extends DescriptionIR {
  spiking: boolean;
  spike?: { cond: MathNode } & LocatedStatement;
  reset: EquationInfo[];
  /** `axon_spike`: an extra event tested after the spike and reset, when the spike condition is false. */
  axonSpike?: { cond: MathNode } & LocatedStatement;
  /** `axon_reset` statements, executed on an axonal spike. */
  axonReset?: EquationInfo[];
  /** Refractory period in ms, or the name of the attribute holding it. */
  refractory?: number | string;
  /** Input targets: `exc` for `g_exc` (spiking) or `sum(exc)` (rate-coded). */
  targets: string[];
  /**
   * Global operations the model reads (`mean(r)`, ...), each once: computed over the whole
   * population after every step's neuron updates (annarchy-semantics §2.1 step 7).
   */
  globalOps?: GlobalOpUse[];
}
