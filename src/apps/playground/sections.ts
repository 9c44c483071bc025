/**
 * The playground's editor text: one document holding the description strings of a neuron, each
 * under a header line (`parameters:`, `equations:`, `spike:`, `reset:`, `functions:`,
 * `refractory:`), its statements below it exactly as in ANNarchy's Python strings. Line `k` of a
 * section is document line `header + k`, so a {@link ModelError}'s section and line map straight
 * to a place in the editor.
 */
import { ModelError, type ModelSection } from '../../language/model-error.js';
import type { NeuronOptions } from '../../language/neuron.js';

/** The neuron sections, in the order the editor writes them. */
export const NEURON_SECTIONS = ['parameters', 'equations', 'spike', 'reset', 'functions', 'refractory'] as const;

/**
 * A neuron section name.
 *
 * @example
 * ```ts
 * const s: NeuronSection = 'equations';
 * ```
 */
export type NeuronSection = (typeof NEURON_SECTIONS)[number];

/**
 * The editor text split into sections: each section's description string and the document line
 * (1-based) of its header.
 *
 * @example
 * ```ts
 * parseSections('equations:\n    dv/dt = -v').text.equations; // '    dv/dt = -v'
 * ```
 */
export interface ParsedSections {
  readonly text: Partial<Record<NeuronSection, string>>;
  readonly headerLine: Partial<Record<NeuronSection, number>>;
}

/**
 * A problem of the editor text itself (not of a statement): text before the first header, an
 * unknown or repeated header. `line` is the 1-based document line.
 *
 * @example
 * ```ts
 * try { parseSections('equation:\n dv/dt = 1'); } catch (e) { (e as SectionError).line; } // 1
 * ```
 */
export class SectionError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'SectionError';
  }
}

const HEADER = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*$/;

/**
 * Split the editor text at its header lines. Blank lines and `#` comments before the first header
 * are allowed; anything else there, an unknown header (`equation:`) or a repeated one is a
 * {@link SectionError} naming the line.
 *
 * @example
 * ```ts
 * const p = parseSections('parameters:\n    tau = 10\nequations:\n    tau * dv/dt = -v');
 * p.headerLine.equations; // 3
 * ```
 */
export function parseSections(doc: string): ParsedSections {
  const lines = doc.split(/\r?\n/);
  const text: Partial<Record<NeuronSection, string[]>> = {};
  const headerLine: Partial<Record<NeuronSection, number>> = {};
  let current: NeuronSection | undefined;
  lines.forEach((line, i) => {
    const m = HEADER.exec(line);
    if (m) {
      const name = m[1]!;
      if (!(NEURON_SECTIONS as readonly string[]).includes(name)) {
        throw new SectionError(`unknown section "${name}:"; expected one of ${NEURON_SECTIONS.map((s) => `${s}:`).join(', ')}`, i + 1);
      }
      const s = name as NeuronSection;
      if (headerLine[s] !== undefined) throw new SectionError(`section "${s}:" appears twice (first at line ${headerLine[s]})`, i + 1);
      headerLine[s] = i + 1;
      text[s] = [];
      current = s;
      return;
    }
    if (current === undefined) {
      if (line.trim() === '' || line.trim().startsWith('#')) return;
      throw new SectionError(`text before the first section header; start with one of ${NEURON_SECTIONS.map((s) => `${s}:`).join(', ')}`, i + 1);
    }
    text[current]!.push(line);
  });
  const joined: Partial<Record<NeuronSection, string>> = {};
  for (const s of NEURON_SECTIONS) if (text[s]) joined[s] = text[s]!.join('\n');
  return { text: joined, headerLine };
}

/**
 * The {@link NeuronOptions} of parsed sections: empty spike/reset/functions/refractory sections
 * are left out; a numeric refractory becomes a number (ms), anything else is an attribute name.
 *
 * @example
 * ```ts
 * neuronOptions(parseSections('equations:\n dv/dt = -v\nrefractory:\n 2.0'), 'x').refractory; // 2
 * ```
 */
