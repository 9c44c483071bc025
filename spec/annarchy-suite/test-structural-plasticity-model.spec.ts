// Port of ANNarchy 4.7.3 tests/Synapse/test_StructuralPlasticityModel.py (models and protocol).
// Both classes compile a network whose synapse has creating and pruning conditions and check
// that it compiles (setUpClass) and resets (setUp); test_invoke_compile itself is `pass`.
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Synapse } from '../../src/language/synapse.js';
import { LeakyIntegrator } from '../../src/models/annarchy/index.js';
import { unittestMethods } from './helpers.js';

// setup(structural_plasticity=True), then the reporter's synapse of issue #41
const valueSynapse = () => new Synapse({
  parameters: `
    tau_utility = 1000
  `,
  equations: `
    tau_utility * dutility/dt = pre.r * post.r : init=1.0
  `,
  creating: 'pre.r * post.r > 0.9 : proba = 1.0, w = 1.0',
  pruning: 'utility < 0.0 : proba = 0.5',
  operation: 'max',
});

describe('test_StructuralPlasticityModel', () => {
  let testNet: Network;
  before(() => {
    testNet = new Network({ structuralPlasticity: true });
    const v = new Population(5, new LeakyIntegrator(), { network: testNet });
    const valueProj = new Projection(v, v, 'exc', valueSynapse());
    valueProj.connectFixedNumberPre({ number: 1, weights: 1.0 });
    testNet.compile();
  });
  beforeEach(() => testNet.reset());

  unittestMethods({
    test_invoke_compile: () => {
      // This test case just invoke the compilation process for the above defined network definition.
    },
  });
});

describe('test_StructuralPlasticityModelDelay', () => {
  let testNet: Network;
  before(() => {
    testNet = new Network({ structuralPlasticity: true });
    const v = new Population(5, new LeakyIntegrator(), { network: testNet });
    const valueProj = new Projection(v, v, 'exc', valueSynapse());
    valueProj.connectFixedNumberPre({ number: 1, weights: 1.0, delays: 2.0 });
    testNet.compile();
  });
  beforeEach(() => testNet.reset());

  unittestMethods({
    test_invoke_compile: () => {
      // This test case just invoke the compilation process for the above defined network definition.
    },
  });
});
