/**
 * Bad input to {@link Convolution} or {@link Pooling} (ANNarchy's convolution extension): names
 * the projection, the argument at fault (`weights`, `padding`, `subsampling`, `extent`,
 * `delays`, `keepLastDimension`, `operation`, `pre`, `post`, ...) and what was expected.
 * Nothing is applied when it is thrown.
 *
 * @example
 * ```ts
 * try {
 *   new Convolution(inp, pop, 'exc').connectFilter([[1, 2], [3]]);
 * } catch (e) {
 *   if (e instanceof ConvolutionError) console.log(e.argument); // 'weights'
 * }
 * ```
 */
export class ConvolutionError extends Error {
  /** The option or argument at fault. */
  readonly argument: string;
  /** Name of the projection. */
  readonly projection: string;

  constructor(projection: string, argument: string, message: string) {
    super(`${projection}: ${argument}: ${message}`);
    this.name = 'ConvolutionError';
    this.argument = argument;
    this.projection = projection;
  }
}
