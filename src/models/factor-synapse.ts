import { Synapse } from '../language/synapse.js';
import { fmt, resolveOptions } from './model-options.js';

/**
 * Options of {@link FactorSynapse} (CompNeuroPy keyword arguments).
 *
 * @example
 * ```ts
 * new FactorSynapse({ max_trans: 700, mod_factor: 1.85 } satisfies FactorSynapseOptions);
 * ```
 */
export interface FactorSynapseOptions {
  /** Ceiling of the post-synaptic conductance after each increment; null/undefined: no ceiling. Default null. */
  max_trans?: number | null;
  /** Factor applied to the weight on each spike. Default 0. */
  mod_factor?: number;
}

/**
 * CompNeuroPy's `FactorSynapse` (`synapse_models/synapse_models.py`, ANNarchy name
 * `factor_synapse`): on each presynaptic spike `g_target += w * mod_factor`, and when
 * `max_trans` is given the conductance is then clipped at `max_trans` (flag
 * `: max = max_trans`). No equations. `max_trans` (only if given) and `mod_factor` are
 * per-synapse parameters, usually overridden per projection (`proj.mod_factor = 1.85`).
 *
 * @example
 * ```ts
 * const proj = new Projection(cor, str, 'ampa', new FactorSynapse({ max_trans: 700, mod_factor: 1.85 }));
 * proj.connectFixedNumberPre({ number: 10, weights: 1 });
 * ```
 */
export class FactorSynapse extends Synapse {
  constructor(opts: FactorSynapseOptions = {}) {
    const o = resolveOptions<{ max_trans: number | null; mod_factor: number }>('FactorSynapse', opts, { max_trans: null, mod_factor: 0 });
    const hasMax = o.max_trans !== null && o.max_trans !== undefined;
    super({
      parameters: `
            ${hasMax ? `max_trans  = ${fmt(o.max_trans!)}` : ''}
            mod_factor = ${fmt(o.mod_factor)}
        `,
      equations: '',
      preSpike: `
            g_target += w * mod_factor ${hasMax ? ': max = max_trans' : ''}
        `,
      name: 'factor_synapse',
      description: `
            Synapse which scales the transmitted value by a specified factor. Factor is
            equivalent to the connection weight if weight==1.
        `,
    });
  }
}

/**
 * CompNeuroPy's module-level instance `factor_synapse` (`FactorSynapse(max_trans=0)`): every
 * projection is expected to set its own `max_trans` (and `mod_factor`); left at 0 nothing is
 * transmitted.
 *
 * @example
 * ```ts
 * const proj = new Projection(cor, str, 'ampa', factorSynapse);
 * proj.connectAllToAll({ weights: 1 });
 * proj.mod_factor = 1.85;
 * proj.max_trans = 700;
 * ```
 */
export const factorSynapse = new FactorSynapse({ max_trans: 0 });

/**
 * CompNeuroPy's module-level instance `factor_synapse_without_max` (`FactorSynapse()`): no
 * ceiling, `mod_factor` 0 until set.
 *
 * @example
 * ```ts
 * const proj = new Projection(a, b, 'gaba', factorSynapseWithoutMax);
 * ```
 */
export const factorSynapseWithoutMax = new FactorSynapse();
