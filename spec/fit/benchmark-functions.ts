// DEAP's benchmarks (deap/benchmarks/__init__.py): sphere, rosenbrock, rastrigin.
export const sphere = (x: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return s;
};
export const rosenbrock = (x: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < x.length - 1; i++) s += 100 * (x[i]! * x[i]! - x[i + 1]!) ** 2 + (1 - x[i]!) ** 2;
  return s;
};
export const rastrigin = (x: ArrayLike<number>): number => {
  let s = 10 * x.length;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]! - 10 * Math.cos(2 * Math.PI * x[i]!);
  return s;
};
