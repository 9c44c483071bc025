/**
 * Fast, accurate `exp` for the generated kernels. `Math.exp` is a C call from optimised code
 * (~17 ns here); this is the table-driven algorithm of glibc 2.28+ (ARM optimized-routines,
 * N = 128, non-FMA variant, error ~0.51 ulp) in plain arithmetic that TurboFan inlines (~2 ns).
 * It is bit-identical to glibc's `exp` for the vast majority of inputs (the FMA build that
 * ANNarchy's C++ calls differs from the non-FMA one only by the last rounding of a few results),
 * and at most 1 ulp from `Math.exp`.
 *
 * The kernels are built with `new Function`, so the helper lives as source text
 * ({@link FAST_MATH_PRELUDE}) that the kernel prelude includes; {@link fastExp} is compiled
 * from the same text, so the tested function is the one the kernels run.
 */

/**
 * 2^(j/128) ~= H[j] * (1 + T[j]), interleaved {H[j], T[j]}: glibc's `__exp_data.tab`
 * (H correctly rounded, T the relative tail), decoded from spec-checked libm tables.
 */
const EXP_HT = [
  1, 0, 1.0054299011128027, 9.447885451727066e-17,
  1.0108892860517005, -1.507066976926039e-17, 1.016378314910953, -5.679155082825012e-17,
  1.0218971486541166, 4.9997448722726326e-17, 1.0274459491187637, -4.823683599994895e-17,
  1.0330248790212284, 7.357846871247418e-18, 1.0386341019613787, 5.773230223741951e-17,
  1.0442737824274138, 8.189317638195515e-17, 1.0499440858006872, 5.326891139980878e-17,
  1.0556451783605572, 1.6665881442326747e-18, 1.061377227289262, -1.128113245461828e-17,
  1.0671404006768237, -7.402825309426177e-17, 1.0729348675259756, -3.578659767309563e-18,
  1.0787607977571199, -6.170654745608695e-17, 1.0846183622133092, 2.919139999949279e-17,
  1.0905077326652577, -2.7939114859515733e-17, 1.0964290818163769, -5.399285355184285e-17,
  1.102382583307841, 4.776959425256223e-17, 1.1083684117236787, -7.927701432338473e-17,
  1.1143867425958924, 9.341710609905046e-17, 1.1204377524096067, -5.534520675707472e-17,
  1.1265216186082418, 4.585670326662351e-17, 1.1326385195987192, 2.8582430411116143e-17,
  1.1387886347566916, 7.826573258636076e-17, 1.1449721444318042, 4.053626906769216e-17,
  1.1511892299529827, 2.823784425951061e-17, 1.1574400736337511, -7.882802262487991e-17,
  1.1637248587775775, 3.2904726646008416e-17, 1.1700437696832502, -1.5792094703347882e-18,
  1.1763969916502812, 4.721368121170128e-17, 1.182784710984341, 1.3045277096919659e-17,
  1.189207115002721, 3.3484623336251524e-17, 1.1956643920398273, 3.8611199774925664e-17,
  1.202156731452703, 5.527550048505249e-17, 1.2086843236265816, -3.927184172445234e-17,
  1.215247359980469, -6.346552106729483e-17, 1.2218460329727576, -8.684417614865944e-17,
  1.22848053610687, -1.5456342819397733e-17, 1.2351510639369334, -8.70763476495455e-17,
  1.241857812073484, 3.750854201303127e-17, 1.2486009771892048, -6.616854503526488e-17,
  1.255380757024691, -5.346099009198751e-18, 1.2621973503942507, -2.443726321015018e-17,
  1.2690509571917332, 2.1023049675215714e-18, 1.275941778396392, 7.771067937501065e-17,
  1.2828700160787783, 1.3357510088834541e-17, 1.2898358734066657, 6.938291696959204e-17,
  1.2968395546510096, 1.9572585293112036e-17, 1.3038812651919358, 6.632256961675804e-17,
  1.3109612115247644, -5.478069123926778e-17, 1.318079601266064, -4.140839310392624e-17,
  1.3252366431597413, -2.1571477251208752e-17, 1.3324325470831615, -3.8287766552120535e-17,
  1.339667524053303, 6.663804589232195e-17, 1.3469417862329458, 2.3936187400285282e-17,
  1.3542555469368927, 5.68648095791174e-17, 1.3616090206382248, 1.1264523354521684e-18,
  1.3690024229745905, 7.007875046906994e-17, 1.3764359707545302, -5.0119214278381254e-17,
  1.383909881963832, -4.8923067513522756e-17, 1.3914243757719262, -3.5260089953269434e-17,
  1.3989796725383112, -6.872303720902018e-17, 1.4065759938190154, 5.001446664133532e-18,
  1.4142135623730951, -6.835808657661922e-17, 1.4218926021691656, -1.1307344092910212e-17,
  1.42961333839197, -8.416011634717156e-18, 1.4373759974489824, -2.9247977035436566e-17,
  1.4451808069770467, -2.092304381843353e-17, 1.4530279958490526, -3.9778645875427124e-17,
  1.460917794180647, -3.833464968654295e-17, 1.4688504333369818, 5.763611164480894e-17,
  1.4768261459394993, -2.3591094770850053e-17, 1.4848451658727524, 7.260074661098575e-17,
  1.4929077282912648, 9.50689710108796e-18, 1.5010140696264256, -4.272956133839906e-17,
  1.5091644275934228, -6.735219232374683e-17, 1.5173590411982147, -2.8396044410430936e-17,
  1.5255981507445384, -7.226635472101257e-17, 1.533881997840956, 5.786121003395918e-17,
  1.5422108254079407, 5.1548301170786783e-17, 1.550584877685, -9.416257568878152e-18,
  1.559004400237837, 2.4253985766689806e-17, 1.567469639965553, -6.604314051707707e-17,
  1.5759808451078865, -6.432131775424189e-18, 1.5845382652524937, -1.2204007601863921e-17,
  1.593142151342267, -6.336161863401293e-17, 1.6017927556826934, -3.7800879246373815e-17,
  1.6104903319492543, 1.5341410053603723e-17, 1.6192351351948637, 1.2932855580427452e-17,
  1.6280274218573478, -4.123367330661149e-17, 1.6368674497669644, 4.703083974463456e-17,
  1.645755478153965, -6.152602891550265e-17, 1.6546917676561943, 5.827849326195279e-17,
  1.6636765803267364, 3.540948262646183e-17, 1.6727101796415966, -3.2741571320938764e-17,
  1.681792830507429, 4.875160526227062e-17, 1.6909247992693053, -5.718569790077838e-17,
  1.7001063537185235, -4.719539664590972e-18, 1.709337763100463, -5.773451958805706e-17,
  1.718619298122478, -1.0772487078934056e-17, 1.7279512309618377, -6.221808618533911e-17,
  1.7373338352737062, 1.821405440362259e-17, 1.746767386199169, -6.155536546227639e-17,
  1.7562521603732995, 1.685487290628973e-17, 1.7657884359332727, 5.3581249177694816e-17,
  1.7753764925265212, 3.621615935336894e-17, 1.785016611318935, 8.588379527574144e-18,
  1.7947090750031072, 1.01562190116415e-17, 1.804454167806624, -2.869134889187244e-17,
  1.8142521755003989, -5.495118966122005e-17, 1.8241033854070534, -5.56965572431627e-17,
  1.8340080864093424, 1.790126907604513e-17, 1.843966568958626, -3.2211766346200164e-17,
  1.8539791250833855, 5.265370768556274e-17, 1.864046048397789, 3.5089866402403033e-17,
  1.8741676341103, -3.266924100901318e-17, 1.8843441790323345, -4.3657593008079375e-17,
  1.8945759815869656, 1.7963932659833022e-17, 1.9048633418176741, 3.4300925275214166e-17,
  1.9152065613971474, -5.545065618639427e-17, 1.925605943636125, -5.149009745457733e-17,
  1.9360617934922943, 5.336805878514151e-17, 1.9465744175792332, 3.498978661192973e-17,
  1.9571441241754002, 4.5784915277060095e-17, 1.9677712232331759, -5.241934575393899e-17,
  1.978456026387951, 2.0414278897578303e-17, 1.9891988469672663, 4.124842848606488e-18,
];

