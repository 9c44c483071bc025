import { fmt } from './model-options.js';

/*
 * The equation template of CompNeuroPy's Izhikevich (2007)-like neurons
 * (`izhikevich_2007_like_nm.py`): module constants `_dv_default`, `_du_default`, `_syn_default`,
 * `_syn_noisy`, `_I_syn`, `_I_base_noise`, and the helpers `_get_equation_izhikevich_2007` and
 * `_set_init`, copied verbatim.
 */

/**
 * `_dv_default`: the right side of `C * dv/dt`.
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007({ affix: `I_inf = ${DV_DEFAULT}` });
 * ```
 */
export const DV_DEFAULT = 'k*(v - v_r)*(v - v_t) - u + I_v';

/**
 * `_du_default`: the right side of `du/dt`.
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007({ du: DU_DEFAULT });
 * ```
 */
export const DU_DEFAULT = 'a*(b*(v - v_r) - u)';

/**
 * `_syn_default`: exponentially decaying AMPA and GABA conductances.
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007({ syn: SYN_DEFAULT, i_v: `I_app ${I_SYN}` });
 * ```
 */
export const SYN_DEFAULT = `
    dg_ampa/dt = -g_ampa/tau_ampa
    dg_gaba/dt = -g_gaba/tau_gaba
`;

/**
 * `_syn_noisy`: like {@link SYN_DEFAULT}, plus Poisson noise on g_ampa (with probability
 * `rates_noise*dt/1000` per step g_ampa jumps by `increase_noise`).
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007({ syn: SYN_NOISY, i_v: `I_app ${I_SYN}` });
 * ```
 */
export const SYN_NOISY = `
    dg_ampa/dt = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rates_noise, -g_ampa/tau_ampa, -g_ampa/tau_ampa + increase_noise/dt)
    dg_gaba/dt = -g_gaba/tau_gaba
`;

/**
 * `_I_syn`: the rectified synaptic current (AMPA only depolarises, GABA only hyperpolarises).
 *
 * @example
 * ```ts
 * `I_app ${I_SYN}`; // "I_app - neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))"
 * ```
 */
export const I_SYN = '- neg(g_ampa*(v - E_ampa)) - pos(g_gaba*(v - E_gaba))';

/**
 * `_I_base_noise`: a baseline current whose offset is redrawn from `Normal(0, 1) * base_noise`
 * at rate `rate_base_noise` (Hz).
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007({ prefix: I_BASE_NOISE, i_v: 'I_app + I_base' });
 * ```
 */
export const I_BASE_NOISE = `
    offset_base = ite(Uniform(0.0, 1.0) * 1000.0 / dt > rate_base_noise, offset_base, Normal(0, 1) * base_noise)
    I_base      = base_mean + offset_base
`;

/**
 * Arguments of {@link getEquationIzhikevich2007} (CompNeuroPy's keyword arguments).
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007({ syn: SYN_DEFAULT, i_v: 'I_app - g_ampa*v' } satisfies Izhikevich2007EquationParts);
 * ```
 */
export interface Izhikevich2007EquationParts {
  syn?: string;
  i_v?: string;
  dv?: string;
  du?: string;
  prefix?: string;
  affix?: string;
}

/**
 * `_get_equation_izhikevich_2007`: the equations in the order [prefix] [syn] `I_v`,
 * `C * dv/dt`, `du/dt`, [affix]; `i_v`, `dv`, `du` are stripped of surrounding whitespace.
 *
 * @example
 * ```ts
 * getEquationIzhikevich2007(); // I_v = I_app, C * dv/dt = k*(v - v_r)*(v - v_t) - u + I_v, du/dt = a*(b*(v - v_r) - u)
 * ```
 */
export function getEquationIzhikevich2007(parts: Izhikevich2007EquationParts = {}): string {
  const { syn = '', prefix = '', affix = '' } = parts;
  const i_v = (parts.i_v ?? 'I_app').trim();
  const dv = (parts.dv ?? DV_DEFAULT).trim();
  const du = (parts.du ?? DU_DEFAULT).trim();
  return `
        ${prefix}
        ${syn}
        I_v        = ${i_v}
        C * dv/dt  = ${dv}
        du/dt      = ${du}
        ${affix}
    `;
}

/**
 * `_set_init`: append `: init=<value>` to every line defining a variable named in `init` (the
 * variable left of `=`, or `x` of `dx/dt`). Names that define no line are reported with
 * CompNeuroPy's warning on the console and otherwise ignored.
 *
 * @example
 * ```ts
 * setInit(getEquationIzhikevich2007(), { v: -60, u: 0 }); // "C * dv/dt  = ... : init=-60", "du/dt      = ... : init=0"
 * ```
 */
export function setInit(equations: string, init: Readonly<Record<string, number>>): string {
  const keys = Object.keys(init);
  if (keys.length === 0) return equations;
  const names: string[] = [];
  const lines = equations.split('\n');
  lines.forEach((line, idx) => {
    // Python's str.replace(" ", ""): spaces only
    const compact = line.split(' ').join('');
    const lhs = compact.split('=')[0]!;
    let name: string;
    if (lhs.includes('/dt')) {
      const m = /.*?(d[_a-zA-Z]+)\/dt.*=.*/.exec(compact);
      if (!m) throw new Error(`setInit: cannot find the variable of the differential equation "${line.trim()}"`);
      name = m[1]!.slice(1);
    } else {
      name = lhs;
    }
    if (Object.prototype.hasOwnProperty.call(init, name)) lines[idx] = `${line} : init=${fmt(init[name]!)}`;
    names.push(name);
  });
  const out = lines.join('\n');
  for (const key of keys) {
    if (!names.includes(key)) {
      // CompNeuroPy print()s this to stdout
      console.log(`Warning: Variable ${key} in init dict is not in the equations of the Izhikevich2007 model. It will be ignored.`);
    }
  }
  return out;
}
