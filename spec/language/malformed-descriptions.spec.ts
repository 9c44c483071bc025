import { expect } from 'chai';
import { Neuron, type NeuronOptions } from '../../src/language/neuron.js';
import { Synapse, type SynapseOptions } from '../../src/language/synapse.js';
import { ModelError, ModelDescriptionError, type ModelSection } from '../../src/language/model-error.js';

/**
 * Every malformed description throws one error type, ModelError, whose message names the
 * model, the description string and line of the statement, the statement and the symbol.
 * Each row: the description, what triggers the error (analysis or code generation), and the
 * expected model, section, line (1-based in its string; undefined where there is no
 * statement), symbol and problem text.
 */
interface Row {
  what: string;
  /** Model name (default `Malformed <row index>`): rows may share one to show errors do not mix models up. */
  name?: string;
  neuron?: NeuronOptions;
  synapse?: SynapseOptions;
  /** Generate code (errors found only then: unknown symbols, methods, pre./post. attributes). */
  codegen?: boolean | { method?: 'implicit' | 'exponential'; pre?: NeuronOptions; post?: NeuronOptions };
  section: ModelSection | undefined;
  line: number | undefined;
  /** The statement text as it appears in the message. */
  statement?: string;
  symbol: string;
  problem: RegExp;
}