/**
 * Index of 2^0 in {@link EXP_TABLE}: element `EXP_TABLE_POW2_OFFSET + e` is 2^e for
 * e = -1022..1023 (the WebAssembly loop builds these from the bits instead of loading them).
 *
 * @example
 * EXP_TABLE[EXP_TABLE_POW2_OFFSET + 3]; // 8
 */
export const EXP_TABLE_POW2_OFFSET = 1278;

/**
 * The fast path of `exp(x)` as source lines, shared by `__exp` and the inline blocks of
 * {@link hoistFastExp} so that both compute the same operations: `if (x in range) {`, the
 * table-driven evaluation, and `<assign>result;`. The caller closes the `if`.
 */
function expFastPath(x: string, table: string, assign: string): string[] {
  // one comparison of |x| (one SIMD compare and a mask, not two and an and): x in [708, 709)
  // takes the edge path, which scales by 2^1009 separately and gives the same doubles
  return [`  if (${expInRange(x)}) {`, ...expFastBody(x, table, assign)];
}

const expInRange = (x: string) => `Math.abs(${x}) < 708`;

/** The evaluation of {@link expFastPath} for an `x` known to be in range. */
function expFastBody(x: string, table: string, assign: string): string[] {
  return [
    `    const __k = ${x} * 184.6649652337873 + 6755399441055744 - 6755399441055744, __i = __k | 0;`,
    `    const __r = ${x} + __k * -0.005415212348111709 + __k * -1.2864023111638346e-14, __q = __r * __r;`,
    `    const __j = (__i & 127) << 1, __s = ${table}[__j] * ${table}[(__i >> 7) + ${EXP_TABLE_POW2_OFFSET}];`,
    `    ${assign}__s + __s * (${table}[__j + 1] + __r + __q * (0.49999999999996786 + __r * 0.16666666666665886) + __q * __q * (0.0416666808410674 + __r * 0.008333335853059549));`,
  ];
}

