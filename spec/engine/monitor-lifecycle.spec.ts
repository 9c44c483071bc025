import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import type { RecordedArray } from '../../src/engine/recorded-array.js';

// Monitor life cycle and times() as ANNarchy 4.7.3's core/Monitor.py (source): `_add_variable`
// starts a timing {start: [now], stop: [None]} at compile (and in start(variables), reset());
// pause() closes the last period, resume() opens one; get() closes the window, makes it the one
// times() reports and, without keep, opens a new one; the global reset() sets t = 0 first and
// then resets every monitor.

// x = t: each sample carries the time of its step; g counts steps, population-wide
const Clock = new Neuron({ equations: 'x = t\n g = g + 1 : population\n r = x' });

function net() {
  const network = new Network({ dt: 1 });
  const pop = new Population(3, Clock, { network });
  return { network, pop };
}

/** The run: record x, simulate(5), pause, simulate(3), resume, simulate(2). */
function pausedAndResumed() {
  const { network, pop } = net();
  const m = new Monitor(pop, 'x');
  network.simulate(5);
  m.pause();
  network.simulate(3);
  m.resume();
  network.simulate(2);
  return { network, m };
}

describe('engine: Monitor life cycle and times() (ANNarchy 4.7.3)', () => {
  it("the issue's example: pause, resume, global reset(): timings restart at step 0", () => {
    const { network, m } = pausedAndResumed();
    network.reset();
    expect(m.times()).to.deep.equal({ x: { start: [0], stop: [null] } });
    network.simulate(4);
    const x = m.get('x') as RecordedArray;
    expect(Array.from(x.column(0))).to.deep.equal([0, 1, 2, 3]);
    expect(m.times()).to.deep.equal({ x: { start: [0], stop: [4] } });
  });

  it('without reset: times() lists the periods of the data get() returned', () => {
    const { network, m } = pausedAndResumed();
    expect(Array.from((m.get('x') as RecordedArray).column(1))).to.deep.equal([0, 1, 2, 3, 4, 8, 9]);
    expect(m.times()).to.deep.equal({ x: { start: [0, 8], stop: [5, 10] } });
  });

  it('get() without keep starts a new window; with keep the window goes on', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, 'x');
    network.simulate(5);
    m.get('x');
    expect(m.times('x')).to.deep.equal({ x: { start: [0], stop: [5] } });
    network.simulate(3);
    expect((m.get('x') as RecordedArray).length).to.equal(3);
    expect(m.times('x')).to.deep.equal({ x: { start: [5], stop: [8] } });
    network.simulate(2);
    expect((m.get('x', { keep: true }) as RecordedArray).length).to.equal(2);
    expect(m.times('x')).to.deep.equal({ x: { start: [8], stop: [10] } });
    network.simulate(1);
    expect(Array.from((m.get('x') as RecordedArray).column(0))).to.deep.equal([8, 9, 10]);
    expect(m.times('x')).to.deep.equal({ x: { start: [8], stop: [11] } });
    expect(() => m.times('v')).to.throw(/"v" is not recorded; recorded: x/);
  });

  it('Monitor.reset() drops the data and opens a window at the current step (stop [null])', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, 'x');
    network.simulate(4);
    m.reset();
    expect(m.times()).to.deep.equal({ x: { start: [4], stop: [null] } });
    network.simulate(2);
    expect(Array.from((m.get('x') as RecordedArray).column(0))).to.deep.equal([4, 5]);
    expect(m.times()).to.deep.equal({ x: { start: [4], stop: [6] } });
  });

  it('start: false, then start(): records from the start() call; as in 4.7.3, times() does not mark that call', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, 'x', { start: false });
    network.compile();
    network.simulate(3);
    expect((m.get('x') as RecordedArray).length).to.equal(0);
    network.simulate(2);
    m.start();
    network.simulate(2);
    expect(Array.from((m.get('x') as RecordedArray).column(0))).to.deep.equal([5, 6]);
    // the window opened by the get() at step 3 (4.7.3's start() without variables leaves timings alone)
    expect(m.times()).to.deep.equal({ x: { start: [3], stop: [7] } });
  });

  it('start(variables) adds variables whose timing starts now', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, 'x', { start: false });
    network.simulate(3);
    m.start('r');
    network.simulate(2);
    expect(m.variables).to.deep.equal(['x', 'r']);
    const got = m.get() as Record<string, RecordedArray>;
    expect(Array.from(got.r!.column(2))).to.deep.equal([3, 4]);
    expect(m.times()).to.deep.equal({ x: { start: [0], stop: [5] }, r: { start: [3], stop: [5] } });
  });

  it('a monitor created after compile starts its timing at its creation step', () => {
    const { network, pop } = net();
    network.simulate(6);
    const m = new Monitor(pop, 'x');
    network.simulate(2);
    m.get();
    expect(m.times()).to.deep.equal({ x: { start: [6], stop: [8] } });
  });

  it('a population-wide variable is recorded as [samples] (one value per sample), also from a view', () => {
    const { network, pop } = net();
    const m = new Monitor(pop, ['g', 'x']);
    const mv = new Monitor(pop.slice(1, 3), ['g', 'x']);
    network.simulate(3);
    const g = m.get('g') as RecordedArray;
    expect(g.shape).to.deep.equal([3]);
    expect(Array.from(g.data)).to.deep.equal([1, 2, 3]);
    expect((m.get('x') as RecordedArray).shape).to.deep.equal([3, 3]);
    const gv = mv.get('g') as RecordedArray;
    expect(gv.shape).to.deep.equal([3]);
    expect(Array.from(gv.data)).to.deep.equal([1, 2, 3]);
    expect((mv.get('x') as RecordedArray).shape).to.deep.equal([3, 2]);
  });
});
