// Port of CompNeuroPy's examples/deap_cma.py (MIT, Copyright (c) 2022 Oliver Maith):
// how to use the DeapCma class to optimize parameters.
// Run with `npx tsx examples/deap-cma.ts`; it writes logbook_optional.png.
import { pathToFileURL } from 'node:url';
import { DeapCma, NumpyRandomState, type DeapCmaResult } from '../src/index.js';

/// numpy's global generator of the Python script (source solutions and CMA samples share it)
const rng = new NumpyRandomState(2024);

/// for DeapCma we need to define the evaluate_function
/**
 * Calculate the loss for a population of individuals.
 *
 * population: population of individuals (i.e., parameter sets) to evaluate
 * returns: list of tuples, where each tuple contains the loss for an individual
 */
export function evaluateFunction(population: number[][]): [number][] {
  const lossList: [number][] = [];
  /// the population is a list of individuals
  for (const individual of population) {
    /// the individual is a list of parameters
    const [p0, p1, p2] = individual as [number, number, number];
    /// calculate the loss of the individual
    const lossOfIndividual = (p0 - 3) ** 2 + (p1 - 7) ** 2 + (p2 - -2) ** 2;
    /// insert the loss of the individual into the list of tuples
    lossList.push([lossOfIndividual]);
  }
  return lossList;
}

/**
 * DeapCma can use source solutions to initialize the optimization process. This
 * function returns an example of source solutions: a list of [parameters, loss].
 */
export function getSourceSolutions(lb: number[], ub: number[]): [number[], number][] {
  /// create random solutions (np.random.uniform(0, 1, (100, 3)) * (ub - lb) + lb)
  const u = rng.uniform(0, 1, 300);
  const sourceSolutionsParameters = Array.from({ length: 100 }, (_, i) => [0, 1, 2].map((j) => u[i * 3 + j]! * (ub[j]! - lb[j]!) + lb[j]!));
  /// evaluate the random solutions
  const sourceSolutionsLosses = evaluateFunction(sourceSolutionsParameters);
  /// create a list of tuples, where each tuple contains the parameters of an
  /// individual and its loss
  const sourceSolutions = sourceSolutionsParameters.map((p, idx) => [p, sourceSolutionsLosses[idx]![0]] as [number[], number]);
  /// only use the best 10 as source solutions
  return sourceSolutions.sort((a, b) => a[1] - b[1]).slice(0, 10);
}

export async function main(): Promise<{ deapCmaResult: DeapCmaResult; deapCmaOptionalResult: DeapCmaResult }> {
  /// define lower bounds of paramters to optimize
  const lb = [-10, -10, 0];

  /// define upper bounds of paramters to optimize
  const ub = [10, 15, 5];

  /// create an "minimal" instance of the DeapCma class
  const deapCma = new DeapCma({
    lower: lb,
    upper: ub,
    evaluateFunction,
    rng,
  });

  /// create an instance of the DeapCma class using all optional attributes
  /// to initialize one could give a p0 array (same shape as lower and upper) and a
  /// sig0 value or use source solutions (as shown here)
  const deapCmaOptional = new DeapCma({
    lower: lb,
    upper: ub,
    evaluateFunction,
    maxEvals: 1000,
    p0: undefined,
    sig0: undefined,
    paramNames: ['a', 'b', 'c'],
    learnRateFactor: 1,
    dampingFactor: 1,
    verbose: true,
    plotFile: 'logbook_optional.png',
    cmaParamsDict: {},
    sourceSolutions: getSourceSolutions(lb, ub),
    hardBounds: true,
    rng,
  });

  /// run the optimization, since max_evals was not defined during initialization of
  /// the DeapCma instance, it has to be defined here
  const deapCmaResult = await deapCma.run({ maxEvals: 1000 });

  /// run the optimization with all optional attributes
  const deapCmaOptionalResult = await deapCmaOptional.run({ verbose: false });

  /// print the best parameters and its loss, since we did not define the names of the
  /// parameters during initialization of the DeapCma instance, the names are param0,
  /// param1, param2, also print everything that is in the dict returned by the run
  let bestParamDict = Object.fromEntries(['param0', 'param1', 'param2'].map((k) => [k, deapCmaResult[k]]));
  console.log('\nFirst (minimal) optimization:');
  console.log(`Dict from run function contains: ${JSON.stringify(Object.keys(deapCmaResult))}`);
  console.log(`Best parameters: ${JSON.stringify(bestParamDict)}`);
  console.log(`Loss of best parameters: ${deapCmaResult.best_fitness}\n`);

  /// print the same for the second optimization
  bestParamDict = Object.fromEntries(['a', 'b', 'c'].map((k) => [k, deapCmaOptionalResult[k]]));
  console.log('Second optimization (with all optional attributes):');
  console.log(`Dict from run function contains: ${JSON.stringify(Object.keys(deapCmaOptionalResult))}`);
  console.log(`Best parameters: ${JSON.stringify(bestParamDict)}`);
  console.log(`Loss of best parameters: ${deapCmaOptionalResult.best_fitness}`);

  return { deapCmaResult, deapCmaOptionalResult };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
