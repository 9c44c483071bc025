// Classes that ANNarchy 4.7.3's test_RateDelays.py and test_SpikingDelays.py both define with the
// same rate-coded models and assertions: written once, registered by both spec files.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { DiscreteUniform, NumpyRandomState } from '../../src/engine/random/index.js';
import { assertAllclose, unittestMethods } from './helpers.js';

/** Registers test_UniformDelay / test_SpikingUniformDelay, test_SynapseOperations and test_SynapticAccess. */
export function sharedDelayClasses(rng: NumpyRandomState, uniformDelayClass: string): void {
  describe(uniformDelayClass, () => {
    let net: Network;
    let pop2: Population;
    let proj: Projection;
    let proj2: Projection;
    before(() => {
      // r_t = [-1, 0, 2, 5, 9, 14, 20, ...], once population-wide (glob_r) and once per neuron (r)
      const input_neuron = new Neuron({ equations: `
        glob_r = glob_r + t : init = -1, population
        r = r + t : init = -1` });
      const neuron2 = new Neuron({ equations: 'r = sum(ff)' });
      const synapse_glob = new Synapse({ psp: 'pre.glob_r * w' });
      net = new Network();
      const pop1 = new Population(3, input_neuron, { network: net });
      pop2 = new Population(3, neuron2, { network: net });
      proj = new Projection(pop1, pop2, 'ff').connectOneToOne({ weights: 1.0, delays: 10.0 });
      proj2 = new Projection(pop1, pop2, 'ff_glob', synapse_glob).connectOneToOne({ weights: 1.0, delays: 10.0 });
      net.compile();
    });
    beforeEach(() => net.reset());

    // unittest order: reset() keeps the delays set by earlier methods
    unittestMethods({
      test_get_delay: () => assertAllclose(proj.delay as number, 10.0),
      test_set_delay: () => {
        proj.delay = 2.0;
        assertAllclose(proj.delay as number, 2.0);
      },
      test_configured_delay_local: () => {
        net.simulate(10);
        assertAllclose(pop2.sum('ff'), -1.0);
        net.simulate(1);
        assertAllclose(pop2.sum('ff'), -1.0);
        net.simulate(4);
        assertAllclose(pop2.sum('ff'), 9.0);
      },
      test_configured_delay_global: () => {
        net.simulate(10);
        assertAllclose(pop2.sum('ff_glob'), -1.0);
        net.simulate(1);
        assertAllclose(pop2.sum('ff_glob'), -1.0);
        net.simulate(4);
        assertAllclose(pop2.sum('ff_glob'), 9.0);
      },
      test_modified_delay_local: () => {
        proj.delay = 5.0;
        net.simulate(5);
        assertAllclose(pop2.sum('ff'), -1.0);
        net.simulate(1);
        assertAllclose(pop2.sum('ff'), -1.0);
        net.simulate(4);
        assertAllclose(pop2.sum('ff'), 9.0);
      },
      test_modified_delay_global: () => {
        proj2.delay = 5.0;
        net.simulate(5);
        assertAllclose(pop2.sum('ff_glob'), -1.0);
        net.simulate(1);
        assertAllclose(pop2.sum('ff_glob'), -1.0);
        net.simulate(4);
        assertAllclose(pop2.sum('ff_glob'), 9.0);
      },
    });
  });

  describe('test_SynapseOperations', () => {
    let net: Network;
    let pop1: Population;
    let pop2: Population;
    before(() => {
      const input_neuron = new Neuron({ parameters: 'r=0.0' });
      const output_neuron = new Neuron({ equations: 'r = sum(p1) + sum(p2)' });
      const syn_max = new Synapse({ psp: 'pre.r * w', operation: 'max' });
      const syn_min = new Synapse({ psp: 'pre.r * w', operation: 'min' });
      const syn_mean = new Synapse({ psp: 'pre.r * w', operation: 'mean' });
      net = new Network();
      pop1 = new Population([3, 3], input_neuron, { network: net });
      pop2 = new Population(4, output_neuron, { network: net });
      new Projection(pop1, pop2, 'p1', syn_max).connectAllToAll({ weights: 1.0 });
      new Projection(pop1, pop2, 'p2', syn_min).connectAllToAll({ weights: 1.0 });
      new Projection(pop1, pop2, 'p3', syn_mean).connectAllToAll({ weights: 1.0 });
      net.compile();
    });
    beforeEach(() => net.reset());

    function check(target: string, op: (x: number[]) => number): void {
      const preR = Array.from(rng.random(9));
      const expected = op(preR); // weights = 1.0
      pop1.r = [preR.slice(0, 3), preR.slice(3, 6), preR.slice(6, 9)];
      net.simulate(1);
      assertAllclose(pop2.sum(target), expected);
    }
    it('test_max', () => check('p1', (x) => Math.max(...x)));
    it('test_min', () => check('p2', (x) => Math.min(...x)));
    it('test_mean', () => check('p3', (x) => x.reduce((a, b) => a + b, 0) / x.length));
  });

  describe('test_SynapticAccess', () => {
    let net: Network;
    before(() => {
      const neuron = new Neuron({ parameters: 'r=0' });
      const cov = new Synapse({
        parameters: 'tau = 5000.0',
        equations: 'tau * dw/dt = (pre.r - mean(pre.r) ) * (post.r - mean(post.r) )',
      });
      net = new Network();
      const pre = new Population(6, neuron, { network: net });
      const post = new Population(1, neuron, { network: net });
      new Projection(pre, post, 'exc', cov).connectAllToAll({ weights: 1.0 });
      net.compile();
    });
    it('test_compile', () => expect(net.compiled).to.equal(true));
  });
}

/**
 * test_NonuniformDelay (test_RateDelays.py) and test_SpikingNonuniformDelay (test_SpikingDelays.py):
 * the same rate-coded one-to-one projection with delays DiscreteUniform(1, 5), set per synapse.
 */
export function nonuniformDelayClass(name: string): void {
  describe(name, () => {
    let net: Network;
    let proj: Projection;
    let pop2: Population;
    before(() => {
      // r_t = [-1, 0, 2, 5, 9, 14, 20, ...]
      const inputNeuron = new Neuron({ equations: 'r = r + t : init = -1' });
      const neuron2 = new Neuron({ equations: 'r = sum(ff)' });
      // seeded (ANNarchy's test is not): with probability 1/125 the three draws are all 1 ms = dt,
      // the projection is then built without delays and the per-synapse delays below are refused
      net = new Network({ seed: 1 });
      const pop1 = new Population(3, inputNeuron, { network: net });
      pop2 = new Population(3, neuron2, { network: net });
      // A projection with non-uniform delay
      proj = new Projection(pop1, pop2, 'ff').connectOneToOne({ weights: 1.0, delays: new DiscreteUniform(1, 5) });
      net.compile();
    });
    beforeEach(() => {
      net.reset();
      // for unittest we fix the delay of the non-uniform case
      proj.delay = [[3], [5], [2]];
    });
    it('test_configured_nonuniform_delay', () => {
      net.simulate(5);
      // r = [-1, 0, 2, 5, 9, 14, 20, ...]
      assertAllclose(pop2.sum('ff'), [0.0, -1.0, 2.0]);
    });
    it('test_modified_nonuniform_delay', () => {
      // redefine synaptic delay, in this case to uniform
      proj.delay = [[3.0], [3.0], [3.0]];
      net.simulate(10);
      // should access (t-3)th element
      assertAllclose(pop2.sum('ff'), [20.0, 20.0, 20.0]);
    });
  });
}
