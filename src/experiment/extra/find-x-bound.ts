/**
 * CompNeuroPy's `find_x_bound`: the x where a function increasing from x0 reaches a bound,
 * found by exponential search and Brent's root finder.
 * @packageDocumentation
 */

/**
 * Brent's method (Brent 1973, as scipy's `brentq` with its defaults `xtol = 2e-12`,
 * `rtol = 4 eps`, 100 iterations): a root of `f` in `[a, b]` where `f(a)` and `f(b)` differ in
 * sign. Written here because no maintained npm package offers it.
 *
 * @example
 * ```ts
 * brentq((x) => x * x - 2, 0, 2); // 1.4142135623730951
 * ```
 */
export function brentq(f: (x: number) => number, a: number, b: number, xtol = 2e-12, rtol = 4 * Number.EPSILON, maxiter = 100): number {
  let xpre = a;
  let xcur = b;
  let fpre = f(xpre);
  let fcur = f(xcur);
  if (fpre * fcur > 0) throw new Error(`brentq: f(a) and f(b) must have different signs (f(${a}) = ${fpre}, f(${b}) = ${fcur})`);
  if (fpre === 0) return xpre;
  if (fcur === 0) return xcur;
  let xblk = 0;
  let fblk = 0;
  let spre = 0;
  let scur = 0;
  for (let i = 0; i < maxiter; i++) {
    if (fpre !== 0 && fcur !== 0 && Math.sign(fpre) !== Math.sign(fcur)) {
      xblk = xpre;
      fblk = fpre;
      spre = scur = xcur - xpre;
    }
    if (Math.abs(fblk) < Math.abs(fcur)) {
      xpre = xcur;
      xcur = xblk;
      xblk = xpre;
      fpre = fcur;
      fcur = fblk;
      fblk = fpre;
    }
    const delta = (xtol + rtol * Math.abs(xcur)) / 2;
    const sbis = (xblk - xcur) / 2;
    if (fcur === 0 || Math.abs(sbis) < delta) return xcur;
    if (Math.abs(spre) > delta && Math.abs(fcur) < Math.abs(fpre)) {
      let stry: number;
      if (xpre === xblk) {
        stry = (-fcur * (xcur - xpre)) / (fcur - fpre); // secant
      } else {
        const dpre = (fpre - fcur) / (xpre - xcur);
        const dblk = (fblk - fcur) / (xblk - xcur);
        stry = (-fcur * (fblk * dblk - fpre * dpre)) / (dblk * dpre * (fblk - fpre)); // inverse quadratic
      }
      if (2 * Math.abs(stry) < Math.min(Math.abs(spre), 3 * Math.abs(sbis) - delta)) {
        spre = scur;
        scur = stry;
      } else {
        spre = sbis;
        scur = sbis;
      }
    } else {
      spre = sbis;
      scur = sbis;
    }
    xpre = xcur;
    fpre = fcur;
    if (Math.abs(scur) > delta) xcur += scur;
    else xcur += sbis > 0 ? delta : -delta;
    fcur = f(xcur);
  }
  throw new Error(`brentq: no convergence in ${maxiter} iterations`);
}

/** numpy's `isclose(a, b, atol=atol)` (rtol 1e-5). */
function isclose(a: number, b: number, atol: number): boolean {
  return Math.abs(a - b) <= atol + 1e-5 * Math.abs(b);
}

/** Options of {@link findXBound}. */
export interface FindXBoundOptions {
  /** Tolerance on |y(x) - yBound| (default 1e-5). */
  tolerance?: number;
  /** `'equal'` (default), `'greater'` (y(x) just above the bound) or `'less'` (just below). */
  boundType?: 'equal' | 'greater' | 'less';
  /** Where CompNeuroPy's `Logger().log` messages go (default: nowhere), e.g. `new Logger().log`. */
  log?: (txt: string) => void;
}

/**
 * The x at which `y(x)` reaches `yBound`, searching upwards from `x0` (`find_x_bound`):
 * exponential search for an upper end (b = x0 + 1, doubled while y(b) < yBound, giving up past
 * 1e6), Brent's method inside, then for `'greater'`/`'less'` small steps until y crosses the
 * bound. If y(x0) is already at the bound it returns `[x0, x0]`, as CompNeuroPy does.
 *
 * @example
 * ```ts
 * findXBound((x) => x * x, 0, 2); // 1.4142135623...
 * ```
 */
export function findXBound(y: (x: number) => number, x0: number, yBound: number, options: FindXBoundOptions = {}): number | [number, number] {
  const { tolerance = 1e-5, boundType = 'equal', log = () => {} } = options;
  if (boundType !== 'equal' && boundType !== 'greater' && boundType !== 'less') {
    throw new Error("bound_type should be 'equal', 'greater', or 'less'.");
  }
  const y0 = y(x0);
  if (isclose(y0, yBound, tolerance)) {
    log('Warning: The initial value is already equal to y_bound.');
    return [x0, x0];
  }
  log(`x0: ${x0}, y0: ${y0}, y_bound: ${boundType} ${yBound}`);
  const func = (x: number): number => y(x) - yBound;
  let a = x0;
  let b = x0 + 1;
  while (func(b) < 0) {
    a = b;
    b *= 2;
    if (b > 1e6) break;
  }
  if (b > 1e6) throw new Error('y_bound cannot be reached, the function saturates below y_bound.');
  log(`a: ${a}, b: ${b}`);
  const xRoot = brentq(func, a, b);
  const yRoot = y(xRoot);
  log(`y(x_root=${xRoot}) = ${yRoot}`);
  if (!isclose(yRoot, yBound, tolerance)) {
    log(`Warning: y(x_root) is not within the tolerance of y_bound (y(x_root)=${yRoot}, y_bound=${yBound}, tolerance=${tolerance})!`);
  }
  if (boundType === 'equal' || (boundType === 'greater' && yRoot > yBound) || (boundType === 'less' && yRoot < yBound)) {
    log(`Returning y(x=${xRoot}) = ${yRoot}`);
    return xRoot;
  }
  const dx = Math.abs(xRoot - x0) * 1e-3;
  const grad = (y(xRoot + dx) - y(xRoot - dx)) / (2 * dx);
  let eps = grad !== 0 ? tolerance / Math.abs(grad) : tolerance;
  let x = xRoot;
  let yVal = y(x);
  if (boundType === 'greater') {
    while (yVal < yBound) {
      const prev = yVal;
      x += eps;
      yVal = y(x);
      if (yVal - prev < tolerance / 10) eps *= 2;
    }
  } else {
    while (yVal > yBound) {
      const prev = yVal;
      x -= eps;
      yVal = y(x);
      if (prev - yVal < tolerance / 10) eps *= 2;
    }
  }
  log(`Returning y(x=${x}) = ${yVal}`);
  return x;
}
