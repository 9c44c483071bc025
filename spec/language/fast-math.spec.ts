import { expect } from 'chai';
import { glibcExp } from '../../src/engine/random/libm.js';
import { EXP_TABLE, fastExp, FAST_MATH_PRELUDE, hoistFastExp } from '../../src/language/fast-math.js';
import { KERNEL_PRELUDE, BUILTIN_FUNCTIONS } from '../../src/language/builtin-functions.js';

// Distance in units in the last place between two finite doubles of the same sign.
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
function ulps(a: number, b: number): number {
  f64[0] = a;
  const ia = i64[0]!;
  f64[0] = b;
  const d = ia - i64[0]!;
  return Number(d < 0n ? -d : d);
}

// Deterministic sweep (no Math.random: a failure must be reproducible).
function sweep(n: number, lo: number, hi: number, f: (x: number) => void): void {
  let s = 0x9e3779b9;
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    f(lo + ((hi - lo) * (k + s / 2 ** 32)) / n);
  }
}

describe('language: fast-math exp', () => {
  it('is within 1 ulp of Math.exp on 1e6 points over [-745, 709.8]', () => {
    let worst = 0;
    let worstX = 0;
    sweep(1_000_000, -745, 709.8, (x) => {
      const u = ulps(fastExp(x), Math.exp(x));
      if (u > worst) [worst, worstX] = [u, x];
    });
    expect(worst, `at x = ${worstX}`).to.be.at.most(1);
  });

  it('is bit-identical to glibc exp for >= 99.5% of 2e5 points (and never more than 1 ulp off)', () => {
    let same = 0;
    let worst = 0;
    const n = 200_000;
    sweep(n / 2, -745, 709.8, (x) => {
      const u = ulps(fastExp(x), glibcExp(x));
      if (u === 0) same++;
      worst = Math.max(worst, u);
    });
    // the range HH rate functions use
    sweep(n / 2, -40, 40, (x) => {
      const u = ulps(fastExp(x), glibcExp(x));
      if (u === 0) same++;
      worst = Math.max(worst, u);
    });
    expect(worst).to.be.at.most(1);
    expect(same / n).to.be.at.least(0.995);
  });

  it('is exact where exp is exactly known', () => {
    expect(fastExp(0)).to.equal(1);
    expect(fastExp(-0)).to.equal(1);
    expect(fastExp(1)).to.equal(2.718281828459045); // e correctly rounded
    expect(fastExp(Math.LN2)).to.equal(2); // exp(0x1.62e42fefa39efp-1) rounds to 2
    expect(fastExp(2 ** -60)).to.equal(1);
    expect(fastExp(-(2 ** -60))).to.equal(1);
  });

  it('handles NaN, infinities, overflow and underflow like C exp', () => {
    expect(fastExp(NaN)).to.be.NaN;
    expect(fastExp(Infinity)).to.equal(Infinity);
    expect(fastExp(-Infinity)).to.equal(0);
    expect(fastExp(1000)).to.equal(Infinity);
    expect(fastExp(-1000)).to.equal(0);
    // 0x1.62e42fefa39efp+9: the largest x with a finite exp(x) = 0x1.fffffffffff2ap+1023
    expect(fastExp(709.782712893384)).to.equal(1.7976931348622732e308);
    expect(fastExp(709.7827128933841)).to.equal(Infinity);
    // exp(-745.1332191019411) = 4.94e-324 (the smallest subnormal); one ulp lower rounds to 0
    expect(fastExp(-745.1332191019411)).to.equal(5e-324);
    expect(fastExp(-745.1332191019412)).to.equal(0);
  });

  it('rounds subnormal and near-overflow results like glibc', () => {
    let mismatches = 0;
    // the edge path: results below 2^-1022 * 1.5 and above 2^1022
    sweep(20_000, -745.2, -708.01, (x) => {
      if (!Object.is(fastExp(x), glibcExp(x))) mismatches++;
    });
    sweep(5_000, 709.01, 709.79, (x) => {
      if (!Object.is(fastExp(x), glibcExp(x))) mismatches++;
    });
    expect(mismatches).to.be.at.most(25);
    // subnormals, by hand: ln(2^-1074) = -744.44007, so exp(-740) = e^4.44007 * 2^-1074
    // = 84.8 * 2^-1074 -> 85 * 2^-1074 = 4.2e-322, exp(-744) = 1.55 * 2^-1074 -> 2 * 2^-1074
    expect(fastExp(-740)).to.equal(85 * 5e-324);
    expect(fastExp(-744)).to.equal(2 * 5e-324);
  });

  it('[708, 709) (the edge path: the fast path tests |x| < 708) gives the table-driven formula exactly', () => {
    // glibc's non-FMA fast path written out (N = 128, table {H, T} then 2^e at 1278 + e)
    const formula = (x: number) => {
      const k = x * 184.6649652337873 + 6755399441055744 - 6755399441055744, i = k | 0;
      const r = x + k * -0.005415212348111709 + k * -1.2864023111638346e-14, q = r * r;
      const j = (i & 127) << 1, sc = EXP_TABLE[j]! * 2 ** (i >> 7);
      return sc + sc * (EXP_TABLE[j + 1]! + r + q * (0.49999999999996786 + r * 0.16666666666665886) + q * q * (0.0416666808410674 + r * 0.008333335853059549));
    };
    let mismatches = 0;
    sweep(50_000, 708, 709, (x) => {
      if (!Object.is(fastExp(x), formula(x))) mismatches++;
    });
    expect(mismatches).to.equal(0);
    expect(fastExp(707.5)).to.equal(formula(707.5));
  });

  it('is what the kernels call for exp()', () => {
    expect(BUILTIN_FUNCTIONS.exp!.print(['x'])).to.equal('__exp(x)');
    expect(KERNEL_PRELUDE).to.contain(FAST_MATH_PRELUDE);
    const kernelExp = new Function(`${KERNEL_PRELUDE}\nreturn __exp;`)() as (x: number) => number;
    expect(kernelExp(-3.25)).to.equal(0.03877420783172201); // glibc exp(-3.25)
  });
});

