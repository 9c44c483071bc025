import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';
import { resourceLimits, setResourceLimits } from '../../src/engine/resource-limits.js';

const LIF = new Neuron({ name: 'LIF', parameters: 'tau = 10.0', equations: 'tau * dv/dt = -v + g_exc + 2', spike: 'v > 1', reset: 'v = 0' });
const Rate = new Neuron({ name: 'Rate', parameters: 'tau = 10.0', equations: 'tau * dr/dt = -r + sum(exc) + 1' });

/** A compiled network of two LIF populations joined by a valid projection, and its state. */
function validNetwork() {
  const net = new Network({ dt: 0.1, seed: 1 });
  const a = new Population(4, LIF, { name: 'a', network: net });
  const b = new Population(4, LIF, { name: 'b', network: net });
  new Projection(a, b, 'exc').connectAllToAll({ weights: 0.1 });
  net.compile();
  return { net, a, b };
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  return expect.fail('no error thrown');
}

describe('engine: transactional network changes, resource limits, argument errors (issue 18 items 5, 6)', () => {
  afterEach(() => setResourceLimits('defaults'));

  describe('a bad projection fails when it is built or connected and never breaks the network', () => {
    it('unknown pre.x: at construction; the network keeps running', () => {
      const { net, a, b } = validNetwork();
      const n = net.projectionsList.length;
      // (a target the neuron does not use is no error: it gets its g_<target>, as in ANNarchy)
      const readsX = new Synapse({ name: 'readsX', equations: 'u = pre.x', preSpike: 'g_target += w' });
      const unknown = errorOf(() => new Projection(a, b, 'exc', readsX));
      expect(unknown).to.be.instanceOf(ModelError);
      expect(unknown.message).to.match(/model "readsX": the synapse reads pre\.x, but the pre-synaptic population "a" \(neuron "LIF"\) of projection "proj\d+" has no attribute "x"/);
      expect(net.projectionsList.length).to.equal(n);
      net.simulate(1);
      expect(net.getCurrentStep()).to.equal(10);
    });

    it('number: -1 and weights: NaN fail at connect, naming the argument and the value; a valid connect still works', () => {
      const { net, a, b } = validNetwork();
      const p = new Projection(a, b, 'exc', undefined, 'p2');
      expect(errorOf(() => p.connectFixedNumberPre({ number: -1, weights: 1 })).message).to.match(/connectFixedNumberPre: number must be a non-negative integer, got -1/);
      expect(errorOf(() => p.connectAllToAll({ weights: NaN })).message).to.match(/weights must be a finite number or a RandomDistribution, got NaN/);
      p.connectAllToAll({ weights: 0.2 });
      net.simulate(1);
      expect(p.nbSynapses).to.equal(16);
    });

    it('a failed compile() leaves the network as it was; removePopulation/removeProjection before compile, then simulate runs', () => {
      const { net, a } = validNetwork();
      net.simulate(1);
      // analysis passes; code generation finds the unknown symbol E_x
      const bad = new Population(2, new Neuron({ name: 'bad', equations: 'dv/dt = E_x - v + g_exc', spike: 'v > 1' }), { name: 'bad', network: net });
      const toBad = new Projection(a, bad, 'exc', new Synapse({ preSpike: 'g_target += w' }));
      toBad.connectAllToAll({ weights: 1 });
      const err = errorOf(() => net.simulate(1));
      expect(err).to.be.instanceOf(ModelError);
      expect((err as ModelError).symbol).to.equal('E_x');
      expect(net.getCurrentStep()).to.equal(10); // nothing ran
      expect(net.compiled).to.equal(false);
      expect(errorOf(() => net.removePopulation(bad)).message).to.match(/used by projection\(s\) "proj1"; remove them first/);
      net.removeProjection(toBad);
      net.removePopulation('bad');
      expect(net.compiled).to.equal(true);
      net.simulate(1);
      expect(net.getCurrentStep()).to.equal(20);
      // compiled objects stay
      expect(errorOf(() => net.removePopulation(a)).message).to.match(/"a" is compiled; only populations not compiled yet can be removed/);
      // default names stay unique after a removal
      const c = new Population(1, LIF, { network: net });
      expect(net.populationsList.map((p) => p.name)).to.deep.equal(['a', 'b', c.name]);
      expect(c.name).to.equal('pop3');
    });
  });

  describe('resource limits with clear errors', () => {
    it('delays: 1e9 exceed the delay-queue budget at connect; the budget is configurable', () => {
      const { a, b } = validNetwork();
      const p = new Projection(a, b, 'exc', undefined, 'slow');
      expect(errorOf(() => p.connectAllToAll({ weights: 1, delays: 1e9 })).message)
        .to.match(/delays of 1\.00000e\+9 ms \(10000000000 steps\) need a delay queue of 298 GiB for 4 pre-synaptic neurons, more than the budget of 1\.00 GiB \(setResourceLimits\(\{ delayQueueBytes \}\)\)/);
      setResourceLimits({ delayQueueBytes: 100 });
      expect(errorOf(() => p.connectAllToAll({ weights: 1, delays: 1 })).message).to.match(/more than the budget of 100 B/);
      setResourceLimits('defaults');
      expect(resourceLimits().delayQueueBytes).to.equal(2 ** 30);
      p.connectAllToAll({ weights: 1, delays: 1 });
      expect(errorOf(() => setResourceLimits({ delayQueueBytes: -1 })).message).to.match(/delayQueueBytes must be a positive number, got -1/);
    });

    it('population sizes and monitor buffers have budgets', () => {
      const net = new Network({ dt: 0.1 });
      expect(errorOf(() => new Population([1e6, 1e6], LIF, { network: net })).message).to.match(/has 1000000000000 neurons, more than the limit of 100000000/);
      const pop = new Population(1, Rate, { network: net });
      setResourceLimits({ monitorBytes: 8 * 5000 });
      new Monitor(pop, ['r']);
      net.compile();
      const err = errorOf(() => net.simulate(1000));
      expect(err.message).to.match(/Monitor on "pop0", variable "r": recording 5001 values \(40008 B\) would exceed the monitor budget of 40000 B/);
    });
  });

  describe('arguments: NaN/Infinity arrays, negative times, bad offsets, null', () => {
    it('attribute arrays and scalars with NaN or Infinity are refused, naming the element', () => {
      const { a, net } = validNetwork();
      expect(errorOf(() => { a.v = new Float64Array([0, NaN, 0, 0]); }).message).to.match(/element 1 is NaN; expected finite numbers/);
      expect(errorOf(() => { a.tau = [1, 2, Infinity, 3]; }).message).to.match(/element 2 is Infinity/);
      expect(errorOf(() => { a.tau = -Infinity; }).message).to.match(/value is -Infinity; expected a finite number/);
      const proj = net.projectionsList[0] as Projection;
      expect(errorOf(() => proj.set({ w: NaN })).message).to.match(/attribute "w": value is NaN/);
      expect(errorOf(() => proj.set({ w: [[0.1, 0.1, Infinity, 0.1], [0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1]] })).message).to.match(/element \[0\]\[2\] is Infinity/);
    });

    it('setTime, setCurrentStep, periodOffset and new Population(null) name the argument and the value', () => {
      const { net, a } = validNetwork();
      expect(errorOf(() => net.setTime(-1)).message).to.equal('setTime: expected a non-negative number of ms, got -1');
      expect(errorOf(() => net.setCurrentStep(-5)).message).to.equal('setCurrentStep: expected a non-negative integer step, got -5');
      expect(errorOf(() => new Monitor(a, ['v'], { periodOffset: NaN })).message).to.match(/periodOffset must be a number of ms in \[0, period\), got NaN/);
      expect(errorOf(() => new Population(null as never, LIF, { network: net })).message).to.match(/geometry must be a positive integer or a list of positive integers, got null/);
      expect(errorOf(() => new Population(2, null as never, { network: net })).message).to.match(/"neuron" must be a Neuron .*got null/);
    });
  });
});
