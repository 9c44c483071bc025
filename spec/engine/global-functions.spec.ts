import { expect } from 'chai';
import {
  clear, setup, setSeed, compile, simulate, getTime, setTime, getCurrentStep, dt, getPopulation, populations, reset,
} from '../../src/engine/global-functions.js';
import { Uniform } from '../../src/engine/random/random-distribution.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';

describe('engine: global network functions', () => {
  afterEach(() => clear());

  it('simulate runs ceil(ms/dt) steps in doubles: ceil(0.07/0.01) = ceil(7.000000000000001) = 8 (annarchy-semantics §2.9)', () => {
    clear();
    setup({ dt: 0.01 });
    new Population(1, new Neuron({ parameters: 'r = 0', equations: 'dv/dt = 1' }), 'p');
    simulate(0.07);
    expect(getCurrentStep()).to.equal(8);
    simulate(3.0); // 3.0/0.01 = 300 exactly
    expect(getCurrentStep()).to.equal(308);
    setup({ dt: 0.01 });
    expect(dt()).to.equal(0.01);
  });

  it("setSeed (ANNarchy's set_seed) reseeds numpy's generator: Uniform(0, 1) after setSeed(42) is numpy's seed(42); uniform(0, 1, 3)", () => {
    clear();
    setup({ dt: 0.1 });
    setSeed(42);
    const p = new Population(3, new Neuron({ equations: 'r = 0\n dv/dt = 0' }), 'p');
    p.v = new Uniform(0, 1);
    expect(Array.from(p.v as Float64Array)).to.deep.equal([0.3745401188473625, 0.9507143064099162, 0.7319939418114051]);
    expect(() => setSeed(1.5)).to.throw(/setSeed: seed must be an integer, got 1.5/);
  });

  it('setTime truncates: int(0.3/0.1) = int(2.9999999999999996) = 2 steps', () => {
    clear();
    setup({ dt: 0.1 });
    setTime(0.3);
    expect(getCurrentStep()).to.equal(2);
  });

  it('reset returns to the values set before compile and to time 0', () => {
    clear();
    setup({ dt: 1.0 });
    const p = new Population(1, new Neuron({ parameters: 'r = 0', equations: 'dv/dt = 1 : init=5' }), 'p');
    p.v = 7; // before compile: becomes the reset state
    compile();
    simulate(3);
    expect(p.v[0]).to.equal(10);
    reset();
    expect(p.v[0]).to.equal(7);
    expect(getTime()).to.equal(0);
  });

  it('getPopulation throws for an unknown name, listing the populations (ANNarchy returns None)', () => {
    clear();
    new Population(1, new Neuron({ parameters: 'r = 0' }), 'known');
    expect(getPopulation('known').name).to.equal('known');
    expect(populations().map((x) => x.name)).to.deep.equal(['known']);
    expect(() => getPopulation('nope')).to.throw(/no population named "nope"; populations: known/);
  });

  it('setup rejects unknown options and bad values', () => {
    expect(() => setup({ dt: -1 })).to.throw(/dt must be a positive number/);
    expect(() => setup({ foo: 1 } as never)).to.throw(/unknown option "foo"/);
  });
});
