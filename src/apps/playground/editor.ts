/**
 * The playground's model editor: CodeMirror 6 with the neuron sections, a small highlighter for
 * ANNarchy's description language, and CodeMirror's linter: ~100 ms after an edit the text is
 * checked (compiled by the worker) and an error shows inline at its line and symbol.
 */
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { linter, lintGutter, forceLinting, type Diagnostic } from '@codemirror/lint';
import { StreamLanguage, type StringStream } from '@codemirror/language';
import type { EditorDiagnostic } from './sections.js';

const SECTION = /^(parameters|equations|spike|reset|functions|refractory)\s*:\s*$/;
const FLAGS = /^(init|min|max|population|postsynaptic|explicit|implicit|semiimplicit|exponential|midpoint|rk4|exact|event-driven|unless_refractory|int|bool|float)\b/;

/** ANNarchy's description language, for highlighting: headers, comments, numbers, flags after `:`. */
const annarchy = StreamLanguage.define<{ flags: boolean }>({
  startState: () => ({ flags: false }),
  token(stream: StringStream, state: { flags: boolean }): string | null {
    if (stream.sol()) {
      state.flags = false;
      if (stream.match(SECTION)) return 'heading';
    }
    if (stream.eatSpace()) return null;
    if (stream.peek() === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^\d+\.?\d*(e[-+]?\d+)?/i) || stream.match(/^\.\d+(e[-+]?\d+)?/i)) return 'number';
    if (stream.match(/^d[A-Za-z_]\w*\/dt\b/)) return 'variableName.definition';
    if (state.flags && stream.match(FLAGS)) return 'keyword';
    if (stream.match(/^(and|or|not|if|then|else|exp|log|sin|cos|pos|neg|sqrt|abs|power|Uniform|Normal)\b/)) return 'keyword';
    if (stream.match(/^[A-Za-z_]\w*/)) return 'variableName';
    const ch = stream.next();
    if (ch === ':') state.flags = true;
    return ch !== undefined && '=+-*/<>()'.includes(ch) ? 'operator' : null;
  },
  languageData: { commentTokens: { line: '#' } },
});

/**
 * Options of {@link createEditor}: the initial text, the check (resolves with the diagnostic to
 * show, or undefined when the text compiles) and what to do with a text that compiles.
 *
 * @example
 * ```ts
 * createEditor(el, { doc, check: (text) => worker.compile(text), onValid: (text) => run(text) });
 * ```
 */
export interface EditorOptions {
  doc: string;
  check: (text: string) => Promise<EditorDiagnostic | undefined>;
  onValid: (text: string) => void;
  /** Delay after the last edit before the check (ms, default 100). */
  delay?: number;
}

/**
 * The model editor in `parent`.
 *
 * @example
 * ```ts
 * const view = createEditor(document.getElementById('editor')!, { doc, check, onValid });
 * ```
 */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  let lastValid = options.doc;
  const lint = linter(
    async (view): Promise<Diagnostic[]> => {
      const text = view.state.doc.toString();
      const d = await options.check(text);
      if (view.state.doc.toString() !== text) return []; // edited meanwhile: the next check reports
      if (d === undefined) {
        if (text !== lastValid) {
          lastValid = text;
          options.onValid(text);
        }
        return [];
      }
      const line = view.state.doc.line(Math.min(Math.max(1, d.line), view.state.doc.lines));
      const from = line.from + Math.min(d.from, line.length);
      const to = Math.max(from, line.from + Math.min(d.to, line.length));
      return [{ from, to: to === from && line.length > 0 ? line.to : to, severity: 'error', message: d.message, source: 'compneuro-rx' }];
    },
    { delay: options.delay ?? 100 },
  );
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [basicSetup, annarchy, lint, lintGutter(), EditorView.lineWrapping],
    }),
  });
}

/**
 * Replace the whole text (loading a preset); the check runs at once.
 *
 * @example
 * ```ts
 * setEditorText(view, presetByName('LIF')!.source);
 * ```
 */
export function setEditorText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  forceLinting(view);
}
