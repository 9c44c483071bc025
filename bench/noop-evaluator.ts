// An evaluation module that does nothing but answer: the runner rows' message round trip.
/** Returns the first value of a chunk plus one (one tiny typed array back). */
export function createEvaluator(): (chunk: Float64Array) => Float64Array {
  return (chunk) => Float64Array.of(chunk[0]! + 1);
}
