import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CmaStrategy } from '../../src/fit/cma-strategy.js';
import { NumpyRandomState } from '../../src/engine/random/numpy-legacy.js';
import { rastrigin, rosenbrock, sphere } from './benchmark-functions.js';

// np.random.seed(0); np.random.standard_normal(21) (numpy's documented legacy stream)
const Z0 = [
  1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675, -0.977277879876411,
  0.9500884175255894, -0.1513572082976979, -0.10321885179355784, 0.41059850193837233, 0.144043571160878, 1.454273506962975,
  0.7610377251469934, 0.12167501649282841, 0.44386323274542566, 0.33367432737426683, 1.4940790731576061, -0.20515826376580087,
  0.31306770165090136, -0.8540957393017248, -2.5529898158340787,
];

/** Runs a strategy until the best loss reaches target; returns evaluations used (Infinity if not). */
function evalsToTarget(f: (x: number[]) => number, s: CmaStrategy, target: number, maxEvals: number): number {
  let evals = 0;
  while (evals < maxEvals) {
    const pop = s.generate();
    const losses = pop.map(f);
    evals += pop.length;
    if (Math.min(...losses) <= target) return evals;
    s.update(pop.map((x, i) => ({ x, loss: losses[i]! })));
  }
  return Infinity;
}

// seeded DEAP 1.3.1 cma.Strategy runs made once by spec/fixtures/fit/cma_deap.py (numpy 1.24.2)
interface DeapRun {
  name: string;
  func: 'sphere' | 'rosenbrock';
  seed: number;
  centroid: number[];
  sigma: number;
  params: Record<string, unknown>;
  generations: { candidates: number[][]; losses: number[]; sigma: number; centroid: number[] }[];
}
const deapRuns = (JSON.parse(readFileSync(new URL('../fixtures/fit/cma_deap.json', import.meta.url), 'utf8')) as { runs: DeapRun[] }).runs;
// Generations over which the candidates agree with DEAP's to 1e-10 of the generation's spread.
// Later the rounding differences of BLAS kernels (numpy's OpenBLAS sums in other orders; two
// numpy builds differ from each other in the same way) grow through the CMA dynamics.
const AGREE_FOR: Record<string, number> = {
  'sphere 2d seed 0': 60,
  'sphere 3d seed 1': 70,
  'rosenbrock 2d seed 2': 120,
  'rosenbrock 3d seed 3': 100,
  'rosenbrock 5d seed 4': 100,
  'sphere 4d seed 5 lambda 12 linear': 70,
};

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

