/**
 * Memory budgets of the engine, so that a careless argument (`delays: 1e9`, a population of
 * 1e12 neurons, a monitor left recording for days) fails with an error naming the argument and
 * the budget instead of aborting the process out of memory. Raise them with
 * {@link setResourceLimits} when a machine has the memory.
 */
export interface ResourceLimits {
  /** Bytes one projection's delay queue (spike or rate history of the pre-synaptic neurons) may take. Default 1 GiB. */
  delayQueueBytes: number;
  /** Neurons in one population. Default 1e8. */
  populationSize: number;
  /** Bytes one recorded variable of one monitor may take. Default 2 GiB. */
  monitorBytes: number;
}

const DEFAULTS: ResourceLimits = { delayQueueBytes: 2 ** 30, populationSize: 1e8, monitorBytes: 2 ** 31 };
const limits: ResourceLimits = { ...DEFAULTS };

/**
 * The current budgets (read-only view).
 *
 * @example
 * ```ts
 * resourceLimits().delayQueueBytes; // 1073741824
 * ```
 */
export function resourceLimits(): Readonly<ResourceLimits> {
  return limits;
}

/**
 * Change some budgets (positive numbers); `setResourceLimits('defaults')` restores them all.
 *
 * @example
 * ```ts
 * setResourceLimits({ delayQueueBytes: 8 * 2 ** 30 }); // allow 8 GiB of delay queue per projection
 * ```
 */
export function setResourceLimits(change: Partial<ResourceLimits> | 'defaults'): void {
  if (change === 'defaults') {
    Object.assign(limits, DEFAULTS);
    return;
  }
  if (change === null || typeof change !== 'object') throw new Error(`setResourceLimits: expected an object such as { delayQueueBytes: 2 ** 30 } or 'defaults', got ${String(change)}`);
  for (const [k, v] of Object.entries(change)) {
    if (!(k in DEFAULTS)) throw new Error(`setResourceLimits: unknown limit "${k}"; expected ${Object.keys(DEFAULTS).join(', ')}`);
    if (typeof v !== 'number' || !(v > 0)) throw new Error(`setResourceLimits: ${k} must be a positive number, got ${String(v)}`);
  }
  Object.assign(limits, change);
}

/** Human-readable bytes for messages. */
export function formatBytes(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toPrecision(3)} GiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toPrecision(3)} MiB`;
  return `${n} B`;
}
