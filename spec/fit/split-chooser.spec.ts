import { expect } from 'chai';
import { SPLIT_MIN_GENERATIONS, SPLIT_MIN_RUN_MS, SplitChooser, type SplitDecision } from '../../src/fit/split-chooser.js';

/**
 * Runs `gens` generations with fixed costs per way; returns the ways taken and the decisions.
 * `planned`: the generations the run announces (default: unbounded).
 */
function drive(chooser: SplitChooser, gens: number, cost: { split: number; thread: number }, ready = (_g: number) => true, planned = Infinity) {
  const ways: boolean[] = [];
  const decisions: SplitDecision[] = [];
  for (let g = 0; g < gens; g++) {
    const split = chooser.next(ready(g), planned - g);
    ways.push(split);
    const d = chooser.record(split, split ? cost.split : cost.thread);
    if (d) decisions.push(d);
  }
  return { ways, decisions };
}

describe('fit/split-chooser (split a generation over the pool, or evaluate it in the calling thread)', () => {
  it('a generation cheaper than the hand-over stays in the calling thread after 2 + 3 + 3 probing generations', () => {
    const { ways, decisions } = drive(new SplitChooser('auto'), 40, { split: 2, thread: 1 });
    // 2 in the calling thread, 3 split, 3 in the calling thread again (the first after a change not timed)
    expect(ways.slice(0, 9)).to.deep.equal([false, false, true, true, true, false, false, false, false]);
    expect(decisions[0]).to.deep.equal({ generation: 9, split: false, reason: 'measured', splitMs: 2, callingThreadMs: 1 });
    // re-checks cost at most ~5% of the run: 3 split generations (6 ms) after >= 120 ms of others
    expect(ways.slice(5).filter(Boolean)).to.have.length(0);
    const long = drive(new SplitChooser('auto'), 400, { split: 2, thread: 1 });
    const rechecked = long.ways.slice(5).filter(Boolean).length;
    expect(rechecked).to.be.within(3, 9);
    expect(long.decisions).to.have.length(1);
  });

  it('a heavy generation is split from generation 9 on; a slower calling thread never wins a tie', () => {
    const { ways, decisions } = drive(new SplitChooser('auto'), 30, { split: 5, thread: 9 });
    expect(decisions[0]).to.deep.equal({ generation: 9, split: true, reason: 'measured', splitMs: 5, callingThreadMs: 9 });
    expect(ways.slice(8, 25).every(Boolean)).to.equal(true);
    const tie = drive(new SplitChooser('auto'), 10, { split: 3, thread: 3 });
    expect(tie.decisions[0]!.split).to.equal(false);
    // a split measured only a little faster (10 %) is noise on a busy machine: the calling thread keeps it
    const close = drive(new SplitChooser('auto'), 10, { split: 0.9, thread: 1 });
    expect(close.decisions[0]!.split).to.equal(false);
    const clear = drive(new SplitChooser('auto'), 10, { split: 0.8, thread: 1 });
    expect(clear.decisions[0]!.split).to.equal(true);
  });

  it('does not wait for the threads to build: the calling thread evaluates until they are ready', () => {
    const { ways, decisions } = drive(new SplitChooser('auto'), 13, { split: 1, thread: 4 }, (g) => g >= 6);
    expect(ways.slice(0, 6).some(Boolean)).to.equal(false);
    expect(ways.slice(6, 12)).to.deep.equal([true, true, true, false, false, false]);
    expect(decisions[0]!.generation).to.equal(13);
  });

  it('a forced way is kept and reported once', () => {
    for (const mode of [true, false]) {
      const c = new SplitChooser(mode);
      expect(c.forced()).to.deep.equal({ generation: 1, split: mode, reason: 'forced', splitMs: NaN, callingThreadMs: NaN });
      const { ways, decisions } = drive(c, 50, { split: 9, thread: 1 });
      expect(ways.every((w) => w === mode)).to.equal(true);
      expect(decisions).to.have.length(0);
    }
    expect(new SplitChooser('auto').forced()).to.equal(undefined);
  });
});

