import { clearConstants } from '../language/constant.js';
import { clearFunctions } from '../language/global-functions.js';
import { currentNetwork, resetCurrentNetwork } from './magic-network.js';
import type { NamedParticipant, ResetOptions, SetupOptions, NetworkSimulateOptions } from './network.js';
import type { Population } from './population.js';

/**
 * Configure the global network (ANNarchy `setup(dt=..., seed=..., method=...)`).
 *
 * @example
 * ```ts
 * setup({ dt: 0.01, seed: 42 });
 * ```
 */
export function setup(opts: SetupOptions): void {
  currentNetwork().setup(opts);
}

/**
 * ANNarchy's `set_seed(seed)`: reseeds the global network's random generators (ANNarchy's C++
 * `std::mt19937` and numpy's), as `setup({ seed })` does. Draws made after it follow the seed.
 *
 * @example
 * ```ts
 * setSeed(42); // the same connectivity and initial values as in ANNarchy after set_seed(42)
 * ```
 */
export function setSeed(seed: number): void {
  currentNetwork().setSeed(seed);
}

/**
 * Compile the global network (milliseconds; a no-op when nothing new was added) and print
 * ANNarchy's line `Compiling ...  OK ` unless `setup({ verbose: false })`.
 *
 * @example
 * ```ts
 * const pop = new Population(10, Izhikevich2007, 'pop');
 * compile(); // prints "Compiling ...  OK "
 * ```
 */
export function compile(): void {
  const net = currentNetwork();
  net.compile();
  if (net.verbose) console.log('Compiling ...  OK ');
}

/**
 * Simulate the global network for `duration` ms (`ceil(duration/dt)` steps; with callbacks
 * declared by `every()`, `int(duration/dt)` steps as in 4.7.3; `{ callbacks: false }` skips them).
 *
 * @example
 * ```ts
 * simulate(1000);
 * getTime(); // 1000
 * simulate(60000, { progress: true }); // a terminal progress bar with simulated time and ETA
 * ```
 */
export function simulate(duration: number, options?: NetworkSimulateOptions): void {
  currentNetwork().simulate(duration, options);
}

/**
 * Simulate the global network until the populations' stop conditions hold (or `maxDuration`
 * ms passed); returns the simulated time in ms (not ANNarchy 4.7.3's buggy `steps / dt`).
 *
 * @example
 * ```ts
 * const pop = new Population(1, neuron, { stopCondition: 'decision >= 0 : any' });
 * compile();
 * const t = simulateUntil(500, pop);
 * ```
 */
export function simulateUntil(maxDuration: number, population: Population | Population[], operator: 'and' | 'or' = 'and'): number {
  return currentNetwork().simulateUntil(maxDuration, population, operator);
}

/**
 * One step of the global network.
 *
 * @example
 * ```ts
 * step();      // advances the global network by dt
 * ```
 */
export function step(): void {
  currentNetwork().step();
}

/**
 * Reset the global network (time 0; populations and monitors by default).
 *
 * @example
 * ```ts
 * simulate(100);
 * reset({ populations: true, monitors: true });   // getTime() === 0
 * ```
 */
export function reset(opts: ResetOptions = {}): void {
  currentNetwork().reset(opts);
}

/**
 * Current time of the global network in ms.
 *
 * @example
 * ```ts
 * simulate(10);
 * getTime();   // 10
 * ```
 */
export function getTime(): number {
  return currentNetwork().getTime();
}

/**
 * Set the time of the global network in ms (`int(ms/dt)` steps).
 *
 * @example
 * ```ts
 * setTime(500);   // getTime() === 500, getCurrentStep() === 500 / dt()
 * ```
 */
export function setTime(ms: number): void {
  currentNetwork().setTime(ms);
}

/**
 * Current step of the global network.
 *
 * @example
 * ```ts
 * setup({ dt: 0.1 });
 * simulate(1);
 * getCurrentStep();   // 10
 * ```
 */
export function getCurrentStep(): number {
  return currentNetwork().getCurrentStep();
}

/**
 * Set the current step of the global network.
 *
 * @example
 * ```ts
 * setCurrentStep(0);
 * ```
 */
export function setCurrentStep(step: number): void {
  currentNetwork().setCurrentStep(step);
}

/**
 * The time step of the global network in ms (ANNarchy `dt()`).
 *
 * @example
 * ```ts
 * setup({ dt: 0.01 });
 * dt(); // 0.01
 * ```
 */
export function dt(): number {
  return currentNetwork().dt;
}

/**
 * The population of the global network with this name (throws if none).
 *
 * @example
 * ```ts
 * new HHmodelBischop();
 * getPopulation('HH_Bischop').v = -90.0;
 * ```
 */
export function getPopulation(name: string): Population {
  return currentNetwork().getPopulation(name);
}

/**
 * The projection of the global network with this name (throws if none).
 *
 * @example
 * ```ts
 * const w = getProjection('exc_inh').w;   // ANNarchy's get_projection('exc_inh')
 * ```
 */
export function getProjection(name: string): NamedParticipant {
  return currentNetwork().getProjection(name);
}

/**
 * All populations of the global network, in creation order.
 *
 * @example
 * ```ts
 * populations().map((p) => p.name);   // ['HH_Bischop']
 * ```
 */
export function populations(): Population[] {
  return [...currentNetwork().populationsList];
}

/**
 * All projections of the global network, in creation order.
 *
 * @example
 * ```ts
 * projections().length;   // 0 without projections
 * ```
 */
export function projections(): NamedParticipant[] {
  return [...currentNetwork().projectionsList];
}

/**
 * Forget every object of the global network and all constants (ANNarchy `clear()`).
 *
 * @example
 * ```ts
 * clear();   // the next Population starts a new network
 * ```
 */
export function clear(): void {
  resetCurrentNetwork();
  clearConstants();
  clearFunctions();
}
