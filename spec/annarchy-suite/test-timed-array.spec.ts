// Port of ANNarchy 4.7.3 tests/Interface/test_TimedArray.py (model strings and expected values).
import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { TimedArray } from '../../src/engine/special/timed-array.js';
import { Neuron } from '../../src/language/neuron.js';
import { assertAllclose } from './helpers.js';

/** The 10 x 10 identity: row k drives neuron k. */
const identity = () => Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 1 : 0)));

describe('test_TimedArray', () => {
  let net: Network;
  let output: Population;
  before(() => {
    const inputs = identity();
    const SimpleNeuron = new Neuron({ equations: `
      r = sum(exc)
      r2 = sum(exc2)
      r3 = sum(exc3)
      r4 = sum(exc4)` });
    net = new Network();
    const inp = new TimedArray(inputs, { network: net });
    const inp2 = new TimedArray(inputs, { schedule: 10.0, network: net });
    const inp3 = new TimedArray(inputs, { period: 10.0, network: net });
    const inp4 = new TimedArray(inputs, { schedule: 2.0, period: 20.0, network: net });
    output = new Population(10, SimpleNeuron, { network: net });
    new Projection(inp, output, 'exc').connectOneToOne({ weights: 1.0 });
    new Projection(inp2, output, 'exc2').connectOneToOne({ weights: 1.0 });
    new Projection(inp3, output, 'exc3').connectOneToOne({ weights: 1.0 });
    new Projection(inp4, output, 'exc4').connectOneToOne({ weights: 1.0 });
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_compile', () => {
    expect(net.compiled).to.equal(true);
  });
  it('test_run_one_loop', () => {
    net.simulate(11);
    assertAllclose(output.r, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
  it('test_more_steps', () => {
    net.simulate(12);
    assertAllclose(output.r, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
  it('test_run_one_schedule', () => {
    net.simulate(11);
    net.simulate(10);
    assertAllclose(output.r2, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('test_run_one_period', () => {
    net.simulate(12);
    assertAllclose(output.r3, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('test_run_one_period_one_schedule', () => {
    net.simulate(25);
    assertAllclose(output.r4, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('test_TimedArrayUpdate', () => {
  const overwrite = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 1 : i + j === 9 ? 2 : 0)));
  let net: Network;
  let input: TimedArray;
  let input2: TimedArray;
  let output: Population;
  before(() => {
    const SimpleNeuron = new Neuron({ equations: 'r = sum(exc_1) + sum(exc_2)' });
    net = new Network();
    input = new TimedArray(identity(), { network: net });
    input2 = new TimedArray(identity(), { schedule: 2.0, network: net });
    output = new Population(10, SimpleNeuron, { network: net });
    new Projection(input, output, 'exc_1').connectOneToOne({ weights: 1.0 });
    new Projection(input2, output, 'exc_2').connectOneToOne({ weights: 1.0 });
    net.compile();
  });
  beforeEach(() => net.reset());

  it('test_compile', () => {
    expect(net.compiled).to.equal(true);
  });
  it('test_run_one_loop', () => {
    net.simulate(5);
    input.update(overwrite);
    net.simulate(6);
    assertAllclose(output.sum('exc_1'), [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
  it('test_run_one_loop_and_period', () => {
    net.simulate(5);
    input2.update(overwrite, { schedule: 2.0 });
    net.simulate(6);
    assertAllclose(output.sum('exc_2'), [0, 0, 0, 0, 1, 2, 0, 0, 0, 0]);
  });
});