const LIF_EQ = '\n  tau * dv/dt = E_L - v + g_exc\n';
const rows: Row[] = [
  // ---- unknown symbols, functions, arity -------------------------------------------------
  {
    what: 'unknown symbol in an ODE (line 3)', codegen: true,
    neuron: { parameters: 'tau = 10.0\n E_L = -65.0', equations: '\n  u = 0\n  tau * dv/dt = E_x - v\n', spike: 'v > 0' },
    section: 'equations', line: 3, statement: 'tau * dv/dt = E_x - v', symbol: 'E_x', problem: /unknown symbol "E_x"/,
  },
  {
    what: 'unknown function', neuron: { parameters: 'r = 0', equations: 'x = 1\n y = foo(x)' },
    section: 'equations', line: 2, statement: 'y = foo(x)', symbol: 'foo', problem: /unknown function "foo\(\)"/,
  },
  {
    what: 'wrong arity of a built-in', neuron: { parameters: 'r = 0', equations: '\n\n x = exp(1, 2)' },
    section: 'equations', line: 3, statement: 'x = exp(1, 2)', symbol: 'exp', problem: /function exp\(\) takes 1 argument\(s\), got 2/,
  },
  {
    what: 'wrong arity of a user function', neuron: { parameters: 'r = 0', equations: 'x = f(1, 2)', functions: 'f(a) = a' },
    section: 'equations', line: 1, statement: 'x = f(1, 2)', symbol: 'f', problem: /function f\(\) takes 1 argument\(s\) \(f\(a\) = a\), got 2/,
  },
  {
    what: 'unknown symbol in a user function (found by code generation)', codegen: true,
    neuron: { parameters: 'r = 0', equations: 'x = g(1)', functions: 'h(a) = a\n g(a) = a * k' },
    section: 'functions', line: 2, statement: 'g(a) = a * k', symbol: 'k', problem: /unknown symbol "k"/,
  },
  {
    what: 'implicit multiplication', neuron: { parameters: 'r = 0', equations: 'y = 1\n x = 2 t' },
    section: 'equations', line: 2, statement: 'x = 2 t', symbol: 't', problem: /implicit multiplication "2 t" is not allowed; write "\*"/,
  },
  // ---- conditionals and parentheses ---------------------------------------------------------
  {
    what: 'if without else', neuron: { parameters: 'r = 0', equations: 'x = 1\n\n y = if t > 1: 2' },
    section: 'equations', line: 3, statement: 'y = if t > 1: 2', symbol: 'if', problem: /conditional "if \.\.\. :" without a matching "else:"/,
  },
  {
    what: 'unclosed parenthesis', neuron: { parameters: 'tau = 10\n r = 0', equations: 'tau * dx/dt = exp(-(x - 1)' },
    section: 'equations', line: 1, statement: 'tau * dx/dt = exp(-(x - 1)', symbol: '(', problem: /unbalanced parentheses in "exp\(-\(x - 1\)": "\(" at character 4 is never closed/,
  },
  {
    what: 'closing parenthesis without opening one', neuron: { parameters: 'r = 0', equations: 'x = 1\n y = (x + 1))' },
    section: 'equations', line: 2, statement: 'y = (x + 1))', symbol: ')', problem: /unbalanced parentheses in "\(x \+ 1\)\)": "\)" at character 8 has no opening "\("/,
  },
  {
    what: 'unbalanced parentheses in a parameter value', neuron: { parameters: 'r = 0\n a = (1 + 2', equations: '' },
    section: 'parameters', line: 2, statement: 'a = (1 + 2', symbol: '(', problem: /unbalanced parentheses in "\(1 \+ 2": "\(" at character 1 is never closed/,
  },
  {
    what: 'else without if', neuron: { parameters: 'r = 0', equations: 'x = 1 else: 2' },
    section: 'equations', line: 1, statement: 'x = 1 else: 2', symbol: 'else', problem: /"else" without a matching "if": .* use ite\(c, a, b\)/,
  },
  {
    what: 'if inside an expression', neuron: { parameters: 'r = 0', equations: 'y = 0\n x = 1 + if t > 1: 1 else: 0' },
    section: 'equations', line: 2, statement: 'x = 1 + if t > 1: 1 else: 0', symbol: 'if', problem: /"if" inside an expression/,
  },
  {
    what: 'misspelt flag after a conditional', neuron: { parameters: 'r = 0', equations: 'x = if t > 1: 1 else: 0 : populaton' },
    section: 'equations', line: 1, statement: 'x = if t > 1: 1 else: 0 : populaton', symbol: 'populaton', problem: /unknown flag "populaton"/,
  },
  // ---- numerical methods ---------------------------------------------------------------------
  {
    what: 'non-linear ODE under exponential', codegen: true,
    neuron: { parameters: 'tau = 10.0\n r = 0', equations: 'y = 1\n tau * dx/dt = -x*x : exponential' },
    section: 'equations', line: 2, statement: 'tau * dx/dt = -x*x : exponential', symbol: 'x', problem: /the exponential method needs an ODE linear in x/,
  },
  {
    what: 'non-linear ODE under implicit (method from setup)', codegen: { method: 'implicit' },
    neuron: { parameters: 'tau = 10.0\n r = 0', equations: '\n tau * dx/dt = -x^2' },
    section: 'equations', line: 2, statement: 'tau * dx/dt = -x^2', symbol: 'x', problem: /the implicit method needs an ODE linear in x/,
  },
  {
    what: 'ODE not linear in its derivative', neuron: { parameters: 'r = 0', equations: 'x = 0\n dv/dt * dv/dt = 1' },
    section: 'equations', line: 2, statement: 'dv/dt * dv/dt = 1', symbol: 'dv/dt', problem: /not linear in dv\/dt/,
  },
  {
    what: 'numerical method on an assignment', neuron: { parameters: 'r = 0', equations: 'x = 1 : exponential' },
    section: 'equations', line: 1, statement: 'x = 1 : exponential', symbol: 'exponential', problem: /numerical method "exponential" given for an assignment/,
  },
  // ---- declarations ----------------------------------------------------------------------------
  {
    what: 'parameter assigned in equations', neuron: { parameters: 'a = 1\n r = 0', equations: 'x = 1\n a = 2' },
    section: 'equations', line: 2, statement: 'a = 2', symbol: 'a', problem: /"a" is a parameter; parameters cannot have equations/,
  },
  {
    what: 'parameter declared twice', neuron: { parameters: 'tau = 1\n r = 0\n tau = 2', equations: '' },
    section: 'parameters', line: 3, statement: 'tau = 2', symbol: 'tau', problem: /parameter "tau" is declared twice \(first: "tau = 1"\)/,
  },
  {
    what: 'variable with two equations', neuron: { parameters: 'r = 0', equations: 'x = 1\n y = 2\n x = 3' },
    section: 'equations', line: 3, statement: 'x = 3', symbol: 'x', problem: /variable "x" has two equations \(first: "x = 1"\)/,
  },
  {
    what: 'reserved name as a parameter', neuron: { parameters: 'r = 0\n dt = 0.1', equations: '' },
    section: 'parameters', line: 2, statement: 'dt = 0.1', symbol: 'dt', problem: /"dt" is a reserved name/,
  },
  {
    what: 'function declared twice', neuron: { parameters: 'r = 0', functions: 'f(x) = x\n f(y) = 2*y' },
    section: 'functions', line: 2, statement: 'f(y) = 2*y', symbol: 'f', problem: /function "f" is declared twice \(first: "f\(x\) = x"\)/,
  },
  {
    what: 'function named like a built-in', neuron: { parameters: 'r = 0', functions: '\n exp(x) = x' },
    section: 'functions', line: 2, statement: 'exp(x) = x', symbol: 'exp', problem: /function "exp" has the name of a built-in function/,
  },
  {
    what: 'function named like an attribute', neuron: { parameters: 'tau = 1\n r = 0', functions: 'tau(x) = x' },
    section: 'functions', line: 1, statement: 'tau(x) = x', symbol: 'tau', problem: /function "tau" has the name of an attribute \("tau = 1"\)/,
  },
  // ---- flags -----------------------------------------------------------------------------------
  {
    what: 'unknown flag', neuron: { parameters: 'r = 0\n tau = 10 : population, postsynaptc', equations: '' },
    section: 'parameters', line: 2, statement: 'tau = 10 : population, postsynaptc', symbol: 'postsynaptc', problem: /unknown flag "postsynaptc"; expected one of init, min/,
  },
  {
    what: 'unknown key=value flag', neuron: { parameters: 'r = 0', equations: 'x = 1\n dv/dt = -v : init=1, mni=0' },
    section: 'equations', line: 2, statement: 'dv/dt = -v : init=1, mni=0', symbol: 'mni', problem: /unknown flag "mni=": only init=, min= and max= take a value/,
  },
  {
    what: 'min= naming an unknown symbol', neuron: { parameters: 'r = 0', equations: 'x = 1\n dv/dt = -v : min=v_lo' },
    section: 'equations', line: 2, statement: 'dv/dt = -v : min=v_lo', symbol: 'v_lo', problem: /min= of "v" uses unknown symbol "v_lo"/,
  },
  {
    what: 'init= naming an unknown symbol', neuron: { parameters: 'r = 0', equations: '\n dv/dt = -v : init=v0' },
    section: 'equations', line: 2, statement: 'dv/dt = -v : init=v0', symbol: 'v0', problem: /init of "v" "v0" uses unknown symbol "v0"/,
  },
  {
    what: 'parameter value naming an unknown symbol', neuron: { parameters: 'r = 0\n a = b + 1', equations: '' },
    section: 'parameters', line: 2, statement: 'a = b + 1', symbol: 'b', problem: /value of parameter "a" "b \+ 1" uses unknown symbol "b"/,
  },
  // ---- r, inputs -------------------------------------------------------------------------------
  {
    what: 'spiking neuron declaring r', neuron: { equations: 'dv/dt = 1\n r = v', spike: 'v > 1' },
    section: 'equations', line: 2, statement: 'r = v', symbol: 'r', problem: /a spiking neuron must not declare "r"/,
  },
  {
    what: 'rate-coded neuron without r', neuron: { equations: 'dv/dt = 1' },
    section: undefined, line: undefined, symbol: 'r', problem: /a rate-coded neuron \(no spike condition\) must declare a parameter or variable "r"/,
  },
  {
    what: 'sum(target) in a spiking neuron', neuron: { parameters: 'tau = 10', equations: 'x = 0\n tau * dv/dt = sum(exc) - v', spike: 'v > 1' },
    section: 'equations', line: 2, statement: 'tau * dv/dt = sum(exc) - v', symbol: 'sum(exc)', problem: /"sum\(exc\)" is the input of rate-coded neurons; .* g_exc/,
  },
  {
    what: 'undeclared g_target in a rate-coded neuron', neuron: { parameters: 'tau = 10', equations: 'tau * dr/dt = g_exc - r' },
    section: 'equations', line: 1, statement: 'tau * dr/dt = g_exc - r', symbol: 'g_exc', problem: /unknown symbol "g_exc": .* sum\(exc\)/,
  },
  {
    what: 'population-wide equation reading a per-neuron attribute', codegen: true,
    neuron: { parameters: 'r = 0\n I = 1', equations: 'x = 1\n m = I * 2 : population' },
    section: 'equations', line: 2, statement: 'm = I * 2 : population', symbol: 'I', problem: /population-wide equation uses per-neuron attribute "I"/,
  },
  // ---- random distributions --------------------------------------------------------------------
  {
    what: 'random distribution with a per-neuron argument', neuron: { parameters: 'r = 0\n sigma = 1', equations: 'x = Normal(0.0, sigma)' },
    section: 'equations', line: 1, statement: 'x = Normal(0.0, sigma)', symbol: 'sigma', problem: /arguments of Normal\(\) must be numbers, global parameters .* per-neuron parameter "sigma"/,
  },
  {
    what: 'random distribution with an expression argument', neuron: { parameters: 'r = 0\n s = 1 : population', equations: 'y = 0\n x = Normal(0.0, 2 * s)' },
    section: 'equations', line: 2, statement: 'x = Normal(0.0, 2 * s)', symbol: '2 * s', problem: /arguments of Normal\(\) must be numbers/,
  },
  {
    what: 'random distribution with a wrong number of arguments', neuron: { parameters: 'r = 0', equations: 'x = Uniform(1.0)' },
    section: 'equations', line: 1, statement: 'x = Uniform(1.0)', symbol: 'Uniform', problem: /Uniform\(\) takes 2 argument\(s\), got 1/,
  },
  // ---- spike, reset, refractory ----------------------------------------------------------------
  {
    what: 'unknown symbol in the spike condition', codegen: true,
    neuron: { equations: LIF_EQ, parameters: 'tau = 10\n E_L = 0', spike: 'v > v_T' },
    section: 'spike', line: 1, statement: 'v > v_T', symbol: 'v_T', problem: /unknown symbol "v_T"/,
  },
  {
    what: 'reset assigning an unknown variable', neuron: { equations: LIF_EQ, parameters: 'tau = 10\n E_L = 0', spike: 'v > 1', reset: 'v = E_L\n u += 1' },
    section: 'reset', line: 2, statement: 'u += 1', symbol: 'u', problem: /reset assigns "u", which is not a variable of the model/,
  },
  {
    what: 'reset assigning a parameter', neuron: { equations: LIF_EQ, parameters: 'tau = 10\n E_L = 0', spike: 'v > 1', reset: '\n v = 0\n E_L = -70' },
    section: 'reset', line: 3, statement: 'E_L = -70', symbol: 'E_L', problem: /reset assigns "E_L", which is a parameter/,
  },
  {
    what: 'unknown symbol in a reset statement', codegen: true,
    neuron: { equations: LIF_EQ, parameters: 'tau = 10\n E_L = 0', spike: 'v > 1', reset: 'v = v_reset' },
    section: 'reset', line: 1, statement: 'v = v_reset', symbol: 'v_reset', problem: /unknown symbol "v_reset"/,
  },
  {
    what: 'reset without a spike condition', neuron: { parameters: 'r = 0', equations: 'x = 1', reset: '\n x = 0' },
    section: 'reset', line: 2, statement: 'x = 0', symbol: 'reset', problem: /"reset" is given but no "spike" condition/,
  },
  {
    what: 'refractory naming an unknown attribute', neuron: { equations: LIF_EQ, parameters: 'tau = 10\n E_L = 0', spike: 'v > 1', refractory: 't_ref' },
    section: 'refractory', line: undefined, statement: 't_ref', symbol: 't_ref', problem: /refractory names "t_ref", which is not a parameter or variable/,
  },
  // ---- synapses ----------------------------------------------------------------------------------
  {
    what: 'synapse: unknown pre.x attribute', synapse: { psp: '\n w * pre.q' }, codegen: { pre: { equations: 'r = 1' }, post: { equations: 'r = 1' } },
    section: 'psp', line: 2, statement: 'w * pre.q', symbol: 'pre.q', problem: /"pre.q" is not an attribute of the pre-synaptic population \(r\)/,
  },
  {
    what: 'synapse: unknown post.x attribute in preSpike', synapse: { preSpike: 'g_target += w\n w += post.u' },
    codegen: { pre: { equations: 'dv/dt = 1', spike: 'v > 1' }, post: { equations: 'dv/dt = g_exc', spike: 'v > 1' } },
    section: 'preSpike', line: 2, statement: 'w += post.u', symbol: 'post.u', problem: /"post.u" is not an attribute of the post-synaptic population/,
  },
  {
    what: 'synapse: w declared projection-wide', synapse: { parameters: 'tau = 1\n w = 0.5 : projection', psp: 'w * pre.r' },
    section: 'parameters', line: 2, statement: 'w = 0.5 : projection', symbol: 'w', problem: /the weight "w" must be local/,
  },
  {
    what: 'synapse: parameter assigned in postSpike', synapse: { parameters: 'k = 1', preSpike: 'g_target += w', postSpike: 'w += 1\n k += 1' },
    section: 'postSpike', line: 2, statement: 'k += 1', symbol: 'k', problem: /"k" is a parameter and cannot be assigned in preSpike\/postSpike/,
  },
  {
    what: 'synapse: init= of a preSpike statement not a number', synapse: { preSpike: 'g_target += w\n\n q += 1 : init = abc' },
    section: 'preSpike', line: 3, statement: 'q += 1 : init = abc', symbol: 'init', problem: /init= of a preSpike statement must be a number/,
  },
  {
    what: 'synapse: g_target in postSpike', synapse: { preSpike: 'g_target += w', postSpike: '\n g_target += 1' },
    section: 'postSpike', line: 2, statement: 'g_target += 1', symbol: 'g_target', problem: /g_target can only be modified in preSpike/,
  },
  {
    what: 'synapse: non-linear event-driven ODE', synapse: { parameters: 'tau = 1', equations: 'y = 0\n tau * dx/dt = -x*x : event-driven', preSpike: 'g_target += w' },
    section: 'equations', line: 2, statement: 'tau * dx/dt = -x*x : event-driven', symbol: 'x', problem: /the event-driven equation of "x" is not linear in x/,
  },
  {
    what: 'synapse: event-driven ODE in a rate-coded synapse', synapse: { equations: 'dx/dt = -x : event-driven' },
    section: 'equations', line: 1, statement: 'dx/dt = -x : event-driven', symbol: 'event-driven', problem: /"event-driven" equations need a spiking synapse/,
  },
  {
    what: 'synapse: unknown function in preSpike', synapse: { preSpike: 'g_target += w\n w = clamp(w, 0, 1)' },
    section: 'preSpike', line: 2, statement: 'w = clamp(w, 0, 1)', symbol: 'clamp', problem: /unknown function "clamp\(\)"/,
  },
  {
    what: 'synapse: unknown flag in preSpike', synapse: { preSpike: 'g_target += w : unless_pre' },
    section: 'preSpike', line: 1, statement: 'g_target += w : unless_pre', symbol: 'unless_pre', problem: /unknown flag "unless_pre"/,
  },
  {
    what: 'synapse: reserved name declared', synapse: { parameters: 'a = 1\n t_pre = 0', preSpike: 'g_target += w' },
    section: 'parameters', line: 2, statement: 't_pre = 0', symbol: 't_pre', problem: /"t_pre" is reserved and cannot be a parameter: ANNarchy reserves it/,
  },
  {
    what: 'synapse: unbalanced parentheses in psp', synapse: { psp: 'w * (pre.r + 1' },
    section: 'psp', line: 1, statement: 'w * (pre.r + 1', symbol: '(', problem: /unbalanced parentheses/,
  },
  // ---- locations come from the statement itself, not from its text or its model's name ------------
  {
    what: 'two models with one name, same statement (1): code generation names the line of this model',
    name: 'Twin', codegen: true,
    neuron: { parameters: 'tau = 10.0', equations: 'tau * dv/dt = E_x - v', spike: 'v > 0' },
    section: 'equations', line: 1, statement: 'tau * dv/dt = E_x - v', symbol: 'E_x', problem: /unknown symbol "E_x"/,
  },
  {
    what: 'two models with one name, same statement (2): the second model reports its own line, not the first\'s',
    name: 'Twin', codegen: true,
    neuron: { parameters: 'tau = 10.0', equations: '\n\n u = 0\n tau * dv/dt = E_x - v', spike: 'v > 0' },
    section: 'equations', line: 4, statement: 'tau * dv/dt = E_x - v', symbol: 'E_x', problem: /unknown symbol "E_x"/,
  },
  {
    // analysis reads equations before preSpike, code generation prints preSpike first
    what: 'one statement text twice in a synapse (equations line 1, preSpike line 2): the failing one is named',
    synapse: { equations: 'y = pre.q', preSpike: 'g_target += w\n y = pre.q' },
    codegen: { pre: { equations: 'dv/dt = 1', spike: 'v > 1' }, post: { equations: 'dv/dt = g_exc', spike: 'v > 1' } },
    section: 'preSpike', line: 2, statement: 'y = pre.q', symbol: 'pre.q', problem: /"pre.q" is not an attribute of the pre-synaptic population/,
  },
];

