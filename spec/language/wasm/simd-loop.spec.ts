import { expect } from 'chai';
import { clearSimdPlanCache, planSimdLoop, SimdUnsupported, type SimdLoopSymbols } from '../../../src/language/wasm/simd-loop.js';
import { KERNEL_PRELUDE } from '../../../src/language/builtin-functions.js';
import { EXP_TABLE, EXP_TABLE_LENGTH, EXP_TABLE_POW2_OFFSET, fastExp, hoistFastExp } from '../../../src/language/fast-math.js';

type Arrays = Record<string, Float64Array | Int32Array | Uint8Array>;

/**
 * Runs `lines` (a loop body over neuron `i`) as JavaScript and as compiled WebAssembly over
 * copies of the same arrays; returns both results and the spike lists.
 */
function both(lines: string[], init: Arrays, scalars: Record<string, number>, opts: { counter?: boolean; helpers?: string } = {}) {
  const n = Object.values(init)[0]!.length;
  const kinds: SimdLoopSymbols['arrays'] = {};
  for (const [k, a] of Object.entries(init)) kinds[k] = a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'u8';
  const helpers = opts.helpers ?? KERNEL_PRELUDE;
  const symbols: SimdLoopSymbols = { arrays: { ...kinds, ...(opts.counter ? { __spiked: 'i32' } : {}) }, table: { name: '__T', length: EXP_TABLE_LENGTH, pow2Offset: EXP_TABLE_POW2_OFFSET }, counter: opts.counter ? '__ns' : undefined, helpers };
  const plan = planSimdLoop([{ name: 'full', lines }], symbols);
  // JavaScript
  const js: Arrays = {};
  for (const [k, a] of Object.entries(init)) js[k] = a.slice();
  const spikedJs = new Int32Array(n);
  const names = [...Object.keys(js), ...Object.keys(scalars)];
  const run = new Function('__spiked', '__T', ...names, `${helpers}\nlet __ns = 0;\nfor (let i = 0; i < ${n}; i++) {\n${lines.join('\n')}\n}\nreturn __ns;`);
  const nsJs = run(spikedJs, EXP_TABLE, ...Object.values(js), ...Object.values(scalars)) as number;
  // WebAssembly: each array padded as the engine's heap pads it
  const memory = new WebAssembly.Memory({ initial: 4 });
  let top = 0;
  const bases: Record<string, number> = {};
  const wasm: Arrays = {};
  const place = (k: string, a: Float64Array | Int32Array | Uint8Array) => {
    bases[k] = top;
    const C = a.constructor as new (b: ArrayBuffer, o: number, l: number) => typeof a;
    wasm[k] = new C(memory.buffer, top, a.length);
    wasm[k]!.set(a);
    top += Math.ceil(((a.length + 3) * a.BYTES_PER_ELEMENT) / 16) * 16;
  };
  for (const [k, a] of Object.entries(init)) place(k, a);
  place('__spiked', new Int32Array(n));
  const table = top;
  new Float64Array(memory.buffer, table, EXP_TABLE_LENGTH).set(EXP_TABLE);
  const params = table + EXP_TABLE_LENGTH * 8;
  new Float64Array(memory.buffer, params, plan.scalars.length).set(plan.scalars.map((s) => scalars[s]!));
  const imports = Object.fromEntries(plan.imports.map((expr, k) => [String(k), new Function(...names, `${helpers}\nreturn ${expr};`)(...Object.values(init), ...Object.values(scalars))]));
  const inst = new WebAssembly.Instance(new WebAssembly.Module(plan.emit({ bases, table, params })), { e: { m: memory }, f: imports });
  const nsWasm = (inst.exports.full as (n: number) => number)(n);
  return { js, wasm, spikesJs: Array.from(spikedJs.subarray(0, nsJs)), spikesWasm: Array.from((wasm.__spiked as Int32Array).subarray(0, nsWasm)), plan };
}

