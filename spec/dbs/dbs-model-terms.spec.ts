import { expect } from 'chai';
import { Neuron } from '../../src/language/neuron.js';
import { defaultRateSynapse, defaultSpikingSynapse, Synapse } from '../../src/language/synapse.js';
import { addDbsToNeuron, addDbsToSynapse, addTermToEquationLine, isDerivativeLine } from '../../src/dbs/dbs-model-terms.js';
import { DBSError } from '../../src/dbs/dbs-error.js';

// Expected strings are CompNeuroPy 1.0.4's (dbs.py, _CreateDBSmodel), applied by hand.
describe('dbs/dbs-model-terms (CompNeuroPy _CreateDBSmodel)', () => {
  it('finds d<var>/dt left of "=" as get_line_is_dvdt / get_line_is_dmpdt do', () => {
    expect(isDerivativeLine('C * dv/dt  = k*(v - v_r)*(v - v_t) - u + I', 'v')).to.equal(true);
    expect(isDerivativeLine('du/dt      = a*(b*(v - v_r) - u)', 'v')).to.equal(false);
    expect(isDerivativeLine('x = dv/dt', 'v')).to.equal(false);
    expect(isDerivativeLine('tau * dmp/dt = -mp + I', 'mp')).to.equal(true);
    expect(isDerivativeLine('mp_r = mp: min=-0.99*sigma', 'mp')).to.equal(false);
  });

  it('adds a term before the flags (CompNeuroPy) and before a comment (a CompNeuroPy bug not copied)', () => {
    // CompNeuroPy: line.split(":")[0] + term, joined again
    expect(addTermToEquationLine('dv/dt = -v : init = -65.0', ' + X')).to.equal('dv/dt = -v  + X: init = -65.0');
    expect(addTermToEquationLine('dv/dt = -v', ' + X')).to.equal('dv/dt = -v + X');
    // CompNeuroPy gives 'dv/dt = -v # mV + X': the term ends up in the comment
    expect(addTermToEquationLine('dv/dt = -v # mV', ' + X')).to.equal('dv/dt = -v + X # mV');
    expect(addTermToEquationLine('dv/dt = -v : min=-90 # comment: mV', ' + X')).to.equal('dv/dt = -v  + X: min=-90 # comment: mV');
  });

  it('gives a spiking neuron the DBS parameters, uniform variables, depolarisation term and axonal spike/reset', () => {
    const n = new Neuron({
      parameters: 'C = 100 : population\nc = -50\nd = 100',
      equations: 'C * dv/dt = -v - u\ndu/dt = -u',
      spike: 'v >= 30', reset: 'v = c\nu = u + d', name: 'izh', description: 'simple',
    });
    const d = addDbsToNeuron(n);
    expect(d.parameters).to.equal('C = 100 : population\nc = -50\nd = 100\ndbs_depolarization = 0 : population\ndbs_on = 0\nantidromic = 0 : population\nantidromic_prob = 0 : population\nprob_axon_spike = 0 : population');
    expect(d.equations).to.equal('unif_var_dbs2 = Uniform(0.0, 1.0)\nunif_var_dbs1 = Uniform(0.0, 1.0)\nC * dv/dt = -v - u + pulse(t)*dbs_on*dbs_depolarization*neg(-90 - v)\ndu/dt = -u');
    expect(d.axonSpike).to.equal('pulse(t)*dbs_on*unif_var_dbs1 > 1-prob_axon_spike');
    expect(d.axonReset).to.equal('v += ite(unif_var_dbs2 < antidromic_prob, dbs_on*antidromic*(-v + c), 0)\nu += ite(unif_var_dbs2 < antidromic_prob, dbs_on*antidromic*d, 0)');
    expect([d.spike, d.reset, d.name]).to.deep.equal([n.spike, n.reset, 'izh']);
    expect(d.description).to.equal('simple\nWith DBS mechanisms implemented.');
  });

  it('gives a rate-coded neuron dbs_depolarization, dbs_on, axon_rate_amp, axon_rate and the mp term', () => {
    const n = new Neuron({ parameters: 'tau = 10.0 : population', equations: 'tau * dmp/dt = -mp + sum(exc)\nr = pos(mp)' });
    const d = addDbsToNeuron(n);
    expect(d.parameters).to.equal('tau = 10.0 : population\ndbs_depolarization = 0 : population\ndbs_on = 0\naxon_rate_amp = 1.0 : population # equivalent to prob_axon_spike in spiking model');
    expect(d.equations).to.equal('tau * dmp/dt = -mp + sum(exc) + pulse(t)*dbs_on*dbs_depolarization*neg(-1 - mp)\nr = pos(mp)\naxon_rate = axon_rate_amp*dbs_on # equivalent to axon_spike in spiking model');
  });

  it('refuses neurons without dv/dt (spiking) or dmp/dt (rate-coded) with a DBSError', () => {
    const lif = new Neuron({ equations: 'tau * dx/dt = -x', parameters: 'tau = 10', spike: 'x > 1', reset: 'x = 0', name: 'LIFx' });
    expect(() => addDbsToNeuron(lif)).to.throw(DBSError, /LIFx.*no line with dv\/dt.*Izhikevich/);
    expect(() => addDbsToNeuron(new Neuron({ equations: 'r = 1' }))).to.throw(DBSError, /dmp\/dt/);
  });

  it('gives spiking synapses p_axon_spike_trans, a uniform variable and pre_axon_spike', () => {
    const s = addDbsToSynapse(defaultSpikingSynapse(), true);
    expect(s.parameters).to.equal('\np_axon_spike_trans=0 : projection');
    expect(s.equations.split('\n')[0]).to.equal('unif_var_dbs = Uniform(0., 1.)');
    expect(s.preAxonSpike).to.equal('g_target+=ite(unif_var_dbs<p_axon_spike_trans,w*post.dbs_on,0)');
    expect(s.preSpike).to.equal('g_target += w');
  });

  it('replaces pre.r by pre_rate in the psp of rate-coded synapses (not in their equations, as CompNeuroPy)', () => {
    const s = addDbsToSynapse(defaultRateSynapse(), false);
    expect(s.psp).to.equal('w * pre_rate');
    expect(s.equations.split('\n')[0]).to.equal('pre_rate = pre.r + p_axon_spike_trans*pre.axon_rate*post.dbs_on');
    const hebb = addDbsToSynapse(new Synapse({ equations: 'dw/dt = pre.r * post.r', psp: 'w * pre.r * 2' }), false);
    expect(hebb.psp).to.equal('w * pre_rate * 2');
    expect(hebb.equations).to.equal('pre_rate = pre.r + p_axon_spike_trans*pre.axon_rate*post.dbs_on\ndw/dt = pre.r * post.r');
    // a synapse without psp transmits w*pre.r (ANNarchy's default)
    expect(addDbsToSynapse(new Synapse({}), false).psp).to.equal('w * pre_rate');
  });
});
