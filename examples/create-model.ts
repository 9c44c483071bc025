// Port of CompNeuroPy's examples/create_model.py (docs/examples/generate_models.md): how to
// use CompNeuroModel to create and compile models: define a model creation function,
// initialize, create and compile a model, and get information about it.
// The model "myModel" is imported by examples/run-and-monitor-simulations.ts.
// Run: `npm start -- examples/create-model.ts`.
import { isMain } from './is-main.js';
import { Population, CompNeuroModel, PoissonNeuron, pyPrint } from '../src/index.js';

/// define model_creation_function
/**
 * Generates two Poisson neuron populations.
 *
 * params: sizes (s1/s2) and names (n1/n2) of pop1/pop2; a: unused, for demonstration only.
 */
export function twoPoisson({ params, a }: { params: { s1: number; s2: number; n1: string; n2: string }; a: number }): void {
  /// create two populations
  new Population(params.s1, new PoissonNeuron(), params.n1);
  new Population(params.s2, new PoissonNeuron(), params.n2);
  /// print unused parameter
  console.log(`created model, other parameters: ${a}`);
}

/// Let's initialize a first model
/// define the parameters argument of the model creation function
const params = { s1: 3, s2: 3, n1: 'first_poisson', n2: 'second_poisson' };

/// use CompNeuroModel to initialize the model, not create or compile it yet
export const myModel = new CompNeuroModel({
  modelCreationFunction: twoPoisson,
  modelKwargs: { params, a: 1 },
  name: 'my_model',
  description: 'my simple Poisson neuron model',
  doCreate: false,
  doCompile: false,
  compileFolderName: 'annarchy_my_model',
});

/// this initialized the first model
/// we could now create and compile it, but we will do this inside main
/// it could also be imported in other scripts and then created/compiled there

/**
 * Python's `tabulate(rows, headers, tablefmt="grid")`: left-aligned cells, each column as wide
 * as its widest cell or its header plus 2.
 */
export function tabulateGrid(rows: string[][], headers: string[]): string {
  const widths = headers.map((h, c) => Math.max(h.length + 2, ...rows.map((r) => r[c]!.length)));
  const line = (ch: string) => `+${widths.map((w) => ch.repeat(w + 2)).join('+')}+`;
  const row = (cells: string[]) => `| ${cells.map((s, c) => s.padEnd(widths[c]!)).join(' | ')} |`;
  return [line('-'), row(headers), line('='), ...rows.flatMap((r) => [row(r), line('-')])].join('\n');
}

export function main(): number {
  /// initialize a second model
  /// this time directly create it, but not compile it yet, models can only be created
  /// if not compiled yet
  const params2 = { s1: 1, s2: 1, n1: 'pop1', n2: 'pop2' };
  const myModel2 = new CompNeuroModel({
    modelCreationFunction: twoPoisson,
    modelKwargs: { params: params2, a: 2 },
    doCompile: false,
  });

  /// now create also first model, and compile everything (automatically since we did
  /// not set doCompile: false)
  myModel.create();

  /// print some name, description, populations and projections of the models in
  /// tabular form
  const modelsData = [myModel, myModel2].map((m) => [m.name, m.description, pyPrint(m.populations), pyPrint(m.projections)]);
  const headers = ['Model', 'Description', 'Populations', 'Projections'];
  console.log(tabulateGrid(modelsData, headers));
  return 1;
}

if (isMain('create-model')) main();
