/**
 * One-time warnings for values that are valid but probably not what was meant (Brian2's unit
 * checks catch these as errors; ANNarchy has no units, so they stay warnings): each distinct
 * message is printed once per process, through `console.warn`.
 */
const seen = new Set<string>();

/**
 * Print `message` with `console.warn` unless it was printed before; returns whether it printed.
 *
 * @example
 * ```ts
 * warnOnce('setup: dt = 0.0001 ms looks like seconds');
 * ```
 */
export function warnOnce(message: string): boolean {
  if (seen.has(message)) return false;
  if (seen.size < 1000) seen.add(message); // bounded: user values are part of the messages
  console.warn(`Warning: ${message}`);
  return true;
}
