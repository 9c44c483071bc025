import { expect } from 'chai';
import { randomArgumentsProblem } from '../../src/language/random-arguments.js';
import { ModelError } from '../../src/language/model-error.js';
import { Neuron } from '../../src/language/neuron.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';

describe('language: random-distribution arguments (libstdc++ domains)', () => {
  it('accepts the valid domains and names the violated rule otherwise', () => {
    expect(randomArgumentsProblem('Uniform', [0, 0])).to.equal(undefined);
    expect(randomArgumentsProblem('Uniform', [1, 0])).to.match(/min <= max/);
    expect(randomArgumentsProblem('Normal', [0, 1e-300])).to.equal(undefined);
    expect(randomArgumentsProblem('Normal', [0, 0])).to.match(/sigma > 0/);
    expect(randomArgumentsProblem('LogNormal', [0, -1])).to.match(/sigma > 0/);
    expect(randomArgumentsProblem('Gamma', [1, 0])).to.match(/beta > 0/);
    expect(randomArgumentsProblem('DiscreteUniform', [0.5, 2])).to.match(/32-bit integers/);
    expect(randomArgumentsProblem('Binomial', [3, 1.5])).to.match(/p in \[0, 1\]/);
    expect(randomArgumentsProblem('Exponential', [NaN])).to.match(/finite/);
  });

  it('a global parameter changed to an invalid argument after compile: a ModelError naming the statement at the next step', () => {
    const net = new Network({ seed: 1 });
    const pop = new Population(2, new Neuron({ name: 'noisy', parameters: 'sig = 1 : population\n r = 0', equations: 'x = Normal(0, sig)' }), { network: net });
    net.compile();
    net.step();
    (pop as unknown as { sig: number }).sig = 0;
    let err: unknown;
    try { net.step(); } catch (e) { err = e; }
    expect(err).to.be.instanceOf(ModelError);
    expect((err as ModelError).model).to.equal('noisy');
    expect((err as ModelError).line).to.equal(1);
    expect((err as ModelError).message).to.match(/sigma > 0, got sigma = 0/);
  });
});
