import { arqueroModule } from '../monitors/arquero-module.js';
import type { ColumnTable } from 'arquero';
import { currentNetwork } from '../engine/magic-network.js';
import { clear } from '../engine/global-functions.js';
import { pyFloat } from '../analysis/python-format.js';
import { getFullModel, annarchyCompiled, type Compartment } from './model-functions.js';

/**
 * Options of {@link CompNeuroModel} (CompNeuroPy keyword arguments in camelCase).
 *
 * @example
 * ```ts
 * const o: CompNeuroModelOptions = { modelCreationFunction: () => { new Population(1, HHneuronBischop, 'HH'); }, name: 'single_HH' };
 * new CompNeuroModel(o);
 * ```
 */
export interface CompNeuroModelOptions<K extends object = Record<string, unknown>> {
  /** Creates the populations and projections of the model on the global network. */
  modelCreationFunction: (kwargs: K) => void;
  modelKwargs?: K;
  /** Default `"model"` becomes `"model<N>"`, N = number of models initialised so far. */
  name?: string;
  description?: string;
  doCreate?: boolean;
  doCompile?: boolean;
  /** Accepted for compatibility and unused: compiling takes milliseconds and writes no folder. */
  compileFolderName?: string;
}

/** One row of the attribute overview. */
interface AttributeRow {
  compartment_type: 'population' | 'projection';
  compartment_name: string;
  attribute_name: string;
  value: string | number;
  definition: 'init' | 'modified';
}

function minMax(v: unknown): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (x: unknown) => {
    if (typeof x === 'number') {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    } else if (ArrayBuffer.isView(x)) for (const y of x as unknown as Float64Array) visit(y);
    else if (Array.isArray(x)) for (const y of x) visit(y);
  };
  visit(v);
  return [lo, hi];
}


/**
 * A model: a function creating populations and projections, plus CompNeuroPy's bookkeeping
 * (name, description, created/compiled state, the compartments it created, an attribute
 * overview). Compiling compiles the whole global network, in milliseconds.
 *
 * @example
 * ```ts
 * setup({ dt: 0.01 });
 * const model = new CompNeuroModel({
 *   modelCreationFunction: () => { new Population(1, HHneuronBischop, 'HH_Bischop'); },
 *   name: 'single_HH_Bischop',
 * });
 * model.populations; // ['HH_Bischop']
 * ```
 */
export class CompNeuroModel<K extends object = Record<string, unknown>> {
  /** name -> created, for every model initialised in this process. */
  static initializedModels: Record<string, boolean> = {};
  /** name -> compiled. */
  static compiledModels: Record<string, boolean> = {};

  readonly name: string;
  readonly description: string;
  /** Creates the model's populations and projections (CompNeuroPy's `model_creation_function`). */
  readonly modelCreationFunction: (kwargs: K) => void;
  readonly modelKwargs: K | undefined;
  readonly compileFolderName: string;
  populations: string[] = [];
  projections: string[] = [];
  private rows: AttributeRow[] = [];
  private compiledUpdated = false;

  constructor(opts: CompNeuroModelOptions<K>) {
    if (!opts || typeof opts.modelCreationFunction !== 'function') {
      throw new Error('CompNeuroModel: "modelCreationFunction" must be a function creating the populations and projections');
    }
    const { name = 'model', description = '', doCreate = true, doCompile = true, compileFolderName = 'annarchy' } = opts;
    if (typeof name !== 'string') throw new Error('CompNeuroModel: "name" must be a string');
    this.name = name === 'model' ? `model${Object.keys(CompNeuroModel.initializedModels).length}` : name;
    this.description = description;
    this.modelCreationFunction = opts.modelCreationFunction;
    this.modelKwargs = opts.modelKwargs;
    this.compileFolderName = compileFolderName;
    CompNeuroModel.initializedModels[this.name] = false;
    CompNeuroModel.compiledModels[this.name] = false;
    if (doCreate) this.create({ doCompile, compileFolderName });
  }

  /** True once `create()` ran. */
  get created(): boolean {
    return CompNeuroModel.initializedModels[this.name] ?? false;
  }

  /** True once the network was compiled with this model in it. */
  get compiled(): boolean {
    if (annarchyCompiled() && !this.compiledUpdated) {
      // CompNeuroPy marks every registered model compiled once the network is compiled
      for (const k of Object.keys(CompNeuroModel.compiledModels)) CompNeuroModel.compiledModels[k] = true;
      this.compiledUpdated = true;
    }
    return CompNeuroModel.compiledModels[this.name] ?? false;
  }

