import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Synapse } from '../../src/language/synapse.js';
import { eventDrivenForm } from '../../src/language/linear-ode.js';
import { analyseEquations, analyseParameters } from '../../src/language/analyse.js';
import type { NumericalMethod } from '../../src/language/description.js';
import { setup, compile, step } from '../../src/engine/global-functions.js';
import { currentNetwork, resetCurrentNetwork } from '../../src/engine/magic-network.js';

type Method = Exclude<NumericalMethod, 'event-driven' | 'exact'>;

/** Run `steps` steps of one neuron through the real engine and return the population. */
function run(neuron: Neuron, steps: number, dt: number, method?: Method) {
  const net = new Network(method ? { dt, method } : { dt });
  const pop = new Population(1, neuron, { network: net });
  net.compile();
  for (let k = 0; k < steps; k++) net.step();
  return pop as Population & Record<string, Float64Array>;
}

/** Errors at T for dt, dt/2, dt/4 and the observed orders log2(e(h)/e(h/2)). */
function convergence(make: () => Neuron, T: number, dts: number[], method: Method, errorOf: (pop: Record<string, Float64Array>) => number) {
  const errors = dts.map((dt) => errorOf(run(make(), Math.round(T / dt), dt, method)));
  const orders = errors.slice(1).map((e, k) => Math.log2(errors[k]! / e));
  return { errors, orders };
}

const DTS = [0.2, 0.1, 0.05];

