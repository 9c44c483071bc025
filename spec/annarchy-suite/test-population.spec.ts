// Port of ANNarchy 4.7.3 tests/Neuron/test_Population.py (model strings and expected values).
// The four classes share one test list over different geometries, so the list is written once and
// instantiated per class with that class's coordinates, slices and expected arrays.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { PopulationView } from '../../src/engine/population-view.js';
import { Neuron } from '../../src/language/neuron.js';
import { NumpyRandomState, Uniform } from '../../src/engine/random/index.js';
import { assertAllclose, reshape } from './helpers.js';

type Selector = number | null | readonly [number?, number?, number?];

interface Case {
  geometry: number[];
  /** [rank, coordinates] pairs checked both ways. */
  coords: [number, number[]][];
  /** The view the *_popview / set_r_2 tests write, and the resulting flat array of changed ranks. */
  view: Selector[];
  viewRanks: number[];
  /** Rank read by test_get_neuron_r. */
  neuronR: number;
  /** Whole-population view of test_set_r_uniform. */
  all: Selector[];
}

const neuron = new Neuron({ parameters: 'tau = 10', equations: 'r += t/tau' });
const neuron2 = new Neuron({ parameters: 'tau = 10: population', equations: 'r += t/tau : init = 1.0' });

function populationSuite(name: string, c: Case): void {
  describe(name, () => {
    let net: Network;
    let pop1: Population;
    let pop2: Population;
    const size = c.geometry.reduce((a, b) => a * b, 1);
    const shaped = (x: unknown) => (c.geometry.length > 1 ? reshape(x as Float64Array, c.geometry) : x);
    const filled = (v: number) => reshape(new Array(size).fill(v), c.geometry) as number[];
    const withView = (base: number, v: number) => {
      const flat = new Array(size).fill(base);
      for (const r of c.viewRanks) flat[r] = v;
      return reshape(flat, c.geometry) as number[];
    };
    const view = () => (c.geometry.length > 1 ? pop1.at(...c.view) : pop1.slice(...(c.view[0] as [number, number]))) as PopulationView;
    before(() => {
      net = new Network();
      pop1 = new Population(c.geometry.length === 1 ? c.geometry[0]! : c.geometry, neuron, { network: net });
      pop2 = new Population(c.geometry.length === 1 ? c.geometry[0]! : c.geometry, neuron2, { network: net });
      net.compile();
    });
    beforeEach(() => net.reset());

    it('test_coordinates_from_rank', () => {
      for (const [rank, xyz] of c.coords) expect(pop1.coordinatesFromRank(rank)).to.deep.equal(xyz);
    });
    it('test_rank_from_coordinates', () => {
      for (const [rank, xyz] of c.coords) expect(pop1.rankFromCoordinates(xyz)).to.equal(rank);
    });
    it('test_get_tau', () => assertAllclose(shaped(pop1.tau), filled(10.0)));
    it('test_get_tau2', () => assertAllclose(shaped(pop1.get('tau')), filled(10.0)));
    it('test_get_neuron_tau', () => assertAllclose(pop1.neuron(1).tau, 10.0));
    it('test_set_tau', () => {
      pop1.tau = 5.0;
      assertAllclose(shaped(pop1.tau), filled(5.0));
    });
    it('test_set_tau_2', () => {
      const v = name === 'test_Population1D' ? 7.0 : 5.0;
      pop1.set({ tau: v });
      assertAllclose(shaped(pop1.tau), filled(v));
    });
    if (name === 'test_Population1D') {
      it('test_set_neuron_tau', () => {
        pop1.neuron(1).tau = 20;
        assertAllclose(pop1.neuron(1).tau, 20.0);
      });
    }
    it('test_set_tau_popview', () => {
      view().tau = 5.0;
      assertAllclose(shaped(pop1.tau), withView(10.0, 5.0));
    });
    it('test_get_tau_population', () => expect(pop2.tau).to.equal(10.0));
    it('test_popattributes', () => {
      expect(pop1.attributes).to.deep.equal(['tau', 'r'], 'failed listing attributes');
      expect(pop1.parameters).to.deep.equal(['tau'], 'failed listing parameters');
      expect(pop1.variables).to.deep.equal(['r'], 'failed listing variables');
    });
    it('test_get_r', () => assertAllclose(shaped(pop1.r), filled(0.0)));
    it('test_get_r2', () => assertAllclose(shaped(pop1.get('r')), filled(0.0)));
    it('test_get_neuron_r', () => assertAllclose(pop1.neuron(c.neuronR).r, 0.0));
    it('test_get_r_with_init', () => assertAllclose(shaped(pop2.r), filled(1.0)));
    it('test_set_r', () => {
      pop1.r = 1.0;
      assertAllclose(shaped(pop1.r), filled(1.0));
    });
    it('test_set_r_2', () => {
      view().r = 2.0;
      assertAllclose(shaped(pop1.r), withView(0.0, 2.0));
    });
    it('test_set_r_uniform', () => {
      pop1.r = new Uniform(0.0, 1.0).getValues(size, new NumpyRandomState());
      const r = Array.from((c.geometry.length > 1 ? (pop1.at(...c.all) as PopulationView).r : pop1.r) as Float64Array);
      expect(r.some((x) => x >= 0.0) && r.every((x) => x <= 1.0)).to.equal(true);
    });
    it('test_set_r3', () => {
      pop1.set({ r: 1.0 });
      assertAllclose(shaped(pop1.r), filled(1.0));
    });
    it('test_reset', () => {
      pop1.tau = 5.0;
      assertAllclose(shaped(pop1.tau), filled(5.0));
      net.reset();
      assertAllclose(shaped(pop1.tau), filled(10.0));
    });
  });
}

populationSuite('test_Population1D', { geometry: [3], coords: [[1, [1]]], view: [[1, 3]], viewRanks: [1, 2], neuronR: 0, all: [] });
populationSuite('test_Population2D', {
  geometry: [3, 3], coords: [[2, [0, 2]], [6, [2, 0]]], view: [[1, 3], 1], viewRanks: [4, 7], neuronR: 0, all: [[0, 3], [0, 3]],
});
populationSuite('test_Population3D', {
  geometry: [3, 3, 3], coords: [[2, [0, 0, 2]], [6, [0, 2, 0]], [18, [2, 0, 0]]], view: [[0, 3], 1, [1, 3]],
  viewRanks: [4, 5, 13, 14, 22, 23], neuronR: 18, all: [[0, 3], [0, 3], [0, 3]],
});
populationSuite('test_Population2x3D', {
  geometry: [3, 2], coords: [[2, [1, 0]], [5, [2, 1]]], view: [[0, 2], 1], viewRanks: [1, 3], neuronR: 0, all: [[0, 3], [0, 2]],
});