function trigger(row: Row, name: string): void {
  const cg = typeof row.codegen === 'object' ? row.codegen : {};
  if (row.neuron) {
    const n = new Neuron({ ...row.neuron, name });
    if (row.codegen) n.kernelSource({ method: cg.method });
    else n.analyse();
  } else {
    const s = new Synapse({ ...row.synapse!, name });
    if (row.codegen) {
      s.kernelSource({
        pre: cg.pre && new Neuron({ ...cg.pre, name: `${name} pre` }),
        post: cg.post && new Neuron({ ...cg.post, name: `${name} post` }),
      });
    } else s.analyse();
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('language: malformed descriptions throw a ModelError naming model, line and symbol', () => {
  it('holds at least 35 malformed descriptions', () => {
    expect(rows.length).to.be.at.least(35);
  });

  rows.forEach((row, k) => {
    it(row.what, () => {
      const name = row.name ?? `Malformed ${k}`;
      let err: unknown;
      try {
        trigger(row, name);
      } catch (e) {
        err = e;
      }
      expect(err, 'an error is thrown').to.be.instanceOf(ModelError);
      const me = err as ModelError;
      expect(me.model).to.equal(name);
      expect(me.section).to.equal(row.section);
      expect(me.line).to.equal(row.line);
      expect(me.symbol).to.equal(row.symbol);
      const place = row.section === undefined ? '' : row.line === undefined ? `, ${row.section}` : `, ${row.section} line ${row.line}`;
      const stmt = row.statement === undefined ? '' : `${row.section === undefined ? ', ' : ' '}"${row.statement}"`;
      expect(me.message.startsWith(`model "${name}"${place}${stmt}: `), me.message).to.equal(true);
      expect(me.message).to.match(row.problem);
      expect(me.message).to.match(new RegExp(`"${escape(row.symbol)}"|${escape(row.symbol)}\\(|\\b${escape(row.symbol)}\\b`));
      if (row.statement !== undefined) expect(me.statement).to.equal(row.statement);
    });
  });

  it('two models with one name and one statement text each report their own line, in either order', () => {
    const lineOf = (equations: string) => {
      const n = new Neuron({ name: 'Same', parameters: 'tau = 10.0', equations, spike: 'v > 0' });
      try {
        n.kernelSource();
      } catch (e) {
        return [(e as ModelError).section, (e as ModelError).line];
      }
      return undefined;
    };
    expect(lineOf('\n\n\n tau * dv/dt = E_y - v')).to.deep.equal(['equations', 4]);
    expect(lineOf('tau * dv/dt = E_y - v')).to.deep.equal(['equations', 1]);
    expect(lineOf('\n tau * dv/dt = E_y - v')).to.deep.equal(['equations', 2]);
  });

  it('ModelDescriptionError is the same class', () => {
    expect(ModelDescriptionError).to.equal(ModelError);
    expect(() => new Neuron({ parameters: 'r = 0', equations: 'x = foo(1)' }).analyse()).to.throw(ModelDescriptionError);
  });

  it('a continued statement is reported at its first line; ";" statements share a line', () => {
    const n = new Neuron({ name: 'Cont', parameters: 'r = 0', equations: '\n x = 1 +\n   2\n y = 1; z = q(1)' });
    expect(() => n.analyse()).to.throw(ModelError, /^model "Cont", equations line 4 "z = q\(1\)": unknown function "q\(\)"/);
    const m = new Neuron({ name: 'Cont2', parameters: 'r = 0', equations: 'x = (1 +\n   2' });
    expect(() => m.analyse()).to.throw(ModelError, /^model "Cont2", equations line 1 "x = \(1 \+ 2": unbalanced parentheses/);
  });

  it('comments and blank lines count as lines', () => {
    const n = new Neuron({ name: 'Comments', parameters: 'r = 0', equations: '# leak\n\n x = 1 # first\n # done\n y = 2 t' });
    expect(() => n.analyse()).to.throw(ModelError, /^model "Comments", equations line 5 "y = 2 t": implicit multiplication/);
  });

  it('boolean spike conditions are accepted: comparisons, logic, bool attributes, isnan, ite and boolean functions', () => {
    const ok = (spike: string, extra: Partial<NeuronOptions> = {}) => {
      expect(() => new Neuron({ parameters: 'on = True', equations: 'dv/dt = 1', spike, ...extra }).analyse(), spike).not.to.throw();
    };
    ok('v > 1');
    ok('(v > 1) and not (v > 5)');
    ok('on');
    ok('isnan(v) or v >= 2');
    ok('ite(v > 1, True, False)');
    ok('if v > 0: v > 1 else: v < -1');
    ok('above(v)', { functions: 'above(x) = x > 1' });
    // any expression C accepts in if (...) (issue 20: ANNarchy compiles spike: '(modulo(t,3))')
    ok('pos(v - 1)');
    ok('ite(v > 1, 1, 0)');
    ok('(modulo(t,3))');
  });

  it('kernelSource exposes the generated code without a network', () => {
    const n = new Neuron({ parameters: 'tau = 10.0 : population', equations: 'tau * dv/dt = -v + g_exc', spike: 'v > 1', reset: 'v = 0' });
    const src = n.kernelSource();
    expect(src.update).to.contain('$$v += dt * __d_v');
    expect(src.update).to.contain('$v[i] = $$v;');
    // the spike test and reset run on the neuron's locals inside the update loop
    expect(src.spikeGather).to.equal(undefined);
    expect(src.update).to.contain('if (($$v > 1)) {');
    expect(src.update).to.contain('$$v = 0;');
    // a reset of a population-wide value needs the separate pass
    const g = new Neuron({ equations: 'dv/dt = 1\n dn/dt = 0 : population', spike: 'v > 1', reset: 'v = 0\n n += 1' }).kernelSource();
    expect(g.spikeGather).to.contain('$v[i] = 0');
    const s = new Synapse({ psp: 'w * pre.r' }).kernelSource();
    expect(s.psp).to.contain('__s += ($w[k] * __pre_r[__rkpre])');
  });
});
