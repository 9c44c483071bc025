import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';

// The draw order of ANNarchy 4.7.3's update_rng() (annarchy-semantics §2.5), recomputed here
// from a Mersenne Twister written out in this file and the libstdc++ 12 algorithms as
// documented: every step the distribution objects are new (no cached normal survives a step),
// the population-wide variables are drawn first, then for each neuron i one value of every
// per-neuron variable in declaration order. Nothing here comes from src/engine/random.

/** std::mt19937 from Matsumoto & Nishimura's reference code (init_genrand + genrand_int32). */
class RefMt {
  private readonly mt: number[] = new Array<number>(624);
  private i = 624;
  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let k = 1; k < 624; k++) {
      const p = this.mt[k - 1]! ^ (this.mt[k - 1]! >>> 30);
      this.mt[k] = (Math.imul(1812433253, p) + k) >>> 0;
    }
  }
  next(): number {
    if (this.i >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = ((this.mt[k]! & 0x80000000) | (this.mt[(k + 1) % 624]! & 0x7fffffff)) >>> 0;
        this.mt[k] = (this.mt[(k + 397) % 624]! ^ (y >>> 1) ^ (y % 2 === 1 ? 0x9908b0df : 0)) >>> 0;
      }
      this.i = 0;
    }
    let y = this.mt[this.i++]!;
    y = (y ^ (y >>> 11)) >>> 0;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  }
}

/** generate_canonical<double, 53>: (g1 + g2 * 2^32) / 2^64, below 1. */
function canonical(g: RefMt): number {
  const g1 = g.next();
  const g2 = g.next();
  return Math.min((g1 + g2 * 2 ** 32) / 2 ** 64, 1 - 2 ** -53);
}

/** normal_distribution: Marsaglia polar, returns y * mult and keeps x * mult for the next call. */
function refNormal(mean: number, sd: number): (g: RefMt) => number {
  let saved: number | undefined;
  return (g) => {
    if (saved !== undefined) {
      const v = saved;
      saved = undefined;
      return v * sd + mean;
    }
    for (;;) {
      const x = 2 * canonical(g) - 1;
      const y = 2 * canonical(g) - 1;
      const r2 = x * x + y * y;
      if (r2 > 1 || r2 === 0) continue;
      const mult = Math.sqrt((-2 * Math.log(r2)) / r2);
      saved = x * mult;
      return y * mult * sd + mean;
    }
  };
}

const refUniform = (a: number, b: number) => (g: RefMt) => canonical(g) * (b - a) + a;
const refExponential = (lambda: number) => (g: RefMt) => -Math.log(1 - canonical(g)) / lambda;
const refLognormal = (m: number, s: number) => {
  const n = refNormal(0, 1);
  return (g: RefMt) => Math.exp(s * n(g) + m);
};

/** uniform_int_distribution<int>(a, b) in libstdc++ 12: Lemire's method on the 64-bit product. */
const refDiscrete = (a: number, b: number) => (g: RefMt) => {
  const range = BigInt(b - a + 1);
  let prod = BigInt(g.next()) * range;
  let low = prod & 0xffffffffn;
  if (low < range) {
    const threshold = (2n ** 32n - range) % range;
    while (low < threshold) {
      prod = BigInt(g.next()) * range;
      low = prod & 0xffffffffn;
    }
  }
  return a + Number(prod >> 32n);
};

type Factory = (g: RefMt) => number;

/** Expected values: per step, new objects; globals first, then for i: for k. */
function expected(seed: number, size: number, steps: number, globals: (() => Factory)[], locals: (() => Factory)[]) {
  const g = new RefMt(seed);
  const glob: number[][] = [];
  const loc: number[][][] = locals.map(() => []);
  for (let s = 0; s < steps; s++) {
    glob.push(globals.map((make) => make()(g)));
    const ds = locals.map((make) => make());
    const rows = locals.map(() => new Array<number>(size));
    for (let i = 0; i < size; i++) for (let k = 0; k < ds.length; k++) rows[k]![i] = ds[k]!(g);
    rows.forEach((r, k) => loc[k]!.push(r));
  }
  return { glob, loc };
}

