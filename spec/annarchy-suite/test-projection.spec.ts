// Port of ANNarchy 4.7.3 tests/Synapse/test_Projection.py (model strings and expected values).
// ANNarchy runs the class once per storage format; the project has one sparse layout.
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { assertAllclose } from './helpers.js';

describe('test_Projection', () => {
  let net: Network;
  let proj: Projection;
  before(() => {
    const simple = new Neuron({ parameters: 'r=0' });
    const Oja = new Synapse({
      parameters: `
        tau = 5000.0
        alpha = 8.0 : postsynaptic`,
      equations: 'dw/dt = -w',
    });
    net = new Network();
    const pop1 = new Population(8, simple, { network: net });
    const pop2 = new Population(4, simple, { network: net });
    // scipy lil_matrix (4, 8): row 1 = 0.2 on columns 0..7, row 3 = 0.5 on columns 2..5; then .T (pre x post)
    const rows: number[] = [];
    const cols: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 8; i++) { rows.push(i); cols.push(1); values.push(0.2); }
    for (let i = 2; i < 6; i++) { rows.push(i); cols.push(3); values.push(0.5); }
    proj = new Projection(pop1, pop2, 'exc', Oja);
    proj.connectFromSparse({ weights: { rows, cols, values, shape: [8, 4] } });
    net.compile();
  });
  beforeEach(() => net.reset());

  const w = () => proj.w as number[][];
  it('test_get_w', () => {
    assertAllclose(w()[0]!, 0.2);
    assertAllclose(w()[1]!, 0.5);
  });
  it('test_get_dendrite_w', () => {
    assertAllclose(proj.dendrite(1).w, 0.2);
    assertAllclose(proj.dendrite(3).w, 0.5);
  });
  it('test_get_tau', () => {
    assertAllclose((proj.tau as number[][])[0]!, 5000.0);
    assertAllclose((proj.tau as number[][])[1]!, 5000.0);
  });
  it('test_get_tau_2', () => {
    assertAllclose((proj.get('tau') as number[][])[0]!, 5000.0);
    assertAllclose((proj.get('tau') as number[][])[1]!, 5000.0);
  });
  it('test_get_alpha', () => assertAllclose(proj.alpha, 8.0));
  it('test_get_alpha_2', () => assertAllclose(proj.get('alpha'), 8.0));
  it('test_get_size', () => expect(proj.size).to.equal(2));
  it('test_get_post_ranks', () => expect(proj.postRanks).to.deep.equal([1, 3]));
});