function expectIdentical(r: ReturnType<typeof both>): void {
  for (const k of Object.keys(r.js)) {
    const a = r.js[k]!, b = r.wasm[k]!;
    const i = Array.from(a).findIndex((x, j) => !Object.is(x, b[j]));
    expect(i, `${k}[${i}]: ${a[i]} (js) vs ${b[i]} (wasm)`).to.equal(-1);
  }
  expect(r.spikesWasm).to.deep.equal(r.spikesJs);
}

const values = [-3.5, 0, 1e-300, 2.5, -0, 7, NaN, -1e6, Infinity, 0.1, 42, -7.25, 3];

describe('language/wasm: SIMD loop compiler', () => {
  it('arithmetic, comparisons, ternaries and logical values per lane as JavaScript computes them (odd n)', () => {
    const x = Float64Array.from(values), y = Float64Array.from(values).reverse();
    expectIdentical(both([
      'let $$a = x[i], $$b = y[i];',
      'let $$c = (($$a + $$b) * ($$a - 2.5)) / ($$b + 0.1) - (-$$a);',
      'let $$d = ($$a > $$b ? $$a : ($$b >= 3 ? 1 : $$c));',
      'let $$e = (($$a && $$b) + ($$a || 7)) + (!$$a ? 2 : 5) + (($$a < 1) && ($$b !== 0) ? 1 : 0);',
      'x[i] = $$c + $$d * k;',
      'y[i] = $$e + ($$a === $$b) + ($$a != 2.5);',
    ], { x, y }, { k: 1.5 }));
  });

  it('Math functions: native ones (abs, sqrt, floor, ceil, trunc, min, max) and imported ones (pow, round, sin) are exact', () => {
    const x = Float64Array.from(values);
    const out = new Float64Array(values.length), out2 = new Float64Array(values.length);
    const r = both([
      'out[i] = Math.abs(x[i]) + Math.sqrt(Math.abs(x[i])) + Math.floor(x[i] / 3) + Math.ceil(x[i] / 3) + Math.trunc(-x[i] / 3) + Math.min(x[i], 2, -1) + Math.max(x[i], -0);',
      'out2[i] = Math.pow(Math.abs(x[i]), 1.5) + Math.round(x[i] / 2) + Math.sin(x[i]) + x[i] % 3 + Number.isNaN(x[i]) + Number.isFinite(x[i]);',
    ], { x, out, out2 }, {});
    expectIdentical(r);
    expect(r.plan.imports).to.include.members(['Math.pow', 'Math.round', 'Math.sin', '(a, b) => a % b']);
  });

  it('kernel helpers are inlined (__pow3, __pow4, __clip, __pos) and unknown functions called per lane', () => {
    const x = Float64Array.from(values);
    const r = both(['x[i] = __pow3(x[i]) + __pow4(x[i] / 10) + __clip(x[i], -1, 2) + __pos(x[i] - 1) + __neg(x[i]) + __round(x[i] * 0.5) + __modulo(x[i], 3);'], { x }, {});
    expectIdentical(r);
    expect(r.plan.imports).to.not.include.members(['__pow3', '__pow4', '__clip', '__pos', '__neg']);
    // __round and __modulo are one expression each: inlined, down to the Math functions they call
    expect(r.plan.imports).to.have.members(['Math.round', '(a, b) => a % b']);
  });

  it('if/else with lanes that disagree, nested, with masked assignments and stores', () => {
    const x = Float64Array.from([1, -1, -2, 2, 3, -3, 0, 5, -5]);
    const y = new Float64Array(9);
    expectIdentical(both([
      'let $$a = x[i];',
      'let $$b = 10;',
      'if ($$a > 0) { $$b = $$a * 2; if ($$a > 2) { y[i] = 7; $$b += 1; } else y[i] = -7; } else { $$b -= $$a; }',
      'if ($$a < -1) $$a = 100;',
      'x[i] = $$a + $$b;',
    ], { x, y }, {}));
  });

  it('integer and byte arrays (refractory counters), and the spike list in rank order with an odd last lane', () => {
    const v = Float64Array.from([0, 2, 0.5, 3, 4, 0, 5]);
    const rem = Int32Array.from([0, 0, 3, 0, 1, 2, 0]);
    const steps = Int32Array.from([2, 2, 2, 4, 4, 4, 9]);
    const inref = new Uint8Array(7);
    const r = both([
      'inref[i] = rem[i] > 0 ? 0 : 1;',
      'let $$v = v[i];',
      'if (inref[i] === 1) { if ($$v > 1) { $$v = -1; __spiked[__ns++] = i; rem[i] = steps[i]; } }',
      'v[i] = $$v;',
      'rem[i] -= (1 - inref[i]);',
    ], { v, rem, steps, inref }, {}, { counter: true });
    expectIdentical(r);
    // ranks 1, 3, 6 pass the threshold and are not refractory; they start `steps` and are not
    // counted down in this step; refractory ranks 2, 4, 5 count down (hand-checked)
    expect(r.spikesWasm).to.deep.equal([1, 3, 6]);
    expect(Array.from(r.wasm.rem!)).to.deep.equal([0, 2, 2, 4, 0, 1, 9]);
  });


  it('refractory counters in integer lanes: `A[i] | 0`, integer comparisons, `!a && b`, an integer minus a condition, masked integer assignments and stores', () => {
    // lanes of one pair disagree (ranks 0/1, 4/5), agree (2/3), and the last lane is padding
    const v = Float64Array.from([2, 2, 0.5, 3, 4, 5, 6]);
    const rem = Int32Array.from([0, 3, 0, 0, 1, 0, 2]);
    const steps = Int32Array.from([2, 5, 2, 4, 4, 7, 9]);
    const r = both([
      'let $$rr = rem[i] | 0;',
      'const $$inref = $$rr > 0;',
      'const $$ir = $$inref ? 0 : 1;',
      'let $$v = v[i];',
      '$$v += 0.5 * $$ir;',
      'if (!$$inref && ($$v > 2.75)) { $$v = -1; __spiked[__ns++] = i; $$rr = steps[i] | 0; }',
      'if ($$rr === 3) { rem[i] = $$rr | 0; } else { rem[i] = $$rr - $$inref; }',
      'v[i] = $$v + ($$rr >= 2) + ($$rr !== 0);',
    ], { v, rem, steps }, {}, { counter: true });
    expectIdentical(r);
    // not refractory and above 2.75 after the step: ranks 3 (3.5) and 5 (5.5); rank 0 reaches
    // only 2.5. Rank 1 holds 3 (kept by the branch), 4 and 6 count down, 3 and 5 start 4 and 7
    expect(r.spikesWasm).to.deep.equal([3, 5]);
    expect(Array.from(r.wasm.rem!)).to.deep.equal([0, 3, 0, 4, 0, 7, 1]);
    expect(Array.from(r.wasm.v!)).to.deep.equal([2.5, 4, 1, 1, 5, 1, 8]);
  });
  it('the inline exp template: fast path, edge path (overflow, underflow, subnormal, NaN) mixed within pairs', () => {
    const x = Float64Array.from([1, 800, -800, 2, 709.5, -745, NaN, -1e-300, -708.5, 0.5, 700, -3]);
    const y = new Float64Array(x.length);
    const lines = hoistFastExp(['y[i] = __exp(x[i]);'], { table: '__T' });
    expect(lines.join('\n')).to.contain('__expEdge').and.contain('__T[');
    const r = both(lines, { x, y }, {});
    expectIdentical(r);
    expect(r.wasm.y![0]).to.equal(Math.E);
    expect(r.wasm.y![1]).to.equal(Infinity);
    expect(r.wasm.y![2]).to.equal(0);
  });

  it('the exp template over its whole fast range: bit-identical to fastExp (scale built from bits, k | 0 from the shifted sum)', () => {
    // every residue j = k mod 128 and every exponent: a dense sweep plus the ends of the range
    const xs: number[] = [-707.99, 708.99, 708, 708.5, -708, -0, 1e-17, -1e-17];
    for (let k = -130700; k <= 130900; k += 37) xs.push(k * 0.005415212348111709 + ((k * 7919) % 1000) * 1e-6);
    const x = Float64Array.from(xs);
    const r = both(hoistFastExp(['y[i] = __exp(x[i]);'], { table: '__T' }), { x, y: new Float64Array(x.length) }, {});
    expectIdentical(r);
    const i = Array.from(x).findIndex((v, j) => !Object.is(r.wasm.y![j], fastExp(v)));
    expect(i, `exp(${x[i]})`).to.equal(-1);
  });

  it('`k | 0` of `const k = (x + 1.5 * 2^52) - 1.5 * 2^52` wraps modulo 2^32 as ToInt32 does', () => {
    const x = Float64Array.from([3.5, -2.5, 2 ** 31 + 5, -(2 ** 31) - 7, 1e15 + 0.25, -1e15, 0.49999999999999994, -0, 12, -13]);
    const r = both(['const k = x[i] + 6755399441055744 - 6755399441055744, j = k | 0;', 'y[i] = j;', 'z[i] = k;'], { x, y: new Float64Array(x.length), z: new Float64Array(x.length) }, {});
    expectIdentical(r);
    expect(Array.from(r.wasm.y!.subarray(0, 4))).to.deep.equal([4, -2, -(2 ** 31) + 5, 2 ** 31 - 7]);
  });

  it('scalars are read once per call, in the order of plan.scalars (free identifiers and member chains)', () => {
    const x = new Float64Array(4);
    const r = both(['x[i] = a * 2 + b.c;'], { x }, { a: 1.5, b: 0 } as never);
    expect(r.plan.scalars).to.deep.equal(['a', 'b.c']);
  });

  it('throws SimdUnsupported, naming the construct, for what it does not translate', () => {
    const sym: SimdLoopSymbols = { arrays: { x: 'f64' }, helpers: '' };
    const bad = (line: string, msg: RegExp) => expect(() => planSimdLoop([{ name: 'full', lines: [line] }], sym)).to.throw(SimdUnsupported, msg);
    bad('for (let k = 0; k < 2; k++) x[i] = k;', /ForStatement/);
    bad('x[i + 1] = 1;', /index other than i/);
    bad('x[i] = (x[i] ^ 1);', /operator \^/);
    bad('x[i] = [1, 2][0];', /ArrayExpression|indexed expression/);
    bad('q = 1;', /assignment to "q", which is not a local of the loop/);
    bad('x[i] = x;', /"x" as a value/);
  });

  it('reuses a plan for the same source and symbols: the same bytes, lists of its own, errors again', () => {
    const sym: SimdLoopSymbols = { arrays: { x: 'f64' }, helpers: '' };
    const body = [{ name: 'full', lines: ['x[i] = x[i] * a + b.c;'] }];
    clearSimdPlanCache();
    const first = planSimdLoop(body, sym);
    const layout = { bases: { x: 0 }, table: 0, params: 800 };
    (first.scalars as string[]).push('changed by a caller');
    const again = planSimdLoop(body, sym);
    expect(again.scalars).to.deep.equal(['a', 'b.c']);
    expect(again.emit(layout)).to.deep.equal(first.emit(layout));
    // another source is another plan
    const other = planSimdLoop([{ name: 'full', lines: ['x[i] = x[i] * a;'] }], sym);
    expect(other.scalars).to.deep.equal(['a']);
    // a construct it cannot translate fails every time, also from the cache
    const bad = () => planSimdLoop([{ name: 'full', lines: ['x[i + 1] = 1;'] }], sym);
    expect(bad).to.throw(SimdUnsupported, /index other than i/);
    expect(bad).to.throw(SimdUnsupported, /index other than i/);
    // cleared: compiled again from scratch, same bytes
    clearSimdPlanCache();
    expect(planSimdLoop(body, sym).emit(layout)).to.deep.equal(first.emit(layout));
  });
});
