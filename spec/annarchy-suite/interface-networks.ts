// Port of ANNarchy 4.7.3 tests/Interface/networks.py (model strings as in the original).
import { Monitor } from '../../src/engine/monitor.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Uniform } from '../../src/engine/random/index.js';
import { Constant } from '../../src/language/constant.js';
import { addFunction } from '../../src/language/global-functions.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import { Hebb, IF_curr_exp, STDP, STP } from '../../src/models/annarchy/index.js';

/** define_rate_net(): the network, pop2, proj2 and proj3. */
export function defineRateNet(): [Network, Population, Projection, Projection] {
  new Constant('mu', 0.2);
  addFunction('fa(x) = 2/(x*x)');
  const DefaultNeuron = new Neuron({
    parameters: `
      tau = 10.0 : population
      baseline = 1.0 : population
      condition = True`,
    equations: `
      noise = Uniform(-0.1, 0.1)
      tau * dmp/dt + mp = fa(sum(exc)) +  neg(- fb(sum(inh)))
                          + baseline + noise : implicit
      r = pos(mp)`,
    functions: `
      fb(x) = if x>0: x else:x/2`,
  });
  const emptyNeuron1 = new Neuron({ equations: 'r=0' });
  const emptyNeuron2 = new Neuron({ parameters: 'r=0' });
  const Oja = new Synapse({
    parameters: `
      eta = 10.0
      tau = 10.0 : projection`,
    equations: `
      tau * dalpha/dt + alpha = pos(post.r - 1.0) : postsynaptic
      eta * dw/dt = pre.r * post.r - alpha * post.r^2 * w : min=0.0
      mu * dx/dt = pre.sum(exc) * post.sum(exc)`,
    psp: `
      w * pre.r`,
  });
  const network = new Network();
  const pop1 = new Population(1, emptyNeuron1, { name: 'pop1', network });
  const pop2 = new Population(1, DefaultNeuron, { name: 'pop2', network });
  const pop3 = new Population([2, 2], emptyNeuron2, { name: 'pop3', network });
  new Projection(pop1, pop2, 'exc').connectOneToOne({ weights: new Uniform(-0.5, 0.5) });
  const proj2 = new Projection(pop1, pop3, 'exc', new Hebb()).connectAllToAll({ weights: 1.0 });
  const proj3 = new Projection(pop2, pop3, 'exc', Oja).connectAllToAll({ weights: 1.0 });
  new Monitor(pop2, 'r');
  network.compile();
  return [network, pop2, proj2, proj3];
}

/** define_spike_net(): the network, pop2, proj1 and proj2. */
export function defineSpikeNet(): [Network, Population, Projection, Projection] {
  new Constant('b', 0.2);
  addFunction('f(x) = 5.0 * x + 140');
  const Izhikevich = new Neuron({
    parameters: `
      noise = 0.0
      a = 0.02 : population
      c = -65.0
      d = 8.0
      v_thresh = 30.0
      i_offset = 0.0`,
    equations: `
      I = g_exc - g_inh + noise * Normal(0.0, 1.0) + i_offset
      dv/dt = f2(v) + f(v) - u + I : init = -65.0
          du/dt = a * (b*v - u) : init= -13.0`,
    spike: 'v > v_thresh',
    reset: 'v = c; u += d',
    refractory: 0.0,
    functions: 'f2(x) = 0.04 * x^2',
  });
  const network = new Network();
  const pop1 = new Population(1, new IF_curr_exp(), { name: 'pop1', network });
  const pop2 = new Population(1, Izhikevich, { name: 'pop2', network });
  const pop3 = new Population([2, 2], Izhikevich, { name: 'pop3', network });
  const proj1 = new Projection(pop1, pop2, 'exc', new STDP()).connectOneToOne({ weights: new Uniform(-0.5, 0.5) });
  const proj2 = new Projection(pop2, pop3, 'exc', new STP()).connectAllToAll({ weights: 1.0 });
  new Monitor(pop2, 'r');
  network.compile();
  return [network, pop2, proj1, proj2];
}
