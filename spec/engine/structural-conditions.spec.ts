import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { MT19937 } from '../../src/engine/random/mt19937.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { ModelError } from '../../src/language/model-error.js';
import { captureNetworkState, restoreNetworkState } from '../../src/engine/network-state.js';

// Semantics of ANNarchy 4.7.3's generated pruning()/creating() (SingleThread/LIL.py templates).
describe('engine: structural plasticity conditions (pruning / creating)', () => {
  const Input = new Neuron({ parameters: 'r = 0' });
  const Sum = new Neuron({ equations: 'r = sum(exc)' });
  const build = (syn: Synapse, connect: (p: Projection) => void, nPre = 6, nPost = 2, structuralPlasticity = true) => {
    const net = new Network({ structuralPlasticity, dt: 1.0 });
    const pre = new Population(nPre, Input, { network: net });
    const post = new Population(nPost, Sum, { network: net });
    const proj = new Projection(pre, post, 'exc', syn);
    connect(proj);
    net.compile();
    return { net, pre, post, proj };
  };
  const allToAll = (p: Projection) => { p.connectAllToAll({ weights: 1.0 }); };
  const oneToOne = (p: Projection) => { p.connectOneToOne({ weights: 1.0 }); };

  it('pruning removes exactly the synapses whose condition holds when it is evaluated', () => {
    const { net, pre, proj } = build(new Synapse({ pruning: 'pre.r > 0.5' }), allToAll);
    pre.r = [0, 1, 0, 1, 0, 0];
    net.simulate(2);
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2, 3, 4, 5]); // not started
    proj.startPruning();
    net.simulate(1);
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 2, 4, 5]);
    expect(proj.dendrite(1).preRanks).to.deep.equal([0, 2, 4, 5]);
    pre.r = [0, 0, 0, 0, 0, 1];
    net.simulate(1);
    expect(proj.dendrite(1).preRanks).to.deep.equal([0, 2, 4]);
    proj.stopPruning();
    pre.r = [1, 1, 1, 1, 1, 1];
    net.simulate(3);
    expect(proj.dendrite(1).preRanks).to.deep.equal([0, 2, 4]);
  });

  it('pruning, as 4.7.3, does not examine the synapse after a removed one in the same period', () => {
    // 4.7.3 erases synapse j inside for (j...; j++): the next synapse moves to j and is skipped
    const { net, pre, proj } = build(new Synapse({ pruning: 'pre.r > 0.5' }), allToAll);
    pre.r = [1, 1, 1, 0, 1, 1];
    proj.startPruning();
    net.simulate(1);
    // 0 removed, 1 skipped, 2 removed, 3 kept, 4 removed, 5 skipped
    expect(proj.dendrite(0).preRanks).to.deep.equal([1, 3, 5]);
    net.simulate(1);
    expect(proj.dendrite(0).preRanks).to.deep.equal([3]);
    net.simulate(1);
    expect(proj.dendrite(0).preRanks).to.deep.equal([3]);
    // the emptied dendrite stays: 4.7.3 erases from the dendrite's lists only
    pre.r = [1, 1, 1, 1, 1, 1];
    net.simulate(1);
    expect(proj.dendrite(0).preRanks).to.deep.equal([]);
  });

  it('pruning reads synapse variables and keeps the other synapses\' attributes', () => {
    const syn = new Synapse({ parameters: 'c = 0', equations: 'x = x + c', pruning: 'x > 2.5' });
    const { net, proj } = build(syn, allToAll, 4, 1);
    proj.dendrite(0).set({ c: [1, 0.5, 2, 0] });
    proj.startPruning();
    net.simulate(1); // x = c: nothing above 2.5
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2, 3]);
    net.simulate(1); // x = 2c = [2, 1, 4, 0]
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 3]);
    expect(proj.dendrite(0).x).to.deep.equal([2, 1, 0]);
    expect(proj.dendrite(0).c).to.deep.equal([1, 0.5, 0]);
    net.simulate(1); // x = [3, 1.5, 0]
    expect(proj.dendrite(0).preRanks).to.deep.equal([1, 3]);
  });

  it('creating with proba 1 creates every missing pair meeting the condition, weight w, other attributes initial', () => {
    const syn = new Synapse({ parameters: 'c = 7', creating: 'pre.r > 0.5 : proba = 1.0, w = 0.25' });
    const { net, pre, post, proj } = build(syn, oneToOne, 4, 4);
    proj.dendrite(0).set({ c: [3] });
    pre.r = [1, 0, 1, 1];
    proj.startCreating();
    net.simulate(1);
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 2, 3]);
    expect(proj.dendrite(1).preRanks).to.deep.equal([0, 1, 2, 3]);
    expect(proj.dendrite(2).preRanks).to.deep.equal([0, 2, 3]);
    expect(proj.dendrite(1).w).to.deep.equal([0.25, 1, 0.25, 0.25]);
    expect(proj.dendrite(0).w).to.deep.equal([1, 0.25, 0.25]);
    expect(proj.dendrite(0).c).to.deep.equal([3, 7, 7]);
    net.simulate(1);
    // the new synapses transmit in the next step: 0.25 * 1 + 1 * 0 + 0.25 * 1 + 0.25 * 1
    expect(post.r[1]).to.equal(0.75);
    expect(post.r[0]).to.equal(1 + 0.25 + 0.25);
  });

  it('creating without w gives weight 0, considers self-pairs, and adds to a dendrite pruning emptied', () => {
    const syn = new Synapse({ creating: 'pre.r > 0.5', pruning: 'pre.r < -0.5' });
    const net = new Network({ structuralPlasticity: true, dt: 1.0 });
    const pop = new Population(3, Input, { network: net });
    const proj = new Projection(pop, pop, 'exc', syn).connectAllToAll({ weights: 1.0 });
    net.compile();
    expect(proj.dendrite(1).preRanks).to.deep.equal([0, 2]);
    pop.r = [-1, -1, -1];
    proj.startPruning();
    net.simulate(2);
    expect(proj.dendrite(1).preRanks).to.deep.equal([]);
    proj.stopPruning();
    pop.r = [0, 1, 0];
    proj.startCreating();
    net.simulate(1);
    expect(proj.dendrite(1).preRanks).to.deep.equal([1]);
    expect(proj.dendrite(1).w).to.deep.equal([0]);
    expect(proj.dendrite(0).preRanks).to.deep.equal([1]);
  });

  it('a network state with an emptied dendrite restores into a freshly built network', () => {
    const make = () => {
      const net = new Network({ structuralPlasticity: true, dt: 1.0 });
      const pop = new Population(3, Input, { network: net });
      const proj = new Projection(pop, pop, 'exc', new Synapse({ parameters: 'c = 1 : postsynaptic', pruning: 'pre.r < -0.5' })).connectAllToAll({ weights: 1.0 });
      net.compile();
      return { net, pop, proj };
    };
    const a = make();
    a.pop.r = [-1, -1, -1];
    a.proj.startPruning();
    a.net.simulate(2);
    a.proj.dendrite(2).set({ c: 5 });
    expect(a.proj.dendrite(1).preRanks).to.deep.equal([]);
    const b = make();
    restoreNetworkState(b.net, captureNetworkState(a.net));
    expect([0, 1, 2].map((r) => b.proj.dendrite(r).preRanks)).to.deep.equal([0, 1, 2].map((r) => a.proj.dendrite(r).preRanks));
    expect(b.proj.dendrite(2).c).to.equal(5);
  });

  it('is evaluated in the steps (t - start step) % int(period / dt) == 0', () => {
    const syn = new Synapse({ creating: 'pre.r > 0.5 : w = 1' });
    const { net, pre, proj } = build(syn, oneToOne, 4, 4);
    net.simulate(2);
    pre.r = [0, 0, 1, 0];
    proj.startCreating({ period: 3.5 }); // 3 steps, from step 2: steps 2, 5, 8
    net.simulate(1); // step 2
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 2]);
    pre.r = [0, 1, 0, 0];
    net.simulate(2); // steps 3, 4
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 2]);
    net.simulate(1); // step 5
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2]);
    pre.r = [0, 0, 0, 1];
    net.simulate(2); // steps 6, 7
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2]);
    net.simulate(1); // step 8
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1, 2, 3]);
  });

  it('draws proba from the network\'s mt19937 (generate_canonical), only where the condition holds', () => {
    const syn = new Synapse({ pruning: 'pre.r > 0.5 : proba = 0.5' });
    const nPre = 40;
    const { net, pre, proj } = build(syn, allToAll, nPre, 3);
    net.setSeed(7);
    const r = Array.from({ length: nPre }, (_, k) => (k % 3 === 1 ? 0 : 1));
    pre.r = r;
    proj.startPruning();
    net.simulate(1);
    // expected from std::mt19937(7) and the 4.7.3 loop: a draw per examined synapse whose
    // condition holds; a removed synapse's successor is not examined
    const rng = new MT19937(7);
    const u = new Float64Array(1);
    for (let d = 0; d < 3; d++) {
      const kept: number[] = [];
      for (let k = 0; k < nPre; k++) {
        if (r[k]! > 0.5 && (rng.canonicalInto(u, 0), u[0]! < 0.5)) {
          if (k + 1 < nPre) kept.push(k + 1);
          k++;
          continue;
        }
        kept.push(k);
      }
      expect(proj.dendrite(d).preRanks).to.deep.equal(kept);
    }
    expect(proj.dendrite(0).preRanks.length).to.be.within(nPre / 2, nPre - 5);
  });

  it('the d flag must equal the projection\'s common delay; created synapses then transmit with it', () => {
    const syn = (d: number) => new Synapse({ name: 'Grow', creating: `pre.r > 0.5 : w = 2, d = ${d}` });
    const del = (p: Projection) => { p.connectOneToOne({ weights: 1.0, delays: 2.0 }); };
    expect(() => build(syn(3.0), del, 3, 3)).to.throw(ModelError, /cannot have the delay d = 3 ms: the delays of projection "\w+" are all 2 ms/)
      .that.satisfies((e: ModelError) => e.model === 'Grow' && e.section === 'creating' && e.symbol === 'd');
    const { net, pre, post, proj } = build(syn(2.0), del, 3, 3);
    pre.r = [0, 1, 0];
    proj.startCreating();
    net.simulate(1); // step 0: synapses 1 -> 0 and 1 -> 2 created
    expect(proj.dendrite(0).preRanks).to.deep.equal([0, 1]);
    pre.r = [0, 0, 0];
    net.simulate(1); // step 1 reads the rates of step -1 (0)
    expect(post.r[0]).to.equal(0);
    net.simulate(1); // step 2 reads the rates pushed in step 0: 2 * 1 through the new synapse
    expect(post.r[0]).to.equal(2);
  });

  it('refuses bad conditions with a ModelError naming the synapse, the section and the symbol', () => {
    const err = (o: ConstructorParameters<typeof Synapse>[0], connect = allToAll): ModelError => {
      try {
        build(new Synapse({ name: 'SP', ...o }), connect);
      } catch (e) {
        expect(e).to.be.instanceOf(ModelError);
        return e as ModelError;
      }
      throw new Error('expected a ModelError');
    };
    const check = (e: ModelError, section: string, symbol: string, re: RegExp) => {
      expect([e.model, e.section, e.symbol]).to.deep.equal(['SP', section, symbol]);
      expect(e.message).to.match(re);
    };
    check(err({ pruning: 'pre.r > 0 : prob = 0.5' }), 'pruning', 'prob', /unknown pruning flag "prob"/);
    check(err({ pruning: 'pre.r > 0 : w = 0.5' }), 'pruning', 'w', /unknown pruning flag "w"/);
    check(err({ creating: 'pre.r > 0 : proba = p' }), 'creating', 'proba', /must be a number, got "p"/);
    check(err({ creating: 'pre.r > 0 : proba = 0.5, proba = 0.2' }), 'creating', 'proba', /given twice/);
    check(err({ creating: 'w > 0.5' }), 'creating', 'w', /cannot read the per-synapse attribute "w"/);
    check(err({ pruning: 'Uniform(0, 1) < 0.5' }), 'pruning', 'Uniform', /random distributions are not supported/);
    check(err({ pruning: 'foo < 0.5' }), 'pruning', 'foo', /foo/);
    check(err({ creating: 'pre.v > 0.5' }), 'creating', 'pre.v', /pre\.v/);
  });

  it('needs setup({ structuralPlasticity: true }) (an error, as 4.7.3), a compiled network and a defined condition', () => {
    expect(() => build(new Synapse({ name: 'P', pruning: 'pre.r > 0' }), allToAll, 2, 2, false)).to.throw(ModelError, /structural_plasticity" has not been set to true/);
    const { proj } = build(new Synapse({ pruning: 'pre.r > 0' }), allToAll);
    expect(() => proj.startCreating()).to.throw(/does not define a 'creating' argument/);
    expect(() => proj.stopCreating()).to.throw(/does not define a 'creating' argument/);
    expect(() => proj.startPruning({ period: 0.5 })).to.throw(/period must be at least dt \(1 ms\)/);
    expect(() => proj.startPruning({ period: 2, offset: 1 } as never)).to.throw(/unknown option "offset"/);
    const net = new Network({ structuralPlasticity: true });
    const a = new Population(2, Input, { network: net });
    const p = new Projection(a, a, 'exc', new Synapse({ creating: 'pre.r > 0' })).connectAllToAll({ weights: 1 });
    expect(() => p.startCreating()).to.throw(/not compiled/);
  });
});
