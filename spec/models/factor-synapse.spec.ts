import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import { FactorSynapse, factorSynapse, factorSynapseWithoutMax } from '../../src/models/factor-synapse.js';

// three sources spiking together at step 1 (counter c = 2), one receiver reading g_ampa
const source = new Neuron({ equations: 'c = c + 1', spike: 'c == 2', name: 'factor test source' });
const receiver = new Neuron({ equations: 'dv/dt = -v + g_ampa', spike: 'v > 1e9', name: 'factor test receiver' });

function gAmpaTrace(syn: FactorSynapse, set: Record<string, number> = {}, weight = 1): number[] {
  const net = new Network({ dt: 1 });
  const src = new Population(3, source, { network: net });
  const post = new Population(1, receiver, { network: net });
  const proj = new Projection(src, post, 'ampa', syn);
  proj.connectAllToAll({ weights: weight });
  for (const [k, v] of Object.entries(set)) proj[k] = v;
  const m = new Monitor(post, ['g_ampa']);
  net.compile();
  net.simulate(4);
  return Array.from((m.get('g_ampa') as RecordedArray).data);
}

describe('models: FactorSynapse (compneuropy-semantics §8.6)', () => {
  it('declares max_trans only when given and mod_factor, both per synapse, and g_target += w * mod_factor', () => {
    expect(factorSynapse.name).to.equal('factor_synapse');
    const own = (s: FactorSynapse) => s.analyse().parameters.filter((p) => p.name !== 'w').map((p) => [p.name, p.init, p.locality]);
    expect(own(factorSynapse)).to.deep.equal([['max_trans', 0, 'local'], ['mod_factor', 0, 'local']]);
    expect(own(factorSynapseWithoutMax)).to.deep.equal([['mod_factor', 0, 'local']]);
    expect(new FactorSynapse({ max_trans: 3, mod_factor: 2 }).preSpike!.trim()).to.equal('g_target += w * mod_factor : max = max_trans');
    expect(factorSynapseWithoutMax.preSpike!.trim()).to.equal('g_target += w * mod_factor');
    expect(factorSynapse.spiking).to.equal(true);
  });

  it('transmits w * mod_factor per spike (3 spikes x 0.5 x 2 = 3) without a ceiling', () => {
    expect(gAmpaTrace(new FactorSynapse({ mod_factor: 2 }), {}, 0.5)).to.deep.equal([0, 0, 3, 0]);
  });

  it('clips g at max_trans after the increments', () => {
    expect(gAmpaTrace(new FactorSynapse({ max_trans: 2.5, mod_factor: 2 }), {}, 0.5)).to.deep.equal([0, 0, 2.5, 0]);
  });

  it('the factor_synapse instance (max_trans = 0) transmits nothing until the projection sets max_trans', () => {
    expect(gAmpaTrace(factorSynapse, { mod_factor: 1 })).to.deep.equal([0, 0, 0, 0]);
    expect(gAmpaTrace(factorSynapse, { mod_factor: 1.85, max_trans: 5 })).to.deep.equal([0, 0, 5, 0]);
    expect(gAmpaTrace(factorSynapse, { mod_factor: 1, max_trans: 700 })).to.deep.equal([0, 0, 3, 0]);
  });

  it('rejects bad options', () => {
    expect(() => new FactorSynapse({ max_trans: Number.NaN })).to.throw(/FactorSynapse: option "max_trans" must be a finite number or null/);
    expect(() => new FactorSynapse({ modFactor: 1 } as never)).to.throw(/FactorSynapse: unknown option "modFactor"/);
  });
});
