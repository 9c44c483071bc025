/**
 * Bad input to {@link DBSstimulator} or its `on()` / `updatePointers()`: names the argument
 * (`stimulatedPopulation`, `dbsPulseFrequencyHz`, ...) and what was expected. Nothing is applied
 * when it is thrown.
 *
 * @example
 * ```ts
 * try {
 *   new DBSstimulator({ stimulatedPopulation: 'nope' });
 * } catch (e) {
 *   if (e instanceof DBSError) console.log(e.argument); // 'stimulatedPopulation'
 * }
 * ```
 */
export class DBSError extends Error {
  /** The option or argument at fault. */
  readonly argument: string;

  constructor(argument: string, message: string) {
    super(`DBSstimulator: ${argument}: ${message}`);
    this.name = 'DBSError';
    this.argument = argument;
  }
}