export function neuronOptions(p: ParsedSections, name: string): NeuronOptions {
  const opts: NeuronOptions = { name, parameters: p.text.parameters ?? '', equations: p.text.equations ?? '' };
  const nonEmpty = (s: string | undefined): string | undefined => (s !== undefined && s.trim() !== '' ? s : undefined);
  const spike = nonEmpty(p.text.spike);
  const reset = nonEmpty(p.text.reset);
  const functions = nonEmpty(p.text.functions);
  const refractory = nonEmpty(p.text.refractory)?.trim();
  if (spike !== undefined) opts.spike = spike;
  if (reset !== undefined) opts.reset = reset;
  if (functions !== undefined) opts.functions = functions;
  if (refractory !== undefined) opts.refractory = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(refractory) ? Number(refractory) : refractory;
  return opts;
}

/** Remove the common indentation and the blank lines around a description string. */
function dedent(s: string): string[] {
  const lines = s.replace(/\t/g, '    ').split(/\r?\n/);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
}

/**
 * The editor text of a neuron's sections: each non-empty section under its header, its lines
 * dedented and indented by four spaces.
 *
 * @example
 * ```ts
 * formatSections({ equations: 'dv/dt = -v', spike: 'v > 1' }); // 'equations:\n    dv/dt = -v\nspike:\n    v > 1\n'
 * ```
 */
export function formatSections(n: { parameters?: string; equations?: string; spike?: string; reset?: string; functions?: string; refractory?: number | string }): string {
  let out = '';
  for (const s of NEURON_SECTIONS) {
    const v = n[s];
    if (v === undefined || String(v).trim() === '') continue;
    out += `${s}:\n${dedent(String(v)).map((l) => (l === '' ? '' : `    ${l}`)).join('\n')}\n`;
  }
  return out;
}

/**
 * A problem placed in the editor: 1-based document line, the character range within that line
 * (the symbol when the error names one, else the statement's text) and the message.
 *
 * @example
 * ```ts
 * const d: EditorDiagnostic = { line: 4, from: 12, to: 15, message: 'unknown symbol "E_x"' };
 * ```
 */
export interface EditorDiagnostic {
  line: number;
  from: number;
  to: number;
  message: string;
}

/**
 * Where an error of compiling the editor text goes: a {@link SectionError} at its line, a
 * {@link ModelError} at its section's header line + its line, on its symbol (whole word) when the
 * line contains it; anything else on the first line.
 *
 * @example
 * ```ts
 * locateError(doc, new ModelError('unknown symbol "E_x"', { section: 'equations', line: 1, symbol: 'E_x' }));
 * ```
 */
export function locateError(doc: string, e: unknown): EditorDiagnostic {
  const lines = doc.split(/\r?\n/);
  const message = e instanceof Error ? e.message : String(e);
  let line = 1;
  if (e instanceof SectionError) line = e.line;
  else if (e instanceof ModelError && e.section !== undefined) {
    let header: number | undefined;
    try {
      header = parseSections(doc).headerLine[e.section as NeuronSection & ModelSection];
    } catch {
      header = undefined;
    }
    if (header !== undefined) line = header + (e.line ?? 1);
    if (header !== undefined && e.line === undefined && e.statement !== undefined) {
      // Errors without a line (refractory, a whole section): the first line holding the statement.
      const k = lines.findIndex((l, i) => i >= header && l.includes(e.statement!));
      if (k >= 0) line = k + 1;
    }
  }
  line = Math.min(Math.max(1, line), lines.length);
  const text = lines[line - 1] ?? '';
  const symbol = e instanceof ModelError ? e.symbol : undefined;
  if (symbol !== undefined && symbol !== '') {
    const esc = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`(?<![A-Za-z0-9_])${esc}(?![A-Za-z0-9_])`).exec(text);
    if (m) return { line, from: m.index, to: m.index + symbol.length, message };
  }
  const start = text.length - text.trimStart().length;
  return { line, from: start, to: Math.max(start, text.trimEnd().length), message };
}
