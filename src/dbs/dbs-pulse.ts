import { Constant, CONSTANTS } from '../language/constant.js';
import { addFunction, GLOBAL_FUNCTIONS } from '../language/global-functions.js';
import { DBSError } from './dbs-error.js';

/**
 * CompNeuroPy's DBS pulse, a global function of the time in ms: 1 while
 * `modulo(t*1000, 1e6/f) < width_us`, else 0. ANNarchy's `modulo` is integer modulo, so both
 * operands are truncated: at dt = 0.1 ms, 130 Hz and 300 us the pulses cover steps 0-2, 77-79,
 * 154-156, ... (one every 7692 us).
 *
 * @example
 * ```ts
 * DBS_PULSE_FUNCTION; // 'pulse(time_ms) = ite(modulo(time_ms*1000, ...) < dbs_pulse_width_us, 1., 0.)'
 * ```
 */
export const DBS_PULSE_FUNCTION = 'pulse(time_ms) = ite(modulo(time_ms*1000, 1000000./dbs_pulse_frequency_Hz) < dbs_pulse_width_us, 1., 0.)';

/**
 * Defines the constants `dbs_pulse_frequency_Hz` and `dbs_pulse_width_us` and the global
 * function `pulse(time_ms)` ({@link DBS_PULSE_FUNCTION}), as CompNeuroPy's `_set_constants`.
 * A `pulse` defined otherwise is an error (the models using it would change meaning).
 *
 * Returns a function that undoes it (used when the model turns out not to take the mechanisms).
 *
 * @example
 * ```ts
 * setDbsConstants(130, 300);
 * getConstant('dbs_pulse_width_us').value; // 300
 * ```
 */
export function setDbsConstants(frequencyHz: number, widthUs: number): () => void {
  checkPulse(frequencyHz, widthUs);
  const existing = GLOBAL_FUNCTIONS.find((f) => f.name === 'pulse');
  if (existing && existing.source.replace(/\s/g, '') !== DBS_PULSE_FUNCTION.replace(/\s/g, '')) {
    throw new DBSError('pulse', `a global function "pulse" is already defined ("${existing.source}"), not the DBS pulse`);
  }
  const undo: (() => void)[] = [];
  for (const [name, value] of [['dbs_pulse_frequency_Hz', frequencyHz], ['dbs_pulse_width_us', widthUs]] as const) {
    const c = CONSTANTS.get(name);
    if (c) {
      const old = c.value;
      c.set(value);
      undo.push(() => c.set(old));
    } else {
      new Constant(name, value);
      undo.push(() => CONSTANTS.delete(name));
    }
  }
  if (!existing) {
    addFunction(DBS_PULSE_FUNCTION);
    undo.push(() => GLOBAL_FUNCTIONS.splice(GLOBAL_FUNCTIONS.findIndex((f) => f.name === 'pulse'), 1));
  }
  return () => undo.forEach((u) => u());
}

/**
 * Checks the pulse frequency (Hz) and width (us): finite, positive, a period of at least 1 us
 * (the integer modulo would divide by zero) and a width below the period (else the pulse never
 * ends).
 *
 * @example
 * ```ts
 * checkPulse(130, 300);     // fine
 * checkPulse(130, 10000);   // throws DBSError naming dbsPulseWidthUs
 * ```
 */
export function checkPulse(frequencyHz: number, widthUs: number): void {
  if (typeof frequencyHz !== 'number' || !Number.isFinite(frequencyHz) || frequencyHz <= 0 || frequencyHz > 1e6) {
    throw new DBSError('dbsPulseFrequencyHz', `expected a number in (0, 1e6] Hz, got ${String(frequencyHz)}`);
  }
  const period = Math.trunc(1e6 / frequencyHz);
  if (typeof widthUs !== 'number' || !Number.isFinite(widthUs) || widthUs <= 0 || widthUs >= period) {
    throw new DBSError('dbsPulseWidthUs', `expected a number of microseconds in (0, ${period}) (the pulse period at ${frequencyHz} Hz), got ${String(widthUs)}`);
  }
}

/**
 * The probability of an axonal spike per step during a pulse for a mean number of axonal spikes
 * per pulse: `clip(spikes * 1000 * dt / width_us, 0, 1)` (CompNeuroPy's
 * `_axon_spikes_per_pulse_to_prob`).
 *
 * @example
 * ```ts
 * axonSpikesPerPulseToProb(1, 0.1, 300); // 0.333...
 * ```
 */
export function axonSpikesPerPulseToProb(axonSpikesPerPulse: number, dt: number, widthUs: number): number {
  const p = (axonSpikesPerPulse * 1000 * dt) / widthUs;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
