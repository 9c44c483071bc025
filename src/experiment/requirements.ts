import { Population } from '../engine/population.js';
import { currentNetwork } from '../engine/magic-network.js';

/**
 * Options of {@link ReqPopHasAttr}: population name(s) or objects and attribute name(s).
 *
 * @example
 * ```ts
 * const o: ReqPopHasAttrOptions = { pop: 'HH_Bischop', attr: ['I_app', 'v'] };
 * new ReqPopHasAttr(o).run();
 * ```
 */
export interface ReqPopHasAttrOptions {
  pop: string | Population | (string | Population)[];
  attr: string | string[];
}

/**
 * A requirement class as CompNeuroSim takes it: constructed with the kwargs, then `run()` throws if unmet.
 *
 * @example
 * ```ts
 * const R: RequirementClass = ReqPopHasAttr;
 * new R({ pop: 'HH_Bischop', attr: 'I_app' }).run();
 * ```
 */
export type RequirementClass = new (kwargs?: any) => {
  /** Throws if the requirement is not met. */
  run(): void;
};

/**
 * CompNeuroPy's `ReqPopHasAttr`: every population must have every attribute (parameter or
 * variable). Populations given by name are looked up in the global network.
 *
 * @example
 * ```ts
 * new ReqPopHasAttr({ pop: 'HH_Bischop', attr: 'I_app' }).run();     // ok
 * new ReqPopHasAttr({ pop: ['a', 'b'], attr: 'rates' }).run();         // Error: Population a does not contain attribute rates!
 * ```
 */
export class ReqPopHasAttr {
  readonly popNameList: (string | Population)[];
  readonly attrNameList: string[];

  constructor(opts: ReqPopHasAttrOptions) {
    if (opts === null || typeof opts !== 'object' || !('pop' in opts) || !('attr' in opts)) {
      throw new Error('ReqPopHasAttr: expected an options object { pop, attr } (population name(s) and attribute name(s))');
    }
    this.popNameList = Array.isArray(opts.pop) ? [...opts.pop] : [opts.pop];
    this.attrNameList = Array.isArray(opts.attr) ? [...opts.attr] : [opts.attr];
    for (const a of this.attrNameList) if (typeof a !== 'string') throw new Error(`ReqPopHasAttr: attr must be a string or a list of strings, got ${String(a)}`);
    for (const p of this.popNameList) {
      if (typeof p !== 'string' && !(p instanceof Population)) throw new Error(`ReqPopHasAttr: pop must be a population name, a Population or a list of them, got ${String(p)}`);
    }
  }

  /** Throws `Population <pop> does not contain attribute <attr>!` for the first missing pair (attributes outer, populations inner, as CompNeuroPy). */
  run(): void {
    for (const attr of this.attrNameList) {
      for (const p of this.popNameList) {
        const pop = typeof p === 'string' ? currentNetwork().getPopulation(p) : p;
        if (!pop.attributes.includes(attr)) throw new Error(`Population ${pop.name} does not contain attribute ${attr}!\n`);
      }
    }
  }
}

/**
 * CompNeuroPy's old name of {@link ReqPopHasAttr}.
 *
 * @example
 * ```ts
 * new CompNeuroSim({ simulationFunction: currentStep,
 *   requirements: [{ req: reqPopAttr, pop: 'HH_Bischop', attr: 'I_app' }] });
 * ```
 */
export const reqPopAttr = ReqPopHasAttr;
