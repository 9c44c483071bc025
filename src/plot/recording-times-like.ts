/**
 * Which part of the recordings a {@link RecordingTimesLike} query is about.
 *
 * @example
 * ```ts
 * const q: RecordingTimesQuery = { chunk: 0, compartment: 'HH_Bischop' };
 * recordingTimes.timeLims(q);
 * ```
 */
export interface RecordingTimesQuery {
  /** Chunk index (default 0). */
  chunk?: number;
  /** Compartment name (default: the chunk's first compartment). */
  compartment?: string;
  /** Period index (default: all periods). */
  period?: number;
}

/**
 * The members of CompNeuroPy's `RecordingTimes` that PlotRecordings uses. The monitors'
 * `RecordingTimes` class satisfies it structurally; tests can build one from literal tables.
 *
 * @example
 * ```ts
 * const rt: RecordingTimesLike = {
 *   timeLims: () => [0, 99.9], idxLims: () => [0, 999], getNrPeriods: () => 1,
 * };
 * ```
 */
export interface RecordingTimesLike {
  /** (start, stop) sample times in ms, both inclusive. */
  timeLims(opts?: RecordingTimesQuery): [number, number];
  /** (start, stop) array indices, both inclusive. */
  idxLims(opts?: RecordingTimesQuery): [number, number];
  /** Number of recording periods of a compartment in a chunk. */
  getNrPeriods(chunk: number, compartment: string): number;
}