describe('fit/split-chooser: runs too short to probe the split', () => {
  it(`a run with fewer than ${SPLIT_MIN_GENERATIONS} generations left after the first probes stays in the calling thread and wants no threads`, () => {
    const chooser = new SplitChooser('auto');
    const wanted: boolean[] = [];
    const ways: boolean[] = [];
    const decisions: SplitDecision[] = [];
    for (let g = 0; g < 100; g++) {
      const split = chooser.next(true, 100 - g);
      wanted.push(chooser.wantsThreads);
      ways.push(split);
      const d = chooser.record(split, 20);
      if (d) decisions.push(d);
    }
    expect(ways.some(Boolean)).to.equal(false);
    expect(wanted.some(Boolean)).to.equal(false);
    expect(decisions).to.deep.equal([{ generation: 3, split: false, reason: 'short', splitMs: NaN, callingThreadMs: 20 }]);
  });

  it('the bounds: generations left, and the calling thread\'s time for them', () => {
    // generation 3 is the first split probe: it has planned - 2 generations left
    const at = (planned: number, threadMs: number) => drive(new SplitChooser('auto'), 10, { split: threadMs / 2, thread: threadMs }, () => true, planned);
    expect(at(SPLIT_MIN_GENERATIONS + 2, 50).ways[2]).to.equal(true);
    expect(at(SPLIT_MIN_GENERATIONS + 1, 50).decisions[0]).to.deep.include({ generation: 3, reason: 'short' });
    // 1000 generations of 1 ms: a second, just enough; of 0.9 ms: not
    const ms = SPLIT_MIN_RUN_MS / 1000;
    expect(at(1002, ms).ways[2]).to.equal(true);
    expect(at(1002, 0.9 * ms).decisions[0]).to.deep.include({ generation: 3, split: false, reason: 'short' });
  });

  it('the threads are wanted from the first split probe on; a chosen calling thread re-checks the split only while it could pay', () => {
    const chooser = new SplitChooser('auto');
    const wanted: boolean[] = [];
    // 5 ms in this thread, 10 ms split, 400 generations (2 s): probed, the calling thread wins at generation 9
    for (let g = 0; g < 400; g++) {
      const split = chooser.next(true, 400 - g);
      wanted.push(chooser.wantsThreads);
      chooser.record(split, split ? 10 : 5);
    }
    expect(wanted.slice(0, 2)).to.deep.equal([false, false]);
    expect(wanted.slice(2).every(Boolean)).to.equal(true);
    // 4000 generations of 1 ms: re-checks (after >= 120 ms of others each), none once fewer than
    // 1000 generations (1 s) are left
    const longer = drive(new SplitChooser('auto'), 4000, { split: 2, thread: 1 }, () => true, 4000);
    expect(longer.ways.slice(8).filter(Boolean).length).to.be.above(0);
    expect(longer.ways.slice(4000 - SPLIT_MIN_RUN_MS + 1).some(Boolean)).to.equal(false);
    expect(longer.ways.slice(4000 - SPLIT_MIN_RUN_MS - 400, 4000 - SPLIT_MIN_RUN_MS).some(Boolean)).to.equal(true);
  });
});

describe('fit/split-chooser: cold first generations', () => {
  it('times the calling thread again once warm: a slow first generation does not make a slower split win', () => {
    const chooser = new SplitChooser('auto');
    const ways: boolean[] = [];
    let decision: SplitDecision | undefined;
    // the first generation compiles (10 ms), later ones in the calling thread take 1 ms, split ones 1.5 ms
    for (let g = 0; g < 12 && !decision; g++) {
      const split = chooser.next(true);
      ways.push(split);
      decision = chooser.record(split, split ? 1.5 : g === 0 ? 10 : 1);
    }
    expect(decision).to.deep.include({ split: false, splitMs: 1.5, callingThreadMs: 1 });
  });
});
