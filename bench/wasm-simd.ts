// Experiment, not a feature: how much would a WebAssembly SIMD kernel backend give? The update
// of the two-line LIF (`tau * dv/dt = v_rest - v + I`, explicit Euler) is hand-assembled as a
// wasm function over f64x2 lanes and timed against the same loop in JavaScript. Division bounds
// the scalar loop (one divsd per neuron); f64x2.div does two at a time.
import { median, type BenchRow } from './bench-utils.js';

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
const name = (s: string) => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const simd = (op: number) => [0xfd, ...leb(op)];
const [LOAD, STORE, SPLAT, ADD, SUB, MUL, DIV] = [0x00, 0x0b, 0x14, 240, 241, 242, 243];
const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
const [GET, SET] = [0x20, 0x21];

/** `lif(n, v_rest, I, tau, dt)`: v[i] += dt * ((v_rest - v[i] + I) / tau) for the n (even) doubles at address 0. */
function lifModule(): WebAssembly.Module {
  // params 0..4: n, v_rest, I, tau, dt; locals 5: i; 6..9: the splatted constants; 10: v
  const body = [
    ...[1, 2, 3, 4].flatMap((p) => [GET, p, ...simd(SPLAT), SET, p + 5]),
    0x02, 0x40, 0x03, 0x40, // block, loop
    GET, 5, GET, 0, 0x4f, 0x0d, 1, // if (i >= n) break
    GET, 5, 0x41, 3, 0x74, ...simd(LOAD), 4, 0, SET, 10, // v = load(i * 8)
    GET, 5, 0x41, 3, 0x74, // store address
    GET, 10, GET, 9, // v, dt
    GET, 6, GET, 10, ...simd(SUB), GET, 7, ...simd(ADD), GET, 8, ...simd(DIV), // ((v_rest - v) + I) / tau
    ...simd(MUL), ...simd(ADD), ...simd(STORE), 4, 0,
    GET, 5, 0x41, 2, 0x6a, SET, 5, // i += 2
    0x0c, 0, 0x0b, 0x0b, 0x0b, // br loop, end loop, end block, end
  ];
  const code = [2, 1, I32, 5, V128, ...body];
  return new WebAssembly.Module(new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 5, I32, F64, F64, F64, F64, 0]),
    ...section(2, [1, ...name('e'), ...name('m'), 0x02, 0x00, ...leb(16)]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('lif'), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]));
}

function lifJs(v: Float64Array, n: number, vRest: number, I: number, tau: number, dt: number): void {
  for (let i = 0; i < n; i++) {
    let x = v[i]!;
    x += dt * ((vRest - x + I) / tau);
    v[i] = x;
  }
}

/** ns per neuron-step of the LIF update (no spike test), N = 100000, in wasm SIMD and in JS. */
export function wasmSimdRows(): BenchRow[] {
  const N = 100000;
  const memory = new WebAssembly.Memory({ initial: 16 });
  const lif = new WebAssembly.Instance(lifModule(), { e: { m: memory } }).exports.lif as (n: number, vRest: number, I: number, tau: number, dt: number) => void;
  const vw = new Float64Array(memory.buffer, 0, N).fill(-65);
  const vj = new Float64Array(N).fill(-65);
  const time = (f: () => void) => {
    for (let k = 0; k < 100; k++) f();
    const ts: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      for (let k = 0; k < 100; k++) f();
      ts.push(((performance.now() - t0) * 1e6) / (100 * N));
    }
    return median(ts);
  };
  const wasm = time(() => lif(N, -65, 20, 10, 0.1));
  const js = time(() => lifJs(vj, N, -65, 20, 10, 0.1));
  const same = vw.every((x, i) => Object.is(x, vj[i]));
  return [
    { name: 'experiment: LIF update, hand-assembled wasm f64x2', median: wasm, unit: 'ns/neuron-step', note: `identical values: ${same ? 'yes' : 'NO'}; no spike test` },
    { name: 'experiment: the same update in JavaScript', median: js, unit: 'ns/neuron-step', note: 'bounded by one division per neuron' },
  ];
}
