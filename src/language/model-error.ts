/**
 * An error in a neuron or synapse description. The message names the model, the statement and,
 * where known, the symbol, so a user can find the line to fix (Brian2 style).
 *
 * @example
 * ```ts
 * throw new ModelError('unknown symbol "E_x"', { model: 'HH', statement: 'dv/dt = E_x - v', symbol: 'E_x' });
 * ```
 */
export class ModelError extends Error {
  readonly model: string | undefined;
  readonly statement: string | undefined;
  readonly symbol: string | undefined;

  constructor(problem: string, where: { model?: string; statement?: string; symbol?: string } = {}) {
    const parts = [where.model ? `model "${where.model}"` : 'model'];
    if (where.statement !== undefined) parts.push(`in "${where.statement.trim()}"`);
    super(`${parts.join(' ')}: ${problem}`);
    this.name = 'ModelError';
    this.model = where.model;
    this.statement = where.statement;
    this.symbol = where.symbol;
  }
}