describe('language: numerical methods (annarchy-semantics §2.3)', () => {
  it('explicit: a derivative -A or (-A)/B is subtracted as A/B, the same doubles as adding its negation (signed zeros, both backends)', () => {
    const x0 = [1, -0, 0, 5e-324, -3.75, 1e308, -1e-310, 0.1];
    for (const backend of ['js', 'wasm'] as const) {
      const net = new Network({ dt: 0.1, backend });
      const pop = new Population(x0.length, new Neuron({ parameters: 'tau = 3.0 : population\n r = 0', equations: 'tau * dx/dt = -x\n dy/dt = -y', name: 'minus' }), { network: net }) as Population & Record<string, Float64Array>;
      pop.x = Float64Array.from(x0);
      pop.y = Float64Array.from(x0);
      net.compile();
      expect(pop.$kernels!.source.update).to.contain('$$x -= dt * __d_x').and.contain('$$y -= dt * __d_y');
      let x = Float64Array.from(x0), y = Float64Array.from(x0);
      for (let k = 0; k < 3; k++) {
        net.step();
        // ANNarchy's form: x += dt * ((-x) / tau)
        x = x.map((v) => v + 0.1 * ((-v) / 3.0));
        y = y.map((v) => v + 0.1 * (-v));
        for (let i = 0; i < x0.length; i++) {
          expect(Object.is(pop.x[i], x[i]), `${backend} x[${i}] step ${k}: ${pop.x[i]} vs ${x[i]}`).to.equal(true);
          expect(Object.is(pop.y[i], y[i]), `${backend} y[${i}] step ${k}: ${pop.y[i]} vs ${y[i]}`).to.equal(true);
        }
      }
    }
  });

  describe('convergence on tau*dx/dt = -x (x(T) = exp(-T/tau))', () => {
    const make = () => new Neuron({ parameters: 'tau = 2.0\n r = 0', equations: 'tau * dx/dt = -x : init=1', name: 'decay' });
    const exact = Math.exp(-4 / 2);
    const expected: [Method, number][] = [['explicit', 1], ['implicit', 1], ['semiimplicit', 1], ['midpoint', 2], ['rk4', 4]];
    for (const [method, order] of expected) {
      it(`${method} has order ${order}`, () => {
        const { errors, orders } = convergence(make, 4, DTS, method, (p) => Math.abs(p.x![0]! - exact));
        for (const o of orders) expect(o).to.be.closeTo(order, 0.15);
        expect(errors[2]).to.be.greaterThan(1e-12); // a real discretisation error, not roundoff
      });
    }
    it('exponential is exact for a linear constant-coefficient ODE', () => {
      const { errors } = convergence(make, 4, DTS, 'exponential', (p) => Math.abs(p.x![0]! - exact));
      for (const e of errors) expect(e).to.be.lessThan(1e-14);
    });
    it('exponential is exact with a constant input: tau*dx/dt = -x + 2.0', () => {
      const n = new Neuron({ parameters: 'tau = 3.0\n r = 0', equations: 'tau * dx/dt = -x + 2.0 : init=0.5, exponential' });
      const pop = run(n, 70, 0.1);
      expect(pop.x[0]).to.be.closeTo(2 + (0.5 - 2) * Math.exp(-7 / 3), 1e-13);
    });
  });

  describe('a driven ODE tau*dx/dt = -x + sin(t): t is not staged (ANNarchy), so every method is first order', () => {
    const tau = 1.5;
    const T = 3;
    // x(0) = 0: x = (sin t - tau cos t)/(1 + tau^2) + tau/(1 + tau^2) exp(-t/tau)
    const exact = (Math.sin(T) - tau * Math.cos(T)) / (1 + tau * tau) + (tau / (1 + tau * tau)) * Math.exp(-T / tau);
    const make = () => new Neuron({ parameters: `tau = ${tau}\n r = 0`, equations: 'tau * dx/dt = -x + sin(t)' });
    for (const method of ['explicit', 'implicit', 'semiimplicit', 'exponential', 'midpoint', 'rk4'] as Method[]) {
      it(`${method} converges with order 1`, () => {
        const { orders } = convergence(make, T, [0.1, 0.05, 0.025], method, (p) => Math.abs(p.x![0]! - exact));
        for (const o of orders) expect(o).to.be.closeTo(1, 0.1);
      });
    }
    it('rk4 uses t = step*dt in all four stages: the first step from x = 0 at t = 0 stays exactly 0', () => {
      const pop = run(make(), 1, 0.1, 'rk4');
      expect(pop.x[0]).to.equal(0); // staging t would give sin(dt/2) terms
    });
  });

  describe('coupled system tau*dv/dt = -v + w, tau*dw/dt = -w - v (v = e^-s cos s, w = -e^-s sin s, s = t/tau)', () => {
    const tau = 2;
    const T = 4;
    const s = T / tau;
    const vT = Math.exp(-s) * Math.cos(s);
    const wT = -Math.exp(-s) * Math.sin(s);
    const make = () => new Neuron({ parameters: `tau = ${tau}\n r = 0`, equations: 'tau * dv/dt = -v + w : init=1\n tau * dw/dt = -w - v' });
    const err = (p: Record<string, Float64Array>) => Math.hypot(p.v![0]! - vT, p.w![0]! - wT);
    const expected: [Method, number][] = [['explicit', 1], ['implicit', 1], ['semiimplicit', 1], ['exponential', 1], ['midpoint', 2], ['rk4', 4]];
    for (const [method, order] of expected) {
      it(`${method} has order ${order}`, () => {
        const { orders, errors } = convergence(make, T, DTS, method, err);
        for (const o of orders) expect(o).to.be.closeTo(order, 0.2);
        expect(errors[2]).to.be.greaterThan(1e-12);
      });
    }
    it('coupled implicit solves the joint backward-Euler system', () => {
      // one step: (I - h A) X = x with A = [[-1, 1], [-1, -1]]/tau, x = (1, 0)
      const dt = 0.5;
      const h = dt / tau;
      const det = (1 + h) * (1 + h) + h * h;
      const pop = run(make(), 1, dt, 'implicit');
      expect(pop.v[0]).to.be.closeTo((1 + h) / det, 1e-15);
      expect(pop.w[0]).to.be.closeTo(-h / det, 1e-15);
    });
  });

  describe('exact update formulas of one step', () => {
    it('implicit: tau*dx/dt = -x + 2.0 -> x_new = (2.0*dt + tau*x)/(dt + tau)', () => {
      const n = new Neuron({ parameters: 'tau = 10.0\n r = 0', equations: 'tau * dx/dt = -x + 2.0 : init=0.7, implicit' });
      const pop = run(n, 1, 0.1);
      expect(pop.x[0]).to.equal((2.0 * 0.1 + 10.0 * 0.7) / (0.1 + 10.0));
    });
    it('implicit: dx/dt = (2.0 - x)/tau gives the same (2.0*dt + tau*x)/(dt + tau) (common denominator cleared)', () => {
      const n = new Neuron({ parameters: 'tau = 10.0\n r = 0', equations: 'dx/dt = (2.0 - x)/tau : init=0.7, implicit' });
      const pop = run(n, 1, 0.1);
      expect(pop.x[0]).to.equal((2.0 * 0.1 + 10.0 * 0.7) / (0.1 + 10.0));
    });
    it('exponential: _x = (1.0 - exp(-dt/tau))*(x_inf - x), x_inf and tau_eff from the linear coefficient', () => {
      // C*dv/dt = gL*(E - v) + I: tau_eff = C/gL, x_inf = E + I/gL
      const n = new Neuron({
        parameters: 'C = 2.0\n gL = 0.5\n E = -70.0\n I = 3.0\n r = 0',
        equations: 'C * dv/dt = gL*(E - v) + I : init=-60, exponential',
      });
      const pop = run(n, 1, 0.1);
      const vNew = -60 + (1.0 - Math.exp(-0.1 * 0.5 / 2.0)) * ((-70 * 0.5 + 3) / 0.5 - -60);
      expect(pop.v[0]).to.be.closeTo(vNew, 1e-13);
    });
    it('exponential hoists the step factor when tau_eff reads no per-neuron value, with the same numbers', () => {
      const eq = 'tau * dx/dt = -x + 2.0 : init=0.5, exponential';
      const global = run(new Neuron({ parameters: 'tau = 3.0 : population\n r = 0', equations: eq }), 5, 0.1);
      const local = run(new Neuron({ parameters: 'tau = 3.0\n r = 0', equations: eq }), 5, 0.1);
      expect(global.$kernels!.source.update).to.match(/const __stepsize_x = 1\.0 - Math\.exp/);
      expect(local.$kernels!.source.update).not.to.match(/__stepsize_x/);
      let x = 0.5;
      for (let k = 0; k < 5; k++) x += (1.0 - Math.exp(-(0.1 / 3.0))) * (2 - x);
      expect(global.x[0]).to.equal(x);
      expect(local.x[0]).to.equal(x);
    });
    it('semiimplicit: _x = dt/(dt + tau)*(x_inf - x)', () => {
      const n = new Neuron({ parameters: 'tau = 4.0\n r = 0', equations: 'tau * dx/dt + x = 3.0 : init=1, semiimplicit' });
      const pop = run(n, 1, 0.5);
      expect(pop.x[0]).to.equal(1 + (0.5 / (0.5 + 4.0)) * (3 - 1));
    });
    it('midpoint (single): _k = dt*f(x); _x = f(x + 0.5*_k); x += dt*_x', () => {
      const n = new Neuron({ parameters: 'a = 0.3\n r = 0', equations: 'dx/dt = -a*x*x : init=2, midpoint' });
      const pop = run(n, 1, 0.1);
      const k = 0.1 * (-0.3 * 2 * 2);
      const xm = 2 + 0.5 * k;
      expect(pop.x[0]).to.equal(2 + 0.1 * (-0.3 * xm * xm));
    });
    it('midpoint (coupled, appendix A): _k_v = f_v; _v = f_v(v + 0.5*dt*_k_v, w + 0.5*dt*_k_w)', () => {
      const n = new Neuron({
        parameters: 'tau = 5.0\n r = 0',
        equations: 'tau*dv/dt = -v + w : init=1, midpoint\n tau*dw/dt = -w + v*v : init=0.5, midpoint',
      });
      const pop = run(n, 1, 0.2);
      const [v, w, tau, dt] = [1, 0.5, 5, 0.2];
      const kv = (-v + w) / tau;
      const kw = (v * v - w) / tau;
      const vm = v + 0.5 * dt * kv;
      const wm = w + 0.5 * dt * kw;
      expect(pop.v[0]).to.equal(v + dt * ((-vm + wm) / tau));
      expect(pop.w[0]).to.equal(w + dt * ((vm * vm - wm) / tau));
    });
    it('rk4: x += dt/6.0*(_k1 + (_k2+_k2) + (_k3+_k3) + _k4) in that parenthesisation', () => {
      const n = new Neuron({ parameters: 'tau = 3.0\n r = 0', equations: 'tau * dx/dt = -x : init=1, rk4' });
      const pop = run(n, 1, 0.7);
      const [x, tau, dt] = [1, 3, 0.7];
      const k1 = -x / tau;
      const k2 = -(x + 0.5 * dt * k1) / tau;
      const k3 = -(x + 0.5 * dt * k2) / tau;
      const k4 = -(x + dt * k3) / tau;
      expect(pop.x[0]).to.equal(x + dt / 6.0 * (k1 + (k2 + k2) + (k3 + k3) + k4));
    });
  });

  describe('setup({ method }), flags, switches and clamps', () => {
    it('the network method applies to ODEs without a flag; a flag overrides it', () => {
      const n = new Neuron({ parameters: 'tau = 10.0\n r = 0', equations: 'tau * dx/dt = -x + 2.0 : init=0.7\n tau * dy/dt = -y + 2.0 : init=0.7, explicit' });
      const pop = run(n, 1, 0.1, 'implicit');
      expect(pop.x[0]).to.equal((2.0 * 0.1 + 10.0 * 0.7) / (0.1 + 10.0));
      expect(pop.y[0]).to.equal(0.7 + 0.1 * ((-0.7 + 2.0) / 10.0));
    });
    it('the global setup({ method }) reaches the generated kernels', () => {
      const before = currentNetwork();
      const [dt0, method0] = [before.dt, before.method];
      resetCurrentNetwork();
      try {
        setup({ dt: 0.7, method: 'rk4' });
        const pop = new Population(1, new Neuron({ parameters: 'tau = 3.0\n r = 0', equations: 'tau * dx/dt = -x : init=1' })) as Population & Record<string, Float64Array>;
        compile();
        step();
        const [x, tau, dt] = [1, 3, 0.7];
        const k1 = -x / tau;
        const k2 = -(x + 0.5 * dt * k1) / tau;
        const k3 = -(x + 0.5 * dt * k2) / tau;
        const k4 = -(x + dt * k3) / tau;
        expect(pop.x[0]).to.equal(x + dt / 6.0 * (k1 + (k2 + k2) + (k3 + k3) + k4));
      } finally {
        resetCurrentNetwork();
        setup({ dt: dt0, method: method0 });
      }
    });
    it('clamps apply after each method\'s update', () => {
      const n = new Neuron({
        parameters: 'tau = 1.0\n r = 0',
        equations: 'tau * dx/dt = -x + 2.0 : max=1.0, exponential\n tau * dy/dt = -y - 2.0 : min=-0.5, rk4',
      });
      const pop = run(n, 10, 0.5);
      expect(pop.x[0]).to.equal(1.0);
      expect(pop.y[0]).to.equal(-0.5);
    });
    const refractoryRun = (equations: string) => {
      const n = new Neuron({ parameters: 'tau = 10.0', equations, spike: 'v > 5.0', reset: 'v = 0.0', refractory: 0.3 });
      const net = new Network({ dt: 0.1 });
      const pop = new Population(1, n, { network: net }) as Population & Record<string, Float64Array>;
      net.compile();
      let spikeStep = -1;
      for (let k = 0; k < 50 && spikeStep < 0; k++) {
        net.step();
        if (pop.spike.length) spikeStep = k;
      }
      expect(spikeStep).to.be.greaterThan(0);
      return { net, pop };
    };
    it('refractory: the rk4 switch is multiplied by in_ref, g_ variables keep evolving', () => {
      const { net, pop } = refractoryRun('tau * dv/dt = -v + 100.0 : rk4\n tau*dg_exc/dt = -g_exc : init=1, exponential');
      const g = pop.g_exc[0]!;
      net.step(); // refractory step 1 of 2 (int(0.3/0.1) = 2)
      expect(pop.v[0]).to.equal(0);
      expect(pop.g_exc[0]).to.equal(g + (1.0 - Math.exp(-(0.1 / 10.0))) * (0 - g));
      net.step();
      expect(pop.v[0]).to.equal(0);
      net.step(); // free again
      expect(pop.v[0]).to.be.greaterThan(0);
    });
    it('refractory: an implicit variable keeps its value while refractory (ANNarchy 4.7.3 zeroes it: not reproduced)', () => {
      const { net, pop } = refractoryRun('tau * dv/dt = -v + 100.0\n tau * dy/dt = -y + 2.0 : init=1, implicit');
      const ys = pop.y[0]!; // value after the spiking step
      expect(ys).to.be.greaterThan(1).and.lessThan(2);
      net.step(); // refractory steps 1 and 2 of int(0.3/0.1) = 2: y frozen (4.7.3 prints y = _y*in_ref = 0)
      expect(pop.y[0]).to.equal(ys);
      net.step();
      expect(pop.y[0]).to.equal(ys);
      net.step(); // free again: one implicit step from ys
      expect(pop.y[0]).to.equal((2.0 * 0.1 + 10.0 * ys) / (0.1 + 10.0));
    });
    it('population-wide ODEs use the methods too', () => {
      const n = new Neuron({ parameters: 'tau = 10.0 : population\n r = 0', equations: 'tau * dx/dt = -x + 2.0 : init=0.7, population, implicit' });
      const pop = run(n, 1, 0.1);
      expect(pop.x).to.equal((2.0 * 0.1 + 10.0 * 0.7) / (0.1 + 10.0));
    });
    it('event-driven ODEs are ignored in neurons', () => {
      const n = new Neuron({ parameters: 'tau = 10.0\n r = 0', equations: 'tau * dx/dt = -x : init=1, event-driven\n dy/dt = 1' });
      const pop = run(n, 3, 0.1);
      expect(pop.x[0]).to.equal(1);
      expect(pop.y[0]).to.be.closeTo(0.3, 1e-15);
    });
  });

  describe('errors name the model and the statement', () => {
    const fails = (equations: string, re: RegExp, method?: Method) => {
      const n = new Neuron({ parameters: 'tau = 10.0\n r = 0', equations, name: 'M' });
      expect(() => run(n, 1, 0.1, method)).to.throw(re);
    };
    it('non-linear ODE with exponential, semiimplicit or implicit', () => {
      fails('tau * dx/dt = -x*x : exponential', /model "M", equations line 1 "tau \* dx\/dt = -x\*x : exponential": the exponential method needs an ODE linear in x/);
      fails('tau * dx/dt = exp(x) : semiimplicit', /model "M", equations line 1 "tau \* dx\/dt = exp\(x\) : semiimplicit": the semiimplicit method needs an ODE linear in x/);
      fails('tau * dx/dt = pos(x) : implicit', /model "M", equations line 1 "tau \* dx\/dt = pos\(x\) : implicit": the implicit method needs an ODE linear in x/);
      fails('tau * dx/dt = -x^2', /model "M", equations line 1 "tau \* dx\/dt = -x\^2": the implicit method needs an ODE linear in x/, 'implicit');
    });
    it('an ODE without its variable has no exponential form', () => {
      fails('dx/dt = 1/tau : exponential', /model "M", equations line 1 "dx\/dt = 1\/tau : exponential": the exponential method needs an ODE linear in x/);
    });
    it('mixing methods in a coupled set', () => {
      fails('dx/dt = -x : midpoint\n dy/dt = -y : rk4', /model "M", equations line 1 "dx\/dt = -x : midpoint; dy\/dt = -y : rk4": cannot mix different numerical methods \(midpoint, rk4\)/);
    });
    it('coupled ODEs separated by an assignment', () => {
      fails('dx/dt = -x : rk4\n z = x\n dy/dt = -y : rk4', /model "M", equations line 1 "dx\/dt = -x : rk4; dy\/dt = -y : rk4": coupled rk4 ODEs \(x, y\) must be written one after the other/);
    });
  });

  describe('eventDrivenForm (for synapses)', () => {
    const eqOf = (equations: string, parameters = 'tau = 10.0\n E = 2.0') => {
      const params = analyseParameters(parameters, 'S');
      return analyseEquations(equations, { model: 'S', parameters: params, randoms: [] }).equations;
    };
    it('gives tau and x_inf of tau*dx/dt = x_inf - x', () => {
      const [eq] = eqOf('tau * dx/dt = E - x : event-driven');
      const f = eventDrivenForm(eq!, ['x'], 'S');
      expect(f.tau.evaluate({ tau: 10, E: 2 })).to.equal(10);
      expect(f.xInf.evaluate({ tau: 10, E: 2 })).to.equal(2);
      expect(f.decaysToZero).to.equal(false);
      const [decay] = eqOf('dx/dt = -x/tau : event-driven');
      const g = eventDrivenForm(decay!, ['x'], 'S');
      expect(g.decaysToZero).to.equal(true);
      expect(g.tau.evaluate({ tau: 10 })).to.be.closeTo(10, 1e-14);
    });
    it('rejects a steady state depending on another variable', () => {
      const [eq, , ] = eqOf('tau * dx/dt = y - x : event-driven\n y = 1');
      expect(() => eventDrivenForm(eq!, ['x', 'y'], 'S')).to.throw(/model "S", equations line 1 "tau \* dx\/dt = y - x : event-driven": an event-driven ODE cannot depend on other variables \(y\)/);
    });
  });
});

describe('numerical methods: coupled implicit ODEs in synapses', () => {
  it('solve the backward-Euler system per synapse (the kernel has the linear solver)', () => {
    const net = new Network();
    const pop = new Population(2, new Neuron({ equations: 'r = sum(exc)' }), { network: net });
    const syn = new Synapse({ parameters: 'tau = 10.0 : projection', equations: `
      tau * dw/dt = -w + u : implicit
      tau * du/dt = -u +1 : implicit` });
    const proj = new Projection(pop, pop, 'exc', syn).connectOneToOne({ weights: 1.0 });
    net.compile();
    net.simulate(1);
    // (1 + dt/tau) u1 = u0 + dt/tau; (1 + dt/tau) w1 = w0 + dt/tau u1, with w0 = 1, u0 = 0, dt/tau = 0.1
    const u1 = 0.1 / 1.1;
    const w1 = (1 + 0.1 * u1) / 1.1;
    for (const u of (proj.u as number[][]).flat()) expect(u).to.be.closeTo(u1, 1e-12);
    for (const w of (proj.w as number[][]).flat()) expect(w).to.be.closeTo(w1, 1e-12);
  });
});