/** Source text defining `__exp(x)` (and its helpers `__EXP_*`); included by KERNEL_PRELUDE. */
export const FAST_MATH_PRELUDE = `
// {H[j], T[j]} x 128, then 2^e for e = -1022..1023 at index e + 1278
var __EXP_T = new Float64Array(2302);
__EXP_T.set([${EXP_HT.join(',')}]);
for (let i = 256, p = 2.2250738585072014e-308; i < 2302; i++, p *= 2) __EXP_T[i] = p;
var __expEdge = (x) => {
  if (x !== x) return x;
  if (x > 709.8) return Infinity;
  if (x < -746) return 0;
  var k = x * 184.6649652337873 + 6755399441055744 - 6755399441055744, i = k | 0, r = x + k * -0.005415212348111709 + k * -1.2864023111638346e-14, t = __EXP_T, j = (i & 127) << 1, e = i >> 7, q = r * r;
  var u = t[j + 1] + r + q * (0.49999999999996786 + r * 0.16666666666665886) + q * q * (0.0416666808410674 + r * 0.008333335853059549), s;
  if (e > 0) {
    // result may overflow only in the final scaling by 2^1009
    s = t[j] * t[e - 1009 + 1278];
    return 5.486124068793689e303 * (s + s * u);
  }
  s = t[j] * t[e + 1022 + 1278];
  var y = s + s * u;
  if (y < 1) {
    // subnormal result: round once, as glibc's specialcase does
    var lo = s - y + s * u, hi = 1 + y;
    lo = 1 - hi + y + lo;
    y = hi + lo - 1;
  }
  return 2.2250738585072014e-308 * y;
};
// var, not const: no hole checks, so the function stays small enough for TurboFan to inline
// into more call sites (its cumulative inlining budget is ~920 bytecodes per kernel)
var __exp = (x) => {
${expFastPath('x', '__EXP_T', 'return ').join('\n')}
  }
  return __expEdge(x);
};`;

