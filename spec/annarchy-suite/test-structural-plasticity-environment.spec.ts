// Port of ANNarchy 4.7.3 tests/Synapse/test_StructuralPlasticityEnvironment.py (protocols and values).
// The file defines test_create_single_synapse twice; Python keeps the second definition (identical
// to the first), so the class has five methods.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose, unittestMethods } from './helpers.js';

describe('test_StructuralPlasticityEnvironment', () => {
  let net: Network;
  let proj: Projection;
  let proj2: Projection;
  before(() => {
    // setup(structural_plasticity=True)
    net = new Network({ structuralPlasticity: true });
    const neuron = new Neuron({ parameters: 'tau = 10', equations: 'r += 1/tau * t' });
    const pop1 = new Population(8, neuron, { network: net });
    proj = new Projection(pop1, pop1, 'exc');
    proj2 = new Projection(pop1, pop1, 'exc');
    proj.connectAllToAll({ weights: 1.0 });
    proj2.connectOneToOne({ weights: 1.0 });
    net.compile();
  });
  beforeEach(() => net.reset({ projections: true, synapses: true }));

  unittestMethods({
    test_prune_single_synapse: () => {
      // as we use an all2all on same population, rank 3 is omitted
      expect(proj.dendrite(3).preRanks).to.deep.equal([0, 1, 2, 4, 5, 6, 7]);
      assertAllclose(proj.dendrite(3).w, [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
      proj.dendrite(3).pruneSynapse(2);
      proj.dendrite(3).pruneSynapse(4);
      proj.dendrite(3).pruneSynapse(6);
      expect(proj.dendrite(3).preRanks).to.deep.equal([0, 1, 5, 7]);
      assertAllclose(proj.dendrite(3).w, [1.0, 1.0, 1.0, 1.0]);
    },
    test_prune_multiple_synapses: () => {
      expect(proj.dendrite(3).preRanks).to.deep.equal([0, 1, 2, 4, 5, 6, 7]);
      assertAllclose(proj.dendrite(3).w, [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
      proj.dendrite(3).pruneSynapses([2, 4, 6]);
      expect(proj.dendrite(3).preRanks).to.deep.equal([0, 1, 5, 7]);
      assertAllclose(proj.dendrite(3).w, [1.0, 1.0, 1.0, 1.0]);
    },
    test_create_single_synapse: () => {
      expect(proj2.dendrite(3).preRanks).to.deep.equal([3]);
      assertAllclose(proj2.dendrite(3).w, [1.0]);
      proj2.dendrite(3).createSynapse(2, 2.0);
      proj2.dendrite(3).createSynapse(4, 2.0);
      proj2.dendrite(3).createSynapse(6, 2.0);
      expect(proj2.dendrite(3).preRanks).to.deep.equal([2, 3, 4, 6]);
      assertAllclose(proj2.dendrite(3).w, [2.0, 1.0, 2.0, 2.0]);
    },
    test_create_multiple_synapses: () => {
      expect(proj2.dendrite(3).preRanks).to.deep.equal([3]);
      assertAllclose(proj2.dendrite(3).w, [1.0]);
      proj2.dendrite(3).createSynapses([2, 4, 6], [2.0, 3.0, 4.0]);
      expect(proj2.dendrite(3).preRanks).to.deep.equal([2, 3, 4, 6]);
      assertAllclose(proj2.dendrite(3).w, [2.0, 1.0, 3.0, 4.0]);
    },
    test_prune_complete_dendrite: () => {
      // We remove all synapses in a dendrite.
      proj2.dendrite(5).pruneSynapse(5);
    },
  });
});