describe('language: pow() with a small integer literal exponent', () => {
  it('prints multiplications like x^n, Math.pow otherwise', () => {
    expect(BUILTIN_FUNCTIONS.pow!.print(['x', '2'])).to.equal('(x * x)');
    expect(BUILTIN_FUNCTIONS.pow!.print(['x', '3'])).to.equal('__pow3(x)');
    expect(BUILTIN_FUNCTIONS.power!.print(['x', '4'])).to.equal('__pow4(x)');
    expect(BUILTIN_FUNCTIONS.pow!.print(['x', '2.5'])).to.equal('Math.pow(x, 2.5)');
    expect(BUILTIN_FUNCTIONS.pow!.print(['x', 'n'])).to.equal('Math.pow(x, n)');
    const pow3 = new Function(`${KERNEL_PRELUDE}\nreturn __pow3;`)() as (x: number) => number;
    expect(pow3(1.5)).to.equal(3.375); // exact
  });
});

describe('language: hoistFastExp', () => {
  it('rewrites exp calls into inline blocks with bit-identical results', () => {
    const lines = hoistFastExp(['  y[0] = 0.5 * __exp((-x) / 24.186) + __exp(x) / (__exp(-x) - 1);', '  y[1] = __exp(x);', 'if (x > 1e9) {', '  y[2] = 0;', '} else { y[2] = __exp(x); }']);
    const src = lines.join('\n');
    expect(src.match(/__exp\(/g)?.length).to.equal(1); // the `} else` line is left alone
    expect(lines[lines.length - 1]).to.equal('} else { y[2] = __exp(x); }');
    const f = new Function(`${FAST_MATH_PRELUDE}\nreturn (x) => { const y = new Float64Array(3);\n${src}\nreturn y; };`)() as (x: number) => Float64Array;
    const xs = [-800, -745.5, -740, -708.2, -50, -1.5, -0, 0, 1e-300, 0.3, 3.25, 30, 708.5, 709.5, 710, NaN, Infinity, -Infinity];
    for (const x of xs) {
      const y = f(x);
      const want = 0.5 * fastExp(-x / 24.186) + fastExp(x) / (fastExp(-x) - 1);
      expect(Object.is(y[0], want), `x = ${x}: ${y[0]} vs ${want}`).to.equal(true);
      expect(Object.is(y[1], fastExp(x)), `x = ${x}`).to.equal(true);
      if (!(x > 1e9)) expect(Object.is(y[2], fastExp(x))).to.equal(true);
    }
  });

  it('early: moves an exp block up past statements that write nothing it reads, never into or out of a block', () => {
    const lines = hoistFastExp([
      'a = 1;',
      'v += 2;', // writes v: the exp of v stops below
      '{',
      '  const k = 3;',
      '  b = k * __exp(k);', // reads the block's k: stays after its declaration
      '}',
      'c = 4;',
      'd = __exp(-v);',
      'if (x) {',
      '  e = __exp(a);', // reads a: moves to the top of the if block, not out of it
      '}',
    ], { early: true, table: '__T' });
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('let __e1;')).to.equal(at('v += 2;') + 1);
    expect(at('let __e0;')).to.equal(at('const k = 3;') + 1);
    expect(at('let __e2;')).to.equal(at('if (x) {') + 1);
    expect(lines.join('\n')).to.contain('__T[__j]').and.not.contain('__EXP_T');
    // the moved code computes the same values
    const f = new Function(`${FAST_MATH_PRELUDE}\nconst __T = __EXP_T;\nreturn (v, x) => { let a, b, c, d, e;\n${lines.join('\n')}\nreturn [a, b, c, d, e, v]; };`)() as (v: number, x: boolean) => number[];
    expect(f(0.5, true)).to.deep.equal([1, 3 * fastExp(3), 4, fastExp(-2.5), fastExp(1), 2.5]);
  });

  it('group: exp blocks next to each other test their ranges in one branch, with the same values for in-range and edge arguments', () => {
    const lines = hoistFastExp(['y[0] = __exp(a) - __exp(-b);', 'c = 1;', 'y[1] = __exp(b * 0.5);', 'a = 2;', 'y[2] = __exp(a);'], { early: true, group: true, table: '__T' });
    const src = lines.join('\n');
    // the first three exps read nothing written before them: one group; the last reads the new a
    expect(lines.filter((l) => l.includes(' && ')).length).to.equal(1);
    expect(src.match(/Math\.abs\(/g)?.length).to.equal(3 + 3 + 1);
    const f = new Function(`${FAST_MATH_PRELUDE}\nconst __T = __EXP_T;\nreturn (a, b) => { const y = new Float64Array(3); let c;\n${src}\nreturn y; };`)() as (a: number, b: number) => Float64Array;
    const xs = [-800, -745.5, -708.2, -50, -0, 1e-300, 3.25, 708.5, 709.5, 1500, NaN, Infinity];
    for (const a of xs) {
      for (const b of xs) {
        const y = f(a, b);
        expect(Object.is(y[0], fastExp(a) - fastExp(-b)), `a = ${a}, b = ${b}`).to.equal(true);
        expect(Object.is(y[1], fastExp(b * 0.5)), `b = ${b}`).to.equal(true);
        expect(Object.is(y[2], fastExp(2))).to.equal(true);
      }
    }
  });

  it('leaves lines without exp, nested exp and longer names alone', () => {
    expect(hoistFastExp(['a = b;', 'a = __exp(__exp(b));', 'a = my__exp(b);'])).to.deep.equal(['a = b;', 'a = __exp(__exp(b));', 'a = my__exp(b);']);
  });
});