/**
 * `exp(x)` as the generated kernels compute it: within 1 ulp of `Math.exp`, mostly
 * bit-identical to glibc's `exp`, about 8x faster than `Math.exp` in hot loops.
 *
 * @example
 * fastExp(1); // 2.718281828459045
 */
export const fastExp = new Function(`${FAST_MATH_PRELUDE}\nreturn __exp;`)() as (x: number) => number;

/**
 * The table the inline exp reads (`__EXP_T`, {@link EXP_TABLE_LENGTH} doubles), for kernels that
 * keep their own copy (WebAssembly memory).
 *
 * @example
 * EXP_TABLE[0]; // 1 (2^(0/128))
 */
export const EXP_TABLE = new Function(`${FAST_MATH_PRELUDE}\nreturn __EXP_T;`)() as Float64Array;

/** Length of {@link EXP_TABLE}. */
export const EXP_TABLE_LENGTH = 2302;

/** Options of {@link hoistFastExp}. */
export interface HoistFastExpOptions {
  /** First number of the `__e<n>` result variables. */
  firstId?: number;
  /** Name of the exp table in scope (`__EXP_T`, or a local copy of it: a local needs no context load). */
  table?: string;
  /**
   * Move each exp block up to just after the last statement of the same block level that
   * writes something its argument reads (or to the top): independent exps then run together,
   * which hides their latency (HH_Bischop: ~110 -> ~96 ns per neuron-step).
   */
  early?: boolean;
  /**
   * With `early`: exp blocks that end up next to each other test their arguments' ranges
   * together, one branch for all of them (taken both ways only near overflow/underflow), so
   * that the fast paths form one straight-line block; the same values.
   */
  group?: boolean;
}

type HoistItem = { line: string } | { exp: string[]; reads: string[]; v: string; arg: string; indent: string };

/**
 * Rewrites the `__exp(arg)` calls of generated statement lines into inline statement blocks
 * that compute the same value as `__exp` (same operations, bit-identical results) without a
 * call. TurboFan inlines only ~5 copies of `__exp` per kernel (cumulative budget of ~920
 * bytecodes); a call it does not inline costs ~10 ns and boxes its double argument and result
 * (16 B each per call), so a kernel with many exp calls should be hoisted. Measured on
 * HH_Bischop (9 exp, N = 10000): ~200 -> ~147 ns per neuron-step, and no allocation.
 *
 * Only lines that are complete statements are rewritten (`arg` is evaluated once, before the
 * statement, which is safe because generated expressions have no side effects); lines starting
 * with `}` or `else` and arguments containing a nested `__exp(` are left as calls.
 *
 * @example
 * hoistFastExp(['$y[i] = 2 * __exp(-$v[i]);']);
 * // ['let __e0;', '{ const __x = (-$v[i]); ... }', '$y[i] = 2 * __e0;']
 */