function rows(m: Monitor, name: string): number[][] {
  const a = m.get(name) as RecordedArray;
  const [n, w] = a.shape as [number, number];
  return Array.from({ length: n }, (_, k) => Array.from(a.data.subarray(k * w, (k + 1) * w)));
}

// log/exp are glibc's in the engine and V8's here: equal to ~1 ulp, and any draw-order error
// gives unrelated values
function expectClose(got: number[][], want: number[][], what: string): void {
  expect(got.length, what).to.equal(want.length);
  got.forEach((row, s) => row.forEach((v, i) => {
    const w = want[s]![i]!;
    expect(Math.abs(v - w), `${what} step ${s} neuron ${i}: ${v} vs ${w}`).to.be.at.most(4e-16 * Math.max(1, Math.abs(w)));
  }));
}

describe('engine: draw order of several random variables (recomputed from a reference MT19937)', () => {
  it('the reference Mersenne Twister is std::mt19937: the 10000th output for seed 5489 is 4123659995', () => {
    const g = new RefMt(5489);
    let v = 0;
    for (let k = 0; k < 10000; k++) v = g.next();
    expect(v).to.equal(4123659995); // required by the C++ standard, [rand.predef]
  });

  it('Normal, Uniform, Exponential per neuron and a population-wide Normal: 5 neurons, 4 steps', () => {
    const net = new Network({ seed: 1234 });
    // the global is declared between the locals: it is still drawn first
    const n = new Neuron({
      parameters: 'mu = 0.5 : population',
      equations: 'x = Normal(mu, 2.0)\ng = Normal(-1.0, 0.5) : population\ny = Uniform(-1.0, 3.0)\nz = Exponential(1.5)\nr = 0',
    });
    const pop = new Population(5, n, { network: net });
    const m = new Monitor(pop, ['x', 'y', 'z']);
    const gs: number[] = [];
    net.compile();
    for (let s = 0; s < 4; s++) {
      net.step();
      gs.push(pop.g as number);
    }
    // 5 neurons: odd, so every step ends with a cached normal that the next step must not use
    const want = expected(1234, 5, 4, [() => refNormal(-1, 0.5)], [() => refNormal(0.5, 2), () => refUniform(-1, 3), () => refExponential(1.5)]);
    expectClose([gs], [want.glob.map((r) => r[0]!)], 'g');
    expectClose(rows(m, 'x'), want.loc[0]!, 'x');
    // the uniform has no log: bit-identical
    expect(rows(m, 'y')).to.deep.equal(want.loc[1]);
    expectClose(rows(m, 'z'), want.loc[2]!, 'z');
  });

  it('DiscreteUniform, LogNormal, Uniform, Normal per neuron: 7 neurons, 3 steps', () => {
    const net = new Network({ seed: 7 });
    const n = new Neuron({ equations: 'a = DiscreteUniform(-5, 5)\nb = LogNormal(0.2, 0.5)\nc = Uniform(0.0, 1.0)\nd = Normal(0.0, 1.0)\nr = 0' });
    const pop = new Population(7, n, { network: net });
    const m = new Monitor(pop, ['a', 'b', 'c', 'd']);
    net.compile();
    for (let s = 0; s < 3; s++) net.step();
    const want = expected(7, 7, 3, [], [() => refDiscrete(-5, 5), () => refLognormal(0.2, 0.5), () => refUniform(0, 1), () => refNormal(0, 1)]);
    expect(rows(m, 'a')).to.deep.equal(want.loc[0]);
    expectClose(rows(m, 'b'), want.loc[1]!, 'b');
    expect(rows(m, 'c')).to.deep.equal(want.loc[2]);
    expectClose(rows(m, 'd'), want.loc[3]!, 'd');
    void pop;
  });
});
