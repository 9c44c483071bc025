/**
 * CompNeuroPy's `Logger`: a singleton that appends text to the log file given at its first
 * construction, with the call stack `[a -> b -> c]:` above each block whose stack differs from
 * the previous one.
 * @packageDocumentation
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

function indent(txt: string): string {
  return txt.split('\n').map((l) => (l.length > 0 ? `    ${l}` : l)).join('\n');
}

/** The calling functions, outermost first, as `Class.method` / `function` / module file name. */
function callStack(skip: number): string {
  const lines = (new Error().stack ?? '').split('\n').slice(1 + skip);
  const names: string[] = [];
  for (const line of lines) {
    const m = /^\s*at (?:async )?(?:(.+?) \()?(.+?):\d+:\d+\)?$/.exec(line);
    if (!m) continue;
    const [, fn, file] = m;
    if (file!.startsWith('node:') || file!.includes('/node_modules/')) continue;
    if (fn && fn !== '<anonymous>' && !fn.startsWith('file://')) names.push(fn.replace(/^Object\./, '').replace(/^new /, ''));
    else {
      const path = file!.startsWith('file://') ? fileURLToPath(file!) : file!;
      names.push(basename(path, extname(path)));
    }
  }
  return names.reverse().join(' -> ');
}

/**
 * The logger singleton: `new Logger('log.txt')` the first time (it writes `Logger file:`),
 * `new Logger()` afterwards returns the same instance. Without a file, `log` only prints when
 * `verbose`.
 *
 * @example
 * ```ts
 * const logger = new Logger('model_configurator.log');
 * logger.log('start fitting', true);
 * ```
 */
export class Logger {
  private static instance: Logger | undefined;
  private logFile: string | null = null;
  private lastStack = '';

  constructor(logFile: string | null = null) {
    if (Logger.instance) return Logger.instance;
    this.logFile = logFile;
    if (logFile !== null) writeFileSync(logFile, 'Logger file:\n');
    Logger.instance = this;
  }

  /** Forgets the singleton, so that the next `new Logger(file)` starts a new log (tests, new runs). */
  static reset(): void {
    Logger.instance = undefined;
  }

  /** Appends `txt` (indented by 4) to the log file; prints it too when `verbose`. */
  readonly log = (txt: unknown, verbose = false): void => {
    if (verbose) console.log(txt);
    if (this.logFile === null) return;
    const stack = callStack(2); // skip callStack and log
    const body = indent(String(txt));
    const out = stack === this.lastStack ? body : `\n[${stack}]:\n${body}`;
    this.lastStack = stack;
    appendFileSync(this.logFile, `${out}\n`);
  };
}