export function hoistFastExp(lines: string[], options: HoistFastExpOptions = {}): string[] {
  let id = options.firstId ?? 0;
  const T = options.table ?? '__EXP_T';
  const items: HoistItem[] = [];
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (!line.includes('__exp(') || trimmed.startsWith('}') || trimmed.startsWith('else')) {
      items.push({ line });
      continue;
    }
    const indent = line.slice(0, line.length - trimmed.length);
    let rest = line;
    let done = '';
    for (;;) {
      const at = rest.indexOf('__exp(');
      if (at < 0) break;
      // the call must not be part of a longer name (e.g. my__exp()
      if (at > 0 && /[\w$]/.test(rest[at - 1]!)) {
        done += rest.slice(0, at + 6);
        rest = rest.slice(at + 6);
        continue;
      }
      let depth = 1;
      let end = at + 6;
      while (end < rest.length && depth > 0) {
        if (rest[end] === '(') depth++;
        else if (rest[end] === ')') depth--;
        end++;
      }
      const arg = rest.slice(at + 6, end - 1);
      if (depth !== 0 || arg.includes('__exp(')) {
        done += rest.slice(0, end);
        rest = rest.slice(end);
        continue;
      }
      const v = `__e${id++}`;
      items.push({
        v,
        arg,
        indent,
        reads: [...new Set(arg.match(/[A-Za-z_$][\w$]*/g) ?? [])],
        exp: [
          `let ${v};`,
          `{ const __x = (${arg});`,
          ...expFastPath('__x', T, `${v} = `),
          `  } else ${v} = __expEdge(__x);`,
          '}',
        ].map((l) => indent + l),
      });
      done += rest.slice(0, at) + v;
      rest = rest.slice(end);
    }
    items.push({ line: done + rest });
  }
  if (options.early) hoistEarly(items);
  const out: string[] = [];
  for (let p = 0; p < items.length;) {
    const it = items[p]!;
    if ('line' in it) {
      out.push(it.line);
      p++;
      continue;
    }
    let q = p + 1;
    while (options.group && q < items.length && 'exp' in items[q]! && (items[q] as { indent: string }).indent === it.indent) q++;
    const run = items.slice(p, q) as Extract<HoistItem, { exp: string[] }>[];
    p = q;
    if (run.length === 1) {
      out.push(...it.exp);
      continue;
    }
    // arguments first (each reads only what was written before the run), then one range test
    const x = (e: { v: string }) => `__x${e.v.slice(3)}`;
    out.push(...[
      `let ${run.map((e) => e.v).join(', ')};`,
      ...run.map((e) => `const ${x(e)} = (${e.arg});`),
      `if (${run.map((e) => expInRange(x(e))).join(' && ')}) {`,
      ...run.flatMap((e) => ['{', ...expFastBody(x(e), T, `${e.v} = `), '}']),
      '} else {',
      ...run.flatMap((e) => [`{ const __x = ${x(e)};`, ...expFastPath('__x', T, `${e.v} = `), `  } else ${e.v} = __expEdge(__x);`, '}']),
      '}',
    ].map((l) => it.indent + l));
  }
  return out;
}

const opens = (line: string) => (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);

/** True if `line` assigns or declares `name` (`name = `, `name += `, `name[k] = `, `const name`). */
function writes(line: string, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  return new RegExp(`(?<![\\w$])${n}(\\[[^\\]]*\\])?\\s*[-+*/]?=(?!=)|\\b(const|let|var)\\s+${n}(?![\\w$])`).test(line);
}

/** Moves exp blocks up within their block level, past statements that write nothing they read. */
function hoistEarly(items: HoistItem[]): void {
  for (let p = 0; p < items.length; p++) {
    const it = items[p]!;
    if (!('exp' in it)) continue;
    let q = p;
    // `closed`: unmatched `}` seen walking up; only places at the starting level are legal
    let closed = 0;
    let to = p;
    while (q > 0) {
      const prev = items[q - 1]!;
      if (!('line' in prev)) {
        // an exp block inside a block we are walking over writes only its own variable;
        // at our level it stays before this one (exps keep their order)
        if (closed === 0) break;
        q--;
        continue;
      }
      const d = opens(prev.line);
      if (closed === 0 && d > 0) break; // the line opening the block we are in
      if (it.reads.some((r) => writes(prev.line, r))) break;
      closed -= d;
      q--;
      if (closed === 0) to = q;
    }
    if (to < p) {
      items.splice(p, 1);
      items.splice(to, 0, it);
    }
  }
}
