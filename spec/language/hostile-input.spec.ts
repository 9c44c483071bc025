import { expect } from 'chai';
import { Neuron, type NeuronOptions } from '../../src/language/neuron.js';
import { Synapse, type SynapseOptions } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';

/** The ModelError a description throws (analysis and code generation), or fail. */
function modelError(make: () => unknown): ModelError {
  try {
    make();
  } catch (e) {
    expect(e, `${(e as Error).name}: ${(e as Error).message}`).to.be.instanceOf(ModelError);
    expect((e as { internal?: boolean }).internal, (e as Error).message).to.equal(undefined);
    return e as ModelError;
  }
  expect.fail('no error thrown');
}

const neuron = (o: NeuronOptions) => () => new Neuron(o).kernelSource();
const synapse = (o: SynapseOptions) => () => new Synapse(o).kernelSource();
const spiking = { spike: 'v > 1', equations: 'dv/dt = -v' };

/** Wall time of `run` in ms: only to detect a hang, with a bound far above the targets in bench/. */
function ms(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

describe('language: hostile and careless input (issue 18)', () => {
  describe('parameter values are arithmetic, not a programming language', () => {
    it('the BigNumber exploit fails with a ModelError and leaves later models intact', () => {
      const err = modelError(neuron({ ...spiking, parameters: 'x = 1 + 0*size(evaluate("config({number\\u003a \\"BigNumber\\"})"))' }));
      expect(err.section).to.equal('parameters');
      const ir = new Neuron({ ...spiking, parameters: 'a = 1.5\n b = a / 3' }).analyse();
      expect(ir.parameters.map((p) => p.init)).to.deep.equal([1.5, 0.5]);
      expect(typeof ir.parameters[1]!.init).to.equal('number');
      // and the equations of a later model still compile to plain numbers: tau*dx/dt = -x, one explicit step
      const net = new Network({ dt: 0.5 });
      const pop = new Population(1, new Neuron({ parameters: 'tau = 2.0\n r = 0', equations: 'tau * dx/dt = -x : init=1' }), { network: net });
      net.compile();
      net.step();
      expect((pop as unknown as { x: Float64Array }).x[0]).to.equal(1 - 0.5 / 2);
    });

    const refused: [string, RegExp][] = [
      ['random()', /calls "random\(\)", which a value may not use/],
      ['sum(ones(100000, 100000))', /./],
      ['size(ones(3, 3))', /calls "size\(\)"/],
      ['evaluate("1")', /unsupported constant/],
      ['[1, 2]', /unsupported syntax/],
      ['3!', /unsupported operator "!"/],
      ['1:3', /./],
      ['x.y', /./],
      ['pi = 3', /./],
      ['2 cm', /implicit multiplication/],
      ['f = 1', /./],
      ['1 < 2 < 3', /unsupported syntax/],
      ['1/0', /is Infinity, not a finite number/],
      ['1e400', /is Infinity, not a finite number/],
    ];
    for (const [value, problem] of refused) {
      it(`"x = ${value}" is refused with a ModelError`, () => {
        const err = modelError(() => new Neuron({ ...spiking, parameters: `x = ${value}` }).analyse());
        expect(err.message).to.match(problem);
        expect(err.line).to.equal(1);
      });
    }

    it('plain decimal literals read as Python float() reads them (correctly rounded)', () => {
      const ir = new Neuron({ ...spiking, parameters: 'a = -65.0\n b = .1\n c = +2.5E+4\n d = 007\n e = 0.1e-2\n f = 5e-324\n g = 1.7976931348623157e308' }).analyse();
      const v = Object.fromEntries(ir.parameters.map((p) => [p.name, p.init]));
      expect(v).to.deep.equal({ a: -65, b: 0.1, c: 25000, d: 7, e: 0.001, f: 5e-324, g: Number.MAX_VALUE });
    });

    it('allowed: ANNarchy functions, pi, e, conditionals, Constants and earlier parameters (analytic values)', () => {
      const ir = new Neuron({ ...spiking, parameters: 'tau = 4\n a = 2*pi + exp(0) + log(e)\n b = if tau > 3: sqrt(tau) else: 0\n c = fmax(clip(tau, 0, 1), pow(2, 3)) + modulo(7, 3)\n d = True' }).analyse();
      const v = Object.fromEntries(ir.parameters.map((p) => [p.name, p.init]));
      expect(v).to.deep.equal({ tau: 4, a: 2 * Math.PI + 2, b: 2, c: 9, d: 1 });
    });
  });

  describe('bounded symbolic work (ModelError naming the equation, or a compile in well under a second)', () => {
    it('exp nested 20 deep in an event-driven ODE is refused quickly', () => {
      let inner = 'x';
      for (let k = 0; k < 20; k++) inner = `exp(${inner})`;
      let err: ModelError | undefined;
      const t = ms(() => { err = modelError(synapse({ parameters: 'tau = 10', equations: `tau * dx/dt = -x + ${inner} : event-driven`, preSpike: 'g_target += w' })); });
      expect(err!.problem).to.match(/not linear in x/);
      expect(err!.section).to.equal('equations');
      expect(t).to.be.below(5000);
    });

    it('an implicit equation with 20 conductance terms compiles and gives backward Euler exactly', () => {
      const n = 20;
      const g = Array.from({ length: n }, (_, k) => 0.1 * (k + 1));
      const E = Array.from({ length: n }, (_, k) => -80 + 4 * k);
      const parameters = g.map((x, k) => `g${k} = ${x}\n E${k} = ${E[k]}`).join('\n') + '\n C = 2\n r = 0';
      const terms = g.map((_, k) => `g${k}*(E${k} - v)`).join(' + ');
      for (const method of ['implicit', 'exponential'] as const) {
        const dt = 0.1;
        const net = new Network({ dt });
        let pop!: Population;
        const t = ms(() => {
          pop = new Population(1, new Neuron({ parameters, equations: `C * dv/dt = ${terms} : init=-70, ${method}` }), { network: net });
          net.compile();
        });
        expect(t, method).to.be.below(5000);
        net.step();
        const G = g.reduce((a, b) => a + b, 0);
        const GE = g.reduce((a, x, k) => a + x * E[k]!, 0);
        const expected = method === 'implicit' ? (2 * -70 + dt * GE) / (2 + dt * G) : GE / G + (-70 - GE / G) * Math.exp(-dt * G / 2);
        expect((pop as unknown as { v: Float64Array }).v[0], method).to.be.closeTo(expected, 1e-12);
      }
    });
  });

  describe('every failure from a description is a ModelError', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['a 2000-term sum', neuron({ spike: 'v > 1', equations: `dv/dt = ${Array(2000).fill('v').join(' + ')}` }), /nested too deeply/],
      ['10,000 unary minus', neuron({ spike: 'v > 1', equations: `dv/dt = ${'-'.repeat(10000)}v` }), /nested too deeply/],
      ['5000 nested parentheses', neuron({ spike: 'v > 1', equations: `dv/dt = ${'('.repeat(5000)}v${')'.repeat(5000)}` }), /parentheses nested more than/],
      ['a long unary chain in functions', neuron({ ...spiking, functions: `f(x) = ${'-'.repeat(5000)}x` }), /nested too deeply/],
      ['f(__C_x) = __C_x', neuron({ ...spiking, functions: 'f(__C_x) = __C_x' }), /"__C_x" is reserved/],
      ['f(x) = f(x)', neuron({ spike: 'v > 1', equations: 'dv/dt = f(v)', functions: 'f(x) = f(x)' }), /function "f" calls itself \(f -> f\)/],
      ['mutual recursion', neuron({ spike: 'v > 1', equations: 'dv/dt = f(v)', functions: 'f(x) = g(x)\n g(x) = 1 + f(x)' }), /calls itself \(f -> g -> f\)/],
      ['Uniform(1, 0)', neuron({ spike: 'v > 1', equations: 'dv/dt = Uniform(1, 0)' }), /Uniform\(min, max\) needs min <= max, got min = 1, max = 0/],
      ['Normal(0, 0)', neuron({ spike: 'v > 1', equations: 'dv/dt = Normal(0, 0)' }), /Normal\(mu, sigma\) needs sigma > 0/],
      ['Exponential(-1)', neuron({ spike: 'v > 1', equations: 'dv/dt = Exponential(-1)' }), /lambda > 0/],
      ['Binomial(2.5, 0.5)', neuron({ spike: 'v > 1', equations: 'dv/dt = Binomial(2.5, 0.5)' }), /integer n/],
      ['a derivative inside a function call', neuron({ spike: 'v > 1', equations: 'tau*dv/dt + f(dv/dt) = 0', parameters: 'tau = 1', functions: 'f(x) = x' }), /not linear in dv\/dt/],
      ['ones() in an ODE', neuron({ spike: 'v > 1', parameters: 'tau = 1', equations: 'tau*dv/dt + ones(100000, 100000) = 0' }), /unknown function "ones\(\)"/],
    ];
    for (const [what, make, problem] of cases) {
      it(what, () => {
        let err: ModelError | undefined;
        const t = ms(() => { err = modelError(make); });
        if (!problem.test(err!.message)) expect.fail(err!.message);
        expect(t).to.be.below(5000);
      });
    }

    for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      it(`"${name}" is reserved as a parameter, in an equation and as a function`, () => {
        expect(modelError(() => new Neuron({ ...spiking, parameters: `${name} = 1` }).analyse()).problem).to.match(/reserved/);
        expect(modelError(neuron({ spike: 'v > 1', equations: `dv/dt = -v * ${name}` })).symbol).to.equal(name);
        expect(modelError(neuron({ ...spiking, functions: `${name}(x) = x` })).problem).to.match(/reserved/);
        expect(modelError(neuron({ spike: 'v > 1', equations: `dv/dt = ${name}(v)` })).problem).to.match(/reserved/);
      });
    }
    it('no lookup by a user name reaches Object.prototype: generated code of a model using every built-in has no "[object" or "native code"', () => {
      const src = new Neuron({ parameters: 'tau = 10', equations: 'tau*dv/dt = -v + exp(-v)*pi + fmax(v, 0) + ite(v > 0, 1, 0) : init=0', spike: 'v > 1' }).kernelSource();
      for (const code of Object.values(src)) expect(String(code)).not.to.match(/\[object|native code/);
    });
  });

  describe('no silent aliasing of generated names', () => {
    const cases: [string, () => unknown, string, RegExp][] = [
      ['synapse parameter pre__v', synapse({ parameters: 'pre__v = 1', psp: 'w * pre__v' }), 'pre__v', /how "pre\.v" is written internally/],
      ['synapse equation reading pre__v', synapse({ equations: 'x = pre__v', psp: 'w * pre.r' }), 'pre__v', /how "pre\.v"/],
      ['rate neuron parameter _sum_exc', neuron({ parameters: '_sum_exc = 1\n r = 0', equations: 'x = sum(exc)' }), '_sum_exc', /how "sum\(exc\)"/],
      ['rate neuron reading _sum_exc', neuron({ parameters: 'r = 0', equations: 'x = _sum_exc' }), '_sum_exc', /how "sum\(exc\)"/],
      ['post___sum_exc', synapse({ psp: 'w * post___sum_exc' }), 'post___sum_exc', /how "post\.sum\(exc\)"/],
      ['a variable named __rand_0', neuron({ spike: 'v > 1', equations: 'dv/dt = -v\n __rand_0 = 1' }), '__rand_0', /reserved for generated code/],
      ['a parameter named _mean_r', neuron({ parameters: '_mean_r = 1\n r = 0', equations: 'x = mean(r)' }), '_mean_r', /how "mean\(r\)" is written internally/],
    ];
    for (const [what, make, symbol, problem] of cases) {
      it(what, () => {
        const err = modelError(make);
        expect(err.symbol).to.equal(symbol);
        expect(err.problem).to.match(problem);
      });
    }
  });
});

describe('language: bounds of the implicit method (issue 18 item 2)', () => {
  it('64 coupled implicit ODEs compile; 65 are refused with a ModelError naming the first equation', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, k) => `tau * dx${k}/dt = ${k > 0 ? `x${k - 1}` : '1'} - x${k} : implicit`).join('\n');
    new Neuron({ parameters: 'tau = 10', equations: chain(64), spike: 'x0 > 1' }).kernelSource();
    const err = modelError(() => new Neuron({ parameters: 'tau = 10', equations: chain(65), spike: 'x0 > 1' }).kernelSource());
    expect(err.problem).to.match(/would solve 65 coupled ODEs as one linear system, more than 64/);
    expect(err.line).to.equal(1);
    expect(err.symbol).to.equal('x0');
  });
});