  /** Create the model's populations and projections (and compile, by default). */
  create(opts: { doCompile?: boolean; compileFolderName?: string; warn?: boolean } = {}): void {
    const { doCompile = true, warn = true } = opts;
    if (this.created) {
      console.log(`model ${this.name} already created!`);
      return;
    }
    const before = getFullModel();
    this.modelCreationFunction((this.modelKwargs ?? {}) as K);
    CompNeuroModel.initializedModels[this.name] = true;
    const after = getFullModel();
    this.populations = after.populations.filter((p) => !before.populations.includes(p));
    this.projections = after.projections.filter((p) => !before.projections.includes(p));
    const both = this.populations.filter((p) => after.projections.includes(p));
    if (both.length > 0) throw new Error(`CompNeuroModel ${this.name}: names used by both a population and a projection: ${both.join(', ')}`);
    this.buildRows();
    if (doCompile) this.compile({ warn });
  }

  /** Compile the global network (all created models). */
  compile(opts: { compileFolderName?: string; warn?: boolean } = {}): void {
    const { warn = true } = opts;
    if (!this.created) {
      throw new Error(`ERROR during compile of model ${this.name}: Only compile the model after it has been created!`);
    }
    const notCreated = Object.entries(CompNeuroModel.initializedModels).filter(([, c]) => !c).map(([n]) => n);
    if (warn && notCreated.length > 0) {
      console.log(`\nWARNING during compile of model ${this.name}: There are initialized models which are not created, thus not compiled! models:\n${notCreated.join('\n')}\n`);
    }
    currentNetwork().compile();
    CompNeuroModel.compiledModels[this.name] = true;
    this.updateWeightRows();
  }

  private compartment(name: string): Compartment {
    const net = currentNetwork();
    const c = (net.populationsList as unknown as Compartment[]).find((p) => p.name === name)
      ?? (net.projectionsList as unknown as Compartment[]).find((p) => p.name === name);
    if (!c) throw new Error(`CompNeuroModel ${this.name}: compartment "${name}" not found`);
    return c;
  }

  private describe(v: unknown, kind: 'population' | 'projection'): string | number {
    const [lo, hi] = minMax(v);
    if (lo !== hi) return `[${pyFloat(lo)}, ${pyFloat(hi)}]`;
    return kind === 'projection' ? lo : pyFloat(lo);
  }

  private buildRows(): void {
    this.rows = [];
    for (const [kind, names] of [['population', this.populations], ['projection', this.projections]] as const) {
      for (const name of names) {
        const c = this.compartment(name);
        for (const a of c.attributes) {
          this.rows.push({ compartment_type: kind, compartment_name: name, attribute_name: a, value: this.describe(c.get(a), kind), definition: 'init' });
        }
      }
    }
  }

  private updateWeightRows(): void {
    for (const row of this.rows) {
      if (row.compartment_type === 'projection' && row.attribute_name === 'w') {
        row.value = this.describe(this.compartment(row.compartment_name).get('w'), 'projection');
        row.definition = 'modified';
      }
    }
  }

  /**
   * Set a parameter of one of this model's compartments and note it in the overview
   * (CompNeuroPy `set_param`).
   */
  setParam(compartment: string, parameterName: string, parameterValue: unknown): void {
    if (!this.created) throw new Error(`CompNeuroModel ${this.name}: set_param needs a created model`);
    if (!this.populations.includes(compartment) && !this.projections.includes(compartment)) {
      throw new Error(`CompNeuroModel ${this.name}: compartment "${compartment}" is not part of the model; compartments: ${[...this.populations, ...this.projections].join(', ')}`);
    }
    const c = this.compartment(compartment);
    c.set({ [parameterName]: parameterValue });
    const kind = this.populations.includes(compartment) ? 'population' : 'projection';
    const row = this.rows.find((r) => r.compartment_name === compartment && r.attribute_name === parameterName);
    const value = this.describe(c.get(parameterName), kind);
    if (row) {
      row.value = value;
      row.definition = 'modified';
    } else {
      this.rows.push({ compartment_type: kind, compartment_name: compartment, attribute_name: parameterName, value, definition: 'modified' });
    }
  }

  /**
   * The attribute overview as an arquero table with CompNeuroPy's columns
   * (compartment_type, compartment_name, attribute_name, value, definition).
   */
  get attributeDf(): ColumnTable {
    if (this.compiled) this.updateWeightRows();
    return arqueroModule().from(this.rows.map((r) => ({ ...r, value: String(r.value) })));
  }
}

/**
 * Forget the whole global network (ANNarchy `clear()`) and mark every CompNeuroModel as not
 * created and not compiled (CompNeuroPy `cnp_clear`).
 *
 * @example
 * ```ts
 * cnpClear();
 * model.created; // false
 * ```
 */
export function cnpClear(): void {
  clear();
  for (const k of Object.keys(CompNeuroModel.initializedModels)) CompNeuroModel.initializedModels[k] = false;
  for (const k of Object.keys(CompNeuroModel.compiledModels)) CompNeuroModel.compiledModels[k] = false;
}
