import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';

function run(neuron: Neuron, steps: number, dt = 0.1, size = 1) {
  const net = new Network({ dt });
  const pop = new Population(size, neuron, { network: net });
  net.compile();
  for (let k = 0; k < steps; k++) net.step();
  return pop;
}

describe('language: generated population kernels', () => {
  it('explicit Euler of tau*dv/dt = -v equals the closed form (1 - dt/tau)^n', () => {
    const pop = run(new Neuron({ parameters: 'tau = 10.0\n r = 0', equations: 'tau * dv/dt = -v : init=1', name: 'decay' }), 50);
    expect(pop.v[0]).to.be.closeTo(Math.pow(1 - 0.1 / 10, 50), 1e-14);
  });

  it('an ODE block is updated from old values; assignments see earlier results (§2.2)', () => {
    // Izhikevich check of annarchy-semantics appendix B: prev_v before the ODEs keeps the old v,
    // m after them sees the new values
    const n = new Neuron({
      parameters: 'a = 0.02\n b = 0.2\n I = 0\n r = 0',
      equations: `prev_v = v
        dv/dt = 0.04*v^2 + 5.0*v + 140.0 - u + I : init=-65
        du/dt = a*(b*v - u) : init=-13
        m = v + u`,
      name: 'izh',
    });
    const pop = run(n, 1);
    const v0 = -65;
    const u0 = -13;
    const dv = 0.04 * v0 * v0 + 5.0 * v0 + 140.0 - u0;
    const du = 0.02 * (0.2 * v0 - u0);
    expect(pop.prev_v[0]).to.equal(-65);
    expect(pop.v[0]).to.equal(v0 + 0.1 * dv);
    expect(pop.u[0]).to.equal(u0 + 0.1 * du); // uses the old v, not the updated one
    expect(pop.m[0]).to.equal(pop.v[0] + pop.u[0]);
  });

  it('population-wide equations run before local ones and clamps apply after each update', () => {
    const n = new Neuron({
      equations: `x = g + 1
        g = g + 1 : population
        dy/dt = 100 : max=0.5`,
      parameters: 'r = 0',
      name: 'order',
    });
    const pop = run(n, 1);
    expect(pop.g).to.equal(1); // global first ...
    expect(pop.x[0]).to.equal(2); // ... so the local line sees the new g
    expect(pop.y[0]).to.equal(0.5);
  });

  it('spikes, resets and refractory truncation int(0.3/0.1) = 2 steps', () => {
    const n = new Neuron({
      parameters: 'I = 20',
      equations: 'dv/dt = I',
      spike: 'v > 1',
      reset: 'v = 0',
      refractory: 0.3,
      name: 'counter',
    });
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, n, { network: net });
    net.compile();
    const spikes: number[] = [];
    for (let k = 0; k < 12; k++) {
      net.step();
      if (pop.spike.length) spikes.push(k);
    }
    // v: 2 at step 0 -> spike, reset; steps 1,2 frozen; step 3: 2 -> spike ...
    expect(spikes).to.deep.equal([0, 3, 6, 9]);
  });

  it('names the model and statement in errors', () => {
    const n = new Neuron({ equations: 'dv/dt = -v + E_x', spike: 'v > 1', name: 'bad' });
    expect(() => run(n, 1)).to.throw(/model "bad", equations line 1 "dv\/dt = -v \+ E_x": unknown symbol "E_x"/);
  });
});
