import { ModelError, type ModelSection } from './model-error.js';

/** Flags ANNarchy 4.7.3 accepts after the last `:` of a statement. */
export const AUTHORIZED_FLAGS = [
  'init', 'min', 'max', 'population', 'postsynaptic', 'projection', 'explicit', 'implicit',
  'semiimplicit', 'exponential', 'midpoint', 'rk4', 'runge-kutta4', 'exact', 'event-driven',
  'unless_refractory', 'int', 'bool', 'float', 'unless_post',
] as const;

/** One statement of a description string, with its flags split off. */
export interface RawStatement {
  /** The statement without flags, e.g. `C_m * dv/dt = -I_L + I_app`. */
  text: string;
  /** Bare flags such as `population`, `exponential`. */
  flags: string[];
  /** `key=value` flags: `init`, `min`, `max` (value text as written). */
  bounds: Record<string, string>;
  /** The statement as written (with flags), for error messages. */
  source: string;
  /**
   * 1-based line of the statement in its description string: the first line of a continued
   * statement; statements separated by `;` on one line share it.
   */
  line: number;
  /** The description string it comes from, when the caller said so. */
  section?: ModelSection;
}

/** Where a statement being split comes from (for errors). */
export interface StatementWhere {
  model?: string;
  section?: ModelSection;
  line?: number;
}

/** Split `text` at commas that are not inside parentheses or brackets. */
export function splitTopLevel(text: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Position of the assignment operator of a statement (`=`, `+=`, `-=`, `*=`, `/=`), or -1.
 * `==`, `<=`, `>=`, `!=` are comparisons, not assignments.
 */
export function findAssignment(text: string): { index: number; op: '=' | '+=' | '-=' | '*=' | '/=' } | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '=') continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (next === '=') {
      i++; // skip '=='
      continue;
    }
    if (prev === '<' || prev === '>' || prev === '!' || prev === '=') continue;
    if (prev === '+' || prev === '-' || prev === '*' || prev === '/') {
      return { index: i - 1, op: `${prev}=` as '+=' | '-=' | '*=' | '/=' };
    }
    return { index: i, op: '=' };
  }
  return undefined;
}

function stripComment(line: string): string {
  const k = line.indexOf('#');
  return k >= 0 ? line.slice(0, k) : line;
}

function hasAuthorizedFlag(tail: string): boolean {
  return splitTopLevel(tail).some((item) => {
    const word = item.split('=')[0]!.trim();
    return (AUTHORIZED_FLAGS as readonly string[]).includes(word);
  });
}

function hasSpareColon(source: string): boolean {
  const colons = (source.match(/:/g) ?? []).length;
  const words = (source.match(/\b(if|else)\b/g) ?? []).length;
  return colons > words;
}

/** Split the flags part (after the last `:`) off one statement, if it holds flags. */
export function splitFlags(statement: string, where: string | StatementWhere = {}): RawStatement {
  const w: StatementWhere = typeof where === 'string' ? { model: where } : where;
  const { model, section } = w;
  const line = w.line ?? 1;
  const source = statement.trim();
  const at = { model, section, line, statement: source };
  const colon = source.lastIndexOf(':');
  if (colon < 0) return { text: source, flags: [], bounds: {}, source, line, section };
  const tail = source.slice(colon + 1);
  // the tail holds flags if it names one, or if the statement has more `:` than its
  // conditionals use (one per `if`, one per `else`): then a misspelt flag is reported
  if (!hasAuthorizedFlag(tail) && !hasSpareColon(source)) return { text: source, flags: [], bounds: {}, source, line, section };
  const flags: string[] = [];
  const bounds: Record<string, string> = {};
  for (const item of splitTopLevel(tail)) {
    const it = item.trim();
    if (it === '') continue;
    const eq = it.indexOf('=');
    if (eq >= 0) {
      const key = it.slice(0, eq).trim();
      if (!['init', 'min', 'max'].includes(key)) {
        throw new ModelError(`unknown flag "${key}=": only init=, min= and max= take a value`, { ...at, symbol: key });
      }
      bounds[key] = it.slice(eq + 1).trim();
    } else {
      if (!(AUTHORIZED_FLAGS as readonly string[]).includes(it)) {
        throw new ModelError(`unknown flag "${it}"; expected one of ${AUTHORIZED_FLAGS.join(', ')}`, { ...at, symbol: it });
      }
      flags.push(it);
    }
  }
  return { text: source.slice(0, colon).trim(), flags, bounds, source, line, section };
}

/**
 * Split a description string into statements as ANNarchy does: newlines or `;` separate
 * statements, `#` starts a comment, and a line without an assignment continues the previous
 * statement (multi-line equations). Flags are split off each statement.
 *
 * @example
 * ```ts
 * splitStatements('tau = 10 : population\nv = 0 ; w = 1');
 * // [{ text: 'tau = 10', flags: ['population'], ... }, { text: 'v = 0', ...}, { text: 'w = 1', ...}]
 * ```
 */
export function splitStatements(
  text: string | undefined | null,
  opts: { model?: string; continuation?: boolean; section?: ModelSection } = {},
): RawStatement[] {
  if (text === undefined || text === null) return [];
  if (typeof text !== 'string') {
    throw new ModelError(`expected a string of statements, got ${typeof text}`, { model: opts.model, section: opts.section });
  }
  const lines: { text: string; line: number }[] = [];
  text.split('\n').forEach((rawLine, k) => {
    for (const part of stripComment(rawLine).split(';')) {
      const line = part.trim();
      if (line === '') continue;
      // as ANNarchy's process_equations: the assignment is looked for left of the flags
      // (`+ g_exc * (E - v): exponential, init=-65.0` continues the previous equation); a lone
      // name with flags (`c : int, init=3`) stays a statement so that its error names it
      const colon = line.lastIndexOf(':');
      const head = colon >= 0 && hasAuthorizedFlag(line.slice(colon + 1)) ? line.slice(0, colon) : line;
      const continues = opts.continuation !== false && lines.length > 0 && findAssignment(line.split(':')[0]!) === undefined
        && findAssignment(head) === undefined && !/^[A-Za-z_]\w*\s*$/.test(head.trim());
      if (continues) lines[lines.length - 1]!.text += ' ' + line;
      else lines.push({ text: line, line: k + 1 });
    }
  });
  return lines.map((l) => splitFlags(l.text, { model: opts.model, section: opts.section, line: l.line }));
}

/**
 * 1-based line of the first non-blank line of a description string (where a one-statement
 * string such as `spike` starts).
 */
export function firstLineOf(text: string): number {
  const k = text.split('\n').findIndex((l) => l.trim() !== '');
  return k < 0 ? 1 : k + 1;
}
