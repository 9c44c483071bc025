import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';

function quietly<T>(f: () => T): { value: T; warnings: string[] } {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (m: string) => warnings.push(m);
  try {
    return { value: f(), warnings };
  } finally {
    console.warn = warn;
  }
}

/** Every property name an object answers to: own, then along the prototype chain up to Object.prototype. */
function memberNames(o: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = o; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    try {
      for (const n of Object.getOwnPropertyNames(p)) names.add(n);
    } catch {
      break; // the strict-attributes Proxy at the root of the chain
    }
  }
  // the members every object has are refused as model names (expression-guard.ts)
  return [...names].filter((n) => !Object.getOwnPropertyNames(Object.prototype).includes(n));
}

describe('engine: model attributes named like library members (issue 20 item 4: only ANNarchy-reserved names are reserved)', () => {
  it('a parameter named "state" is an ordinary attribute: pop.state reads and writes it, no warning', () => {
    const net = new Network({ dt: 1.0 });
    const n = new Neuron({ parameters: 'state = 2.0\n scale = 3.0 : population', equations: 'r = state * scale', name: 'named like members' });
    const { value: pop, warnings } = quietly(() => new Population(4, n, { network: net }));
    expect(warnings).to.deep.equal([]);
    net.simulate(1);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([6, 6, 6, 6]);
    pop.state = Float64Array.from([1, 2, 3, 4]);
    expect(Array.from(pop.state as Float64Array)).to.deep.equal([1, 2, 3, 4]);
    expect(Array.from(pop.get('state') as Float64Array)).to.deep.equal([1, 2, 3, 4]);
    net.simulate(1);
    expect(Array.from(pop.r as Float64Array)).to.deep.equal([3, 6, 9, 12]);
    // views and single neurons reach it the same way
    expect(Array.from(pop.view([1, 3]).state as Float64Array)).to.deep.equal([2, 4]);
    expect(pop.neuron(2).state).to.equal(3);
  });

  it('a synapse parameter named "state" is an ordinary attribute of the projection', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(1, new Neuron({ parameters: 'r = 1.0', name: 'one' }), { network: net });
    const post = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'sum' }), { network: net });
    const { value: proj, warnings } = quietly(() => new Projection(pre, post, 'exc', new Synapse({ parameters: 'state = 5.0 : projection', psp: 'w * state * pre.r' })));
    expect(warnings).to.deep.equal([]);
    proj.connectAllToAll({ weights: 2.0 });
    net.simulate(2);
    expect(proj.state).to.equal(5);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([10]);
    proj.state = 1;
    net.simulate(1);
    expect(Array.from(post.r as Float64Array)).to.deep.equal([2]);
  });

  it('"size" is refused with a ModelError (ANNarchy reserves it too)', () => {
    const n = new Neuron({ parameters: 'size = 3.0', equations: 'r = size', name: 'sized' });
    expect(() => new Population(2, n, { network: new Network() })).to.throw(ModelError, /sized.*"size" is reserved/s);
  });

  it('no internal member takes a name a model can declare: every member not beginning with "$" is public API', () => {
    const net = new Network({ dt: 1.0 });
    const pre = new Population(2, new Neuron({ parameters: 'r = 1.0', name: 'one' }), { network: net });
    const proj = new Projection(pre, pre, 'exc');
    proj.connectAllToAll({ weights: 1 });
    net.compile();
    // the public API of a population and a projection (ANNarchy's and this project's documented members)
    const popApi = ['constructor', 'id', 'name', 'neuronType', 'geometry', 'size', 'network', 'stopCondition', 'parameters', 'variables',
      'targets', 'init', 'enabled', 'attributes', 'compiled', 'spiking', 'ranks', 'population', 'dimension', 'width', 'height', 'depth',
      'slice', 'view', 'at', 'neuron', 'normalizedCoordinatesFromRank', 'get', 'set', 'refractory', 'spike', 'backend', 'computeFiringRate',
      't_last', 'sum', 'reset', 'rankFromCoordinates', 'coordinatesFromRank', 'disable', 'enable', 'toString', 'r',
      // read by monitors (Recordable): named after CompNeuroPy's recording vocabulary
      'recordWidth', 'recordShape', 'checkRecordable', 'isTarget', 'readInto', 'spikedRanks', 'axonSpikedRanks', 'recordedRanks'];
    const leaked = memberNames(pre).filter((n) => !n.startsWith('$') && !popApi.includes(n));
    expect(leaked, 'Population members outside the API').to.deep.equal([]);
    const projLeaked = memberNames(proj).filter((n) => !n.startsWith('$') && !PROJECTION_API.includes(n));
    expect(projLeaked, 'Projection members outside the API').to.deep.equal([]);
  });
});

const PROJECTION_API = ['constructor', 'id', 'name', 'network', 'pre', 'post', 'target', 'targets', 'synapseType', 'parameters', 'variables',
  'init', 'connectorName', 'connectorCall', 'endpointView', 'maxDelay', 'uniformDelay', 'attributes', 'spiking', 'connectAllToAll', 'connectOneToOne', 'connectFixedProbability',
  'connectFixedNumberPre', 'connectFixedNumberPost', 'connectFromMatrix', 'connectFromLil', 'connectFromSparse', 'connectGaussian', 'connectDog',
  'connectWithFunc', 'compile', 'enableLearning', 'disableLearning', 'startCreating', 'stopCreating', 'startPruning', 'stopPruning', 'reset', 'get', 'set', 'size', 'nbSynapses', 'nbSynapsesPerDendrite',
  'postRanks', 'preRanks', 'lilConnectivity', 'delay', 'dendrite', 'dendrites', 'synapse', 'connectivityMatrix', 'w',
  'recordWidth', 'recordShape', 'checkRecordable', 'isTarget', 'readInto'];
