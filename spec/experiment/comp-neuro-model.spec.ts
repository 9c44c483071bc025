import { expect } from 'chai';
import { CompNeuroModel, cnpClear } from '../../src/experiment/comp-neuro-model.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { currentNetwork } from '../../src/engine/magic-network.js';
import { HHmodelBischop, HHmodelCorbit } from '../../src/models/full/hh-single-pop-models.js';
import { Neuron } from '../../src/language/neuron.js';

const Rate = new Neuron({ parameters: 'tau = 10.0 : population\n r = 0', equations: 'x = sum(exc)', name: 'rate' });

function capture(fn: () => void): string[] {
  const out: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => { out.push(a.map(String).join(' ')); };
  try { fn(); } finally { console.log = log; }
  return out;
}

describe('experiment: CompNeuroModel (compneuropy-semantics §5.1)', () => {
  beforeEach(() => cnpClear());
  after(() => cnpClear());

  it('names unnamed models "model<N>" counting every model initialised so far', () => {
    const n = Object.keys(CompNeuroModel.initializedModels).length;
    const m = new CompNeuroModel({ modelCreationFunction: () => {}, doCreate: false });
    expect(m.name).to.equal(`model${n}`);
    const named = new CompNeuroModel({ modelCreationFunction: () => {}, name: `named${n}`, doCreate: false });
    expect(named.name).to.equal(`named${n}`);
    expect(new CompNeuroModel({ modelCreationFunction: () => {}, doCreate: false }).name).to.equal(`model${n + 2}`);
  });

  it('create() records the compartments the function added, compiles, and refuses a second create', () => {
    new Population(1, Rate, 'before');
    const m = new CompNeuroModel({
      modelCreationFunction: ({ size }: { size: number }) => {
        const a = new Population(size, Rate, 'a');
        const b = new Population(size, Rate, 'b');
        new Projection(a, b, 'exc', undefined, 'a_b').connectAllToAll({ weights: 0.5 });
      },
      modelKwargs: { size: 3 },
      name: 'two_pops',
    });
    expect(m.populations).to.deep.equal(['a', 'b']);
    expect(m.projections).to.deep.equal(['a_b']);
    expect(m.created).to.equal(true);
    expect(m.compiled).to.equal(true);
    expect(currentNetwork().compiled).to.equal(true);
    expect(capture(() => m.create())).to.deep.equal(['model two_pops already created!']);
  });

  it('compile() before create() fails with CompNeuroPy\'s message; warns about models not created', () => {
    const m = new CompNeuroModel({ modelCreationFunction: () => { new Population(1, Rate, 'p'); }, name: 'late', doCreate: false });
    expect(() => m.compile()).to.throw('ERROR during compile of model late: Only compile the model after it has been created!');
    new CompNeuroModel({ modelCreationFunction: () => {}, name: 'never_created', doCreate: false });
    const out = capture(() => m.create());
    expect(out.join('\n')).to.include('WARNING during compile of model late: There are initialized models which are not created, thus not compiled! models:');
    expect(out.join('\n')).to.include('never_created');
  });

  it('attributeDf lists every attribute ("[min, max]" when values differ) and setParam marks rows modified', () => {
    const m = new CompNeuroModel({ modelCreationFunction: () => { new Population(2, Rate, 'p'); }, name: 'df' });
    m.setParam('p', 'tau', 20);
    const rows = m.attributeDf.objects() as Record<string, string>[];
    const tau = rows.find((r) => r.attribute_name === 'tau')!;
    expect(tau).to.deep.include({ compartment_type: 'population', compartment_name: 'p', value: '20.0', definition: 'modified' });
    expect(rows.find((r) => r.attribute_name === 'x')).to.deep.include({ value: '0.0', definition: 'init' });
    expect(() => m.setParam('elsewhere', 'tau', 1)).to.throw(/not part of the model/);
  });

  it('HHmodelBischop creates population "HH_Bischop" of one neuron with v = -68 at compile', () => {
    const m = new HHmodelBischop();
    expect(m.name).to.equal('single_HH_Bischop');
    expect(m.populations).to.deep.equal(['HH_Bischop']);
    expect(Array.from(currentNetwork().getPopulation('HH_Bischop').v)).to.deep.equal([-68]);
  });

  it('HHmodelCorbit and the conductance-synapse variants name their populations as CompNeuroPy', () => {
    const c = new HHmodelCorbit({ popSize: 3 });
    expect(c.name).to.equal('single_HH_Corbit');
    expect(c.populations).to.deep.equal(['HH_Corbit']);
    expect(currentNetwork().getPopulation('HH_Corbit').size).to.equal(3);
    const s = new HHmodelBischop({ conductanceBasedSynapses: true, name: 'syn_variant' });
    expect(s.populations).to.deep.equal(['HH_Bischop_syn']);
    expect(currentNetwork().getPopulation('HH_Bischop_syn').targets).to.have.members(['ampa', 'gaba']);
  });
});