describe('fit/cma-strategy (deap.cma.Strategy)', () => {
  it('has DEAP defaults for N = 3 (CompNeuroPy deap_cma example printout)', () => {
    const s = new CmaStrategy([0.5, 0.5, 0.5], 0.25, { seed: 0 });
    expect(s.lambda_).to.equal(7);
    expect(s.mu).to.equal(3);
    const w = [0.63704257, 0.28457026, 0.07838717];
    w.forEach((v, i) => expect(s.weights[i]).to.be.closeTo(v, 5e-9));
    expect(s.mueff).to.be.closeTo(2.0286114646100617, 1e-15);
    expect(s.cc).to.equal(0.5714285714285714);
    expect(s.cs).to.be.closeTo(0.5017818438926943, 1e-16);
    expect(s.ccov1).to.be.closeTo(0.09747248265066792, 1e-17);
    expect(s.ccovmu).to.be.closeTo(0.038593139193450914, 1e-17);
    expect(s.damps).to.be.closeTo(1.5017818438926942, 1e-15);
  });

  it('samples the first generation as centroid + sigma * numpy standard_normal((lambda_, N)), row by row', () => {
    const s = new CmaStrategy([0.5, 0.5, 0.5], 0.25, { rng: new NumpyRandomState(0) });
    const pop = s.generate();
    expect(pop.length).to.equal(7);
    for (let k = 0; k < 7; k++) for (let j = 0; j < 3; j++) expect(pop[k]![j]).to.equal(0.5 + 0.25 * Z0[k * 3 + j]!);
    // the next generation continues the same stream
    const rs = new NumpyRandomState(0);
    rs.standardNormal(21);
    const z = rs.standardNormal(3);
    expect(s.generate()[0]).to.deep.equal([0, 1, 2].map((j) => 0.5 + 0.25 * z[j]!));
  });

  it('performs one update as DEAP orders it (hand-computed, N = 2, lambda_ = 4, mu = 2)', () => {
    const s = new CmaStrategy([0, 0], 1, { seed: 1, lambda_: 4 });
    const pop = [{ x: [1, 0], loss: 3 }, { x: [0, 2], loss: 1 }, { x: [-1, -1], loss: 2 }, { x: [3, 3], loss: 9 }];
    s.update(pop);
    // superlinear weights for mu = 2: log(2.5) - log(1), log(2.5) - log(2), normalised
    const w1r = Math.log(2.5), w2r = Math.log(2.5) - Math.log(2);
    const w1 = w1r / (w1r + w2r), w2 = w2r / (w1r + w2r);
    const mueff = 1 / (w1 * w1 + w2 * w2);
    // sorted by loss: [0,2], [-1,-1]
    const m = [w1 * 0 + w2 * -1, w1 * 2 + w2 * -1];
    expect(s.centroid[0]).to.be.closeTo(m[0]!, 1e-15);
    expect(s.centroid[1]).to.be.closeTo(m[1]!, 1e-15);
    const n = 2, cs = (mueff + 2) / (n + mueff + 3), cc = 4 / (n + 4);
    const ps = m.map((v) => Math.sqrt(cs * (2 - cs) * mueff) * v); // B = I, D = I, sigma = 1
    expect(s.ps[0]).to.be.closeTo(ps[0]!, 1e-14);
    expect(s.ps[1]).to.be.closeTo(ps[1]!, 1e-14);
    const chiN = Math.sqrt(2) * (1 - 1 / 8 + 1 / 84);
    const norm = Math.hypot(ps[0]!, ps[1]!);
    const hsig = norm / Math.sqrt(1 - (1 - cs) ** 2) / chiN < 1.4 + 2 / 3 ? 1 : 0;
    const pc = m.map((v) => hsig * Math.sqrt(cc * (2 - cc) * mueff) * v);
    expect(s.pc[0]).to.be.closeTo(pc[0]!, 1e-14);
    const ccov1 = 2 / ((n + 1.3) ** 2 + mueff);
    const ccovmu = Math.min(1 - ccov1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
    const a = 1 - ccov1 - ccovmu + (1 - hsig) * ccov1 * cc * (2 - cc);
    const y = [[0, 2], [-1, -1]];
    const C = [[0, 0], [0, 0]];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      C[i]![j] = a * (i === j ? 1 : 0) + ccov1 * pc[i]! * pc[j]! + ccovmu * (w1 * y[0]![i]! * y[0]![j]! + w2 * y[1]![i]! * y[1]![j]!);
    }
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(s.C.get(i, j)).to.be.closeTo(C[i]![j]!, 1e-14);
    const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / 3) - 1) + cs;
    expect(s.sigma).to.be.closeTo(Math.exp(((norm / chiN - 1) * cs) / damps), 1e-14);
    // eigenvalues ascending, BD columns scaled by their square roots: BD BD^T = C
    expect(s.diagD[0]).to.be.at.most(s.diagD[1]!);
    const BD = s.BD;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      expect(BD.get(i, 0) * BD.get(j, 0) + BD.get(i, 1) * BD.get(j, 1)).to.be.closeTo(C[i]![j]!, 1e-13);
    }
  });

  for (const run of deapRuns) {
    it(`follows a seeded DEAP run generation by generation: ${run.name} (${AGREE_FOR[run.name]} generations to 1e-10)`, () => {
      const f = run.func === 'sphere' ? sphere : rosenbrock;
      const s = new CmaStrategy(run.centroid, run.sigma, { seed: run.seed, ...run.params });
      const gens = AGREE_FOR[run.name]!;
      expect(gens).to.be.at.most(run.generations.length);
      let prev = run.centroid;
      for (let g = 0; g < gens; g++) {
        const ref = run.generations[g]!;
        const pop = s.generate();
        expect(pop.length).to.equal(ref.candidates.length);
        let spread = 0;
        ref.candidates.forEach((x) => x.forEach((v, j) => (spread = Math.max(spread, Math.abs(v - prev[j]!)))));
        pop.forEach((x, k) => x.forEach((v, j) => expect(Math.abs(v - ref.candidates[k]![j]!), `generation ${g + 1}, candidate ${k}[${j}]`).to.be.at.most(1e-10 * spread)));
        s.update(pop.map((x) => ({ x, loss: f(x) })));
        expect(s.sigma).to.be.closeTo(ref.sigma, 1e-9 * ref.sigma);
        prev = ref.centroid;
      }
    });
  }

  it('DEAP\'s own test: sphere, N = 5, centroid 0, sigma 1, 100 generations -> best < 1e-8 (30 seeds)', () => {
    for (let seed = 0; seed < 30; seed++) {
      const s = new CmaStrategy(new Array(5).fill(0), 1, { seed });
      let best = Infinity;
      for (let g = 0; g < 100; g++) {
        const pop = s.generate();
        const losses = pop.map(sphere);
        best = Math.min(best, ...losses);
        s.update(pop.map((x, i) => ({ x, loss: losses[i]! })));
      }
      expect(best, `seed ${seed}`).to.be.below(1e-8);
    }
  });

  // Sphere: CMA-ES converges log-linearly and its cost grows linearly with the dimension
  // (Hansen & Ostermeier 2001). No comparison-based ES beats the optimal (1+1)-ES progress rate
  // (normalised 0.202 per evaluation, Rechenberg/Beyer): evaluations >= n ln(d0/d1) / 0.202;
  // the (5/5_w, 10)-CMA-ES spends at most 4 times that bound.
  it('sphere: evaluations to 1e-8 within 1-4x the (1+1)-ES bound, growing linearly with N (25 seeds each)', () => {
    const med: Record<number, number> = {};
    for (const n of [5, 10, 20]) {
      const evals: number[] = [];
      const bounds: number[] = [];
      for (let seed = 0; seed < 25; seed++) {
        const rs = new NumpyRandomState(seed);
        const x0 = Array.from(rs.uniform(-4, 4, n));
        bounds.push((n * Math.log(Math.sqrt(sphere(x0)) / 1e-4)) / 0.202);
        evals.push(evalsToTarget(sphere, new CmaStrategy(x0, 2, { rng: rs }), 1e-8, 100000));
      }
      expect(evals.every(Number.isFinite)).to.equal(true);
      med[n] = median(evals);
      expect(med[n]).to.be.within(median(bounds), 4 * median(bounds));
    }
    expect(med[20]! / med[10]!).to.be.within(1.5, 2.6);
    expect(med[10]! / med[5]!).to.be.within(1.3, 2.6);
  });

  it('Rosenbrock 10-D: most seeds reach 1e-8 in a few thousand evaluations (Hansen & Ostermeier 2001) (25 seeds)', () => {
    const evals: number[] = [];
    for (let seed = 0; seed < 25; seed++) {
      const rs = new NumpyRandomState(100 + seed);
      const x0 = Array.from(rs.uniform(-1, 1, 10));
      evals.push(evalsToTarget(rosenbrock, new CmaStrategy(x0, 0.5, { rng: rs }), 1e-8, 40000));
    }
    // a minority of runs ends in Rosenbrock's local minimum near x1 = -1 (Hansen notes it)
    expect(evals.filter(Number.isFinite).length).to.be.at.least(20);
    expect(median(evals)).to.be.within(2250, 9000);
  });

  it('Rastrigin 5-D: default lambda_ usually fails; restarts with doubling lambda_ (IPOP) always reach 1e-8 (15 seeds)', () => {
    let defaultSuccess = 0;
    for (let seed = 0; seed < 15; seed++) {
      const rs = new NumpyRandomState(200 + seed);
      if (Number.isFinite(evalsToTarget(rastrigin, new CmaStrategy(Array.from(rs.uniform(-4, 4, 5)), 2, { rng: rs }), 1e-8, 3000))) defaultSuccess++;
      // IPOP: restart from a new point with twice the population whenever sigma collapses or the budget per run ends
      let lambda_ = Math.trunc(4 + 3 * Math.log(5));
      let reached = false;
      for (let restart = 0; restart < 9 && !reached; restart++, lambda_ *= 2) {
        const s = new CmaStrategy(Array.from(rs.uniform(-4, 4, 5)), 2, { rng: rs, lambda_ });
        for (let g = 0; g < 400 && !reached; g++) {
          const pop = s.generate();
          const losses = pop.map(rastrigin);
          if (Math.min(...losses) <= 1e-8) reached = true;
          s.update(pop.map((x, i) => ({ x, loss: losses[i]! })));
          if (s.sigma * Math.max(...s.diagD) < 1e-12) break;
        }
      }
      expect(reached, `seed ${200 + seed}`).to.equal(true);
    }
    expect(defaultSuccess).to.be.below(8);
  });

  it('rejects bad input naming the parameter', () => {
    expect(() => new CmaStrategy([], 1)).to.throw(/centroid/);
    expect(() => new CmaStrategy([0, NaN], 1)).to.throw(/centroid\[1\]/);
    expect(() => new CmaStrategy([0], -1)).to.throw(/sigma/);
    expect(() => new CmaStrategy([0], 1, { weights: 'cubic' as never })).to.throw(/Unknown weights : cubic/);
    expect(() => new CmaStrategy([0], 1, { lambda: 3 } as never)).to.throw(/unknown parameter "lambda"/);
    expect(() => new CmaStrategy([0, 0], 1, { cmatrix: [[1]] })).to.throw(/2x2/);
    const s = new CmaStrategy([0, 0], 1, { seed: 0 });
    const pop = s.generate().map((x, i) => ({ x, loss: i === 2 ? NaN : 1 }));
    expect(() => s.update(pop)).to.throw(/individual 2 has loss NaN/);
  });
});
