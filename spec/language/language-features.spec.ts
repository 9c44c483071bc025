import { expect } from 'chai';
import { Neuron, type NeuronOptions } from '../../src/language/neuron.js';
import { Constant } from '../../src/language/constant.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';

type Pop = Population & Record<string, Float64Array & number>;

/** Compile one population of `size` neurons and run `steps` steps through the real engine. */
function run(opts: NeuronOptions, steps = 1, dt = 0.1, size = 1): { pop: Pop; net: Network } {
  const net = new Network({ dt });
  const pop = new Population(size, new Neuron(opts), { network: net }) as Pop;
  net.compile();
  for (let k = 0; k < steps; k++) net.step();
  return { pop, net };
}

/** Value of a per-neuron attribute of neuron 0 after `steps` steps of a rate-coded model. */
function valueOf(equations: string, name: string, parameters = '', steps = 1, extra: Partial<NeuronOptions> = {}): number {
  const { pop } = run({ parameters: `${parameters}\nr = 0`, equations, ...extra }, steps);
  return (pop[name] as Float64Array)[0]!;
}

describe('language: description language features (annarchy-semantics §1)', () => {
  describe('lexical rules (§1.1)', () => {
    it('";" separates statements in parameters and equations', () => {
      expect(valueOf('x = a + b; y = x * 2', 'y', 'a = 1.0; b = 2.0')).to.equal(6);
    });
    it('"#" starts a comment to the end of the line', () => {
      expect(valueOf('x = a # x = 5\n# y = 3\ny = x + 1 # trailing', 'y', 'a = 2.0 # a = 7')).to.equal(3);
    });
    it('a line without assignment continues the previous statement', () => {
      expect(valueOf('x = a +\n   b *\n   2', 'x', 'a = 1.0\nb = 3.0')).to.equal(7);
    });
    it('"^" and "**" are powers, binding tighter than unary minus', () => {
      expect(valueOf('x = 2^3 + 2**2', 'x')).to.equal(12);
      expect(valueOf('x = -a**2', 'x', 'a = 3.0')).to.equal(-9);
    });
  });

  describe('flags (§1.2, §1.3)', () => {
    it('init sets the initial value of a variable', () => {
      expect(valueOf('dx/dt = 0 : init=3.5', 'x')).to.equal(3.5);
    });
    it('min and max clamp after each update', () => {
      expect(valueOf('x += 1 : max=2.5', 'x', '', 5)).to.equal(2.5);
      expect(valueOf('x -= 1 : min=-1.5', 'x', '', 5)).to.equal(-1.5);
    });
    it('population makes one shared value', () => {
      const { pop } = run({ parameters: 'a = 2.0 : population\nr = 0', equations: 'g = g + a : population\nx = g + 1' }, 2, 0.1, 3);
      expect(pop.a).to.equal(2);
      expect(pop.g).to.equal(4);
      expect(Array.from(pop.x as Float64Array)).to.deep.equal([5, 5, 5]);
    });
    it('int truncates toward zero like a C int', () => {
      expect(valueOf('n = a : int', 'n', 'a = 2.7')).to.equal(2);
      expect(valueOf('n = a : int', 'n', 'a = -2.7')).to.equal(-2);
    });
    it('bool stores the truth value', () => {
      expect(valueOf('b = a > 1.0 : bool', 'b', 'a = 2.0')).to.equal(1);
      expect(valueOf('b = a > 1.0 : bool', 'b', 'a = 0.5')).to.equal(0);
    });
  });

  describe('equation forms (§1.1, §1.3)', () => {
    it('C_m * dv/dt = ... divides the right side by the coefficient', () => {
      expect(valueOf('C_m * dv/dt = I', 'v', 'C_m = 4.0\nI = 2.0')).to.be.closeTo(0.1 * 2 / 4, 1e-17);
    });
    it('tau*dr/dt + r = sum(exc) is solved for the derivative', () => {
      const { pop } = run({ parameters: 'tau = 5.0', equations: 'tau*dr/dt + r = sum(exc) : init=1' }, 1);
      expect(pop.r[0]).to.be.closeTo(1 + 0.1 * (0 - 1) / 5, 1e-15);
    });
    it('=, +=, -=, *=, /=', () => {
      const { pop } = run({
        parameters: 'r = 0',
        equations: 'a = 7\n b += 2\n c -= 3\n d *= 2 : init=1\n e /= 4 : init=64',
      }, 2);
      expect([pop.a[0], pop.b[0], pop.c[0], pop.d[0], pop.e[0]]).to.deep.equal([7, 4, -6, 4, 4]);
    });
  });

  describe('conditionals and logic (§1.5)', () => {
    it('if c: a else: b, nested in the else and in the then branch', () => {
      const eq = 'x = if t > 0.15: 1 else: if t > 0.05: 2 else: 3\n y = if a > 0: if b > 0: 10 else: 20 else: 30';
      expect([0, 1, 2].map((k) => valueOf(eq, 'x', 'a = 1.0\nb = -1.0', k + 1))).to.deep.equal([3, 2, 1]);
      expect(valueOf(eq, 'y', 'a = 1.0\nb = -1.0')).to.equal(20);
      expect(valueOf(eq, 'y', 'a = -1.0\nb = -1.0')).to.equal(30);
    });
    it('ite(c, a, b)', () => {
      expect(valueOf('x = ite(a > 1, 5, 6) + ite(a < 1, 50, 60)', 'x', 'a = 2.0')).to.equal(65);
    });
    it('and/or/not with Python precedence: not a > b is not (a > b); and binds tighter than or', () => {
      expect(valueOf('x = if not a > b: 1 else: 0', 'x', 'a = 1.0\nb = 2.0')).to.equal(1);
      expect(valueOf('x = if not a > b: 1 else: 0', 'x', 'a = 3.0\nb = 2.0')).to.equal(0);
      // True or (False and False) = True; (True or False) and False would be False
      expect(valueOf('x = if a > 0 or b > 0 and b > 5: 1 else: 0', 'x', 'a = 1.0\nb = -1.0')).to.equal(1);
      expect(valueOf('x = if a > 0 and not b > 0: 1 else: 0', 'x', 'a = 1.0\nb = -1.0')).to.equal(1);
    });
  });

  describe('functions (§1.4)', () => {
    const cases: [string, number][] = [
      ['exp(a)', Math.exp(1.5)],
      ['log(a)', Math.log(1.5)],
      ['sqrt(a)', Math.sqrt(1.5)],
      ['pow(a, 3)', 1.5 * 1.5 * 1.5],
      ['sin(a)', Math.sin(1.5)],
      ['cos(a)', Math.cos(1.5)],
      ['tan(a)', Math.tan(1.5)],
      ['tanh(a)', Math.tanh(1.5)],
      ['fabs(-a)', 1.5],
      ['floor(-a)', -2],
      ['ceil(-a)', -1],
      ['pos(a) + pos(-a)', 1.5],
      ['positive(-a) + positive(a)', 1.5],
      ['neg(a) + neg(-a)', -1.5], // the negative part, not -x
      ['negative(-a) + negative(a)', -1.5],
      ['clip(a, 0, 1) + clip(-a, -1, 1) + clip(0.5, 0, 1)', 1 - 1 + 0.5],
      ['modulo(7.9, 3) + 10*modulo(-7, 3)', 1 + 10 * -1], // long(a) % long(b), C truncation
      ['power(a, 3)', 1.5 * 1.5 * 1.5],
      ['isfinite(a) + 10*isfinite(a/0.0)', 1],
      ['isnan(a) + 10*isnan(0.0/0.0)', 10],
    ];
    for (const [expr, value] of cases) {
      it(`${expr} = ${value}`, () => {
        expect(valueOf(`x = ${expr}`, 'x', 'a = 1.5')).to.equal(value);
      });
    }
    it('user functions, one calling another and using if/else', () => {
      const functions = 'f(x) = 2*x\n g(x, y) = if y > 0: f(x) + y else: f(x) - y';
      expect(valueOf('z = g(a, -1.0) + 100*g(1.0, 2.0)', 'z', 'a = 3.0', 1, { functions })).to.equal(7 + 100 * 4);
    });
  });

  describe('names (§1.4, §1.7)', () => {
    it('Constant objects, read every step (set() between steps)', () => {
      const k = new Constant('k_gain_lang_spec', 2);
      const { pop, net } = run({ parameters: 'r = 0', equations: 'x = k_gain_lang_spec * 3' }, 1);
      expect(pop.x[0]).to.equal(6);
      k.set(5);
      net.step();
      expect(pop.x[0]).to.equal(15);
    });
    it('t is step*dt of the step being computed, dt the step size', () => {
      const { pop } = run({ parameters: 'r = 0', equations: 'x = t\n y = dt' }, 3, 0.1);
      expect(pop.x[0]).to.equal(2 * 0.1); // third step: step 2
      expect(pop.y[0]).to.equal(0.1);
    });
    it('t_last is the time of the last spike (initially -10000 steps)', () => {
      const { pop, net } = run({ parameters: 'I = 1.0', equations: 'tl = t_last\n dv/dt = I', spike: 'v > 0.25', reset: 'v = 0' }, 1, 0.1);
      expect(pop.tl[0]).to.equal(-10000 * 0.1);
      net.step();
      net.step(); // v = 0.3 > 0.25 at step 2
      expect(pop.spike).to.deep.equal([0]);
      net.step();
      expect(pop.tl[0]).to.equal(2 * 0.1);
    });
    it('g_<target> is zeroed after every update when not declared', () => {
      const { pop, net } = run({ parameters: '', equations: 'dv/dt = g_exc', spike: 'v > 100' }, 0);
      pop.g_exc = 5 as never;
      net.step();
      expect(pop.v[0]).to.equal(0.1 * 5);
      expect(pop.g_exc[0]).to.equal(0);
    });
    it('rate-coded sum(exc) and sum() exist and are 0 without projections', () => {
      expect(valueOf('x = sum(exc) + 1\n y = sum() + 2', 'x')).to.equal(1);
      expect(valueOf('x = sum(exc) + 1\n y = sum() + 2', 'y')).to.equal(2);
    });
  });

  describe('errors name the model and the statement', () => {
    const fails = (opts: NeuronOptions, re: RegExp) => expect(() => run({ name: 'Bad', ...opts }, 1)).to.throw(re);
    it('unknown symbol', () => {
      fails({ parameters: 'r = 0', equations: 'x = y_unknown + 1' }, /model "Bad", equations line 1 "x = y_unknown \+ 1": unknown symbol "y_unknown"/);
    });
    it('unknown function', () => {
      fails({ parameters: 'r = 0', equations: 'x = foo(1)' }, /model "Bad", equations line 1 "x = foo\(1\)": unknown function "foo\(\)"/);
    });
    it('wrong arity of a built-in and of a user function', () => {
      fails({ parameters: 'r = 0', equations: 'x = exp(1, 2)' }, /model "Bad", equations line 1 "x = exp\(1, 2\)": function exp\(\) takes 1 argument\(s\), got 2/);
      fails({ parameters: 'r = 0', equations: 'x = f(1, 2)', functions: 'f(a) = a' }, /model "Bad", equations line 1 "x = f\(1, 2\)": function f\(\) takes 1 argument\(s\) \(f\(a\) = a\), got 2/);
    });
    it('implicit multiplication', () => {
      fails({ parameters: 'r = 0', equations: 'x = 2 t' }, /model "Bad", equations line 1 "x = 2 t": implicit multiplication "2 t" is not allowed/);
    });
    it('if without else', () => {
      fails({ parameters: 'r = 0', equations: 'x = if t > 1: 2' }, /model "Bad", equations line 1 "x = if t > 1: 2": conditional "if ... :" without a matching "else:"/);
    });
    it('non-linear implicit ODE', () => {
      fails({ parameters: 'r = 0', equations: 'dx/dt = -x*x : implicit' }, /model "Bad", equations line 1 "dx\/dt = -x\*x : implicit": the implicit method needs an ODE linear in x/);
    });
    it('parameter assigned in equations', () => {
      fails({ parameters: 'a = 1\nr = 0', equations: 'a = 2' }, /model "Bad", equations line 1 "a = 2": "a" is a parameter; parameters cannot have equations/);
    });
    it('spiking neuron declaring r', () => {
      fails({ equations: 'r = 1\n dv/dt = 1', spike: 'v > 1' }, /model "Bad".*a spiking neuron must not declare "r"/);
    });
    it('rate-coded neuron without r', () => {
      fails({ equations: 'dv/dt = 1' }, /model "Bad".*a rate-coded neuron \(no spike condition\) must declare a parameter or variable "r"/);
    });
  });
});
