import { expect } from 'chai';
import ts from 'typescript';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelErrorMessages } from './model-error-messages.js';
import { PORTING_PAGE, pageWithTable } from '../../scripts/porting-table.js';
import * as nodeEntry from '../../src/index.js';
import * as browserEntry from '../../src/browser-entry.js';
import * as rxjs from 'rxjs';
import WebSocket from 'ws';

// The documentation stays true: every ```ts block of README.md and docs/*.md type-checks against
// the source, every exported function, class and constant has an @example, the porting table matches the exports, the
// model-language page lists exactly the ModelError messages thrown, and every command of
// examples/README.md runs.
const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY_FILES = ['src/index.ts', 'src/browser-entry.ts', 'operators/index.ts'].map((f) => join(root, f));
const BLOCK_DIR = join(root, '.cache', 'docs-blocks');

/** A fenced code block of a Markdown file. */
interface Block { file: string; line: number; lang: string; info: string; code: string }

/** Fenced blocks of a Markdown file (`line`: 1-based line of the first code line). */
export function fencedBlocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!m || m[1] === '') continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    if (j === lines.length) throw new Error(`${relative(root, file)}:${i + 1}: code block never closed`);
    out.push({ file, line: start + 1, lang: m[1]!, info: m[2]!.trim(), code: lines.slice(start, j).join('\n') });
    i = j;
  }
  return out;
}

const SPECIFIERS: Record<string, string> = {
  'compneuro-rx': 'src/index.js',
  'compneuro-rx/browser': 'src/browser-entry.js',
  'compneuro-rx/operators': 'operators/index.js',
};

/** A checked file: the source text and, per generated line, the Markdown line it came from. */
interface Unit { path: string; text: string; origin: { file: string; line: number }[] }

/** Turn the ```ts blocks into TypeScript files: imports of the package point at the source; blocks without imports get one of every library (and rxjs) value they name. */
function blockUnits(mdFiles: string[]): { units: Unit[]; skipped: Block[] } {
  const libNames = new Map<string, string>();
  for (const k of Object.keys(nodeEntry)) libNames.set(k, 'src/index.js');
  for (const k of Object.keys(browserEntry)) if (!libNames.has(k)) libNames.set(k, 'src/browser-entry.js');
  const rxNames = Object.keys(rxjs).filter((k) => !libNames.has(k));
  const units: Unit[] = [];
  const skipped: Block[] = [];
  for (const md of mdFiles) {
    let last: Unit | undefined;
    for (const b of fencedBlocks(md)) {
      if (b.lang !== 'ts' && b.lang !== 'typescript') continue;
      if (/^fragment\b/.test(b.info)) {
        if (b.info.replace(/^fragment\b:?/, '').trim() === '') throw new Error(`${relative(root, md)}:${b.line}: "ts fragment" needs a reason after it`);
        skipped.push(b);
        continue;
      }
      const codeLines = b.code.split('\n');
      const origin = codeLines.map((_, k) => ({ file: md, line: b.line + k }));
      if (b.info === 'continued' && last) {
        last.text += '\n' + b.code;
        last.origin.push(...origin);
        continue;
      }
      const name = `${relative(root, md).replace(/[\\/.]/g, '_')}_${b.line}.ts`;
      const path = join(BLOCK_DIR, name);
      const rel = relative(BLOCK_DIR, root).replace(/\\/g, '/');
      const hasImports = /^import\s/m.test(b.code);
      const body = hasImports
        ? b.code.replace(/from\s+'(compneuro-rx(?:\/browser|\/operators)?)'/g, (_, s: string) => `from '${rel}/${SPECIFIERS[s]}'`)
        : b.code;
      const prelude: string[] = [];
      if (!hasImports) {
        const used = new Set(b.code.match(/[A-Za-z_$][\w$]*/g) ?? []);
        // names the block declares itself (`const STDP = new Synapse(...)`) are not imported
        for (const m of b.code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) used.delete(m[1]!);
        const bySource = new Map<string, string[]>();
        for (const n of used) {
          const src = libNames.get(n);
          if (src) bySource.set(src, [...(bySource.get(src) ?? []), n]);
        }
        for (const [src, names] of bySource) prelude.push(`import { ${names.join(', ')} } from '${rel}/${src}';`);
        const rx = rxNames.filter((n) => used.has(n));
        if (rx.length > 0) prelude.push(`import { ${rx.join(', ')} } from 'rxjs';`);
      }
      prelude.push('export {};');
      const unit: Unit = { path, text: prelude.join('\n') + '\n' + body, origin: [...prelude.map(() => ({ file: md, line: b.line - 1 })), ...origin] };
      units.push(unit);
      last = unit;
    }
  }
  return { units, skipped };
}

function compilerOptions(): ts.CompilerOptions {
  const cfg = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, noUnusedLocals: false };
}

describe('documentation', function () {
  this.timeout(180_000);
  let program: ts.Program;
  let units: Unit[];
  let skipped: Block[];

  before(() => {
    const mdFiles = [join(root, 'README.md'), ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => join(root, 'docs', f))];
    ({ units, skipped } = blockUnits(mdFiles));
    rmSync(BLOCK_DIR, { recursive: true, force: true });
    mkdirSync(BLOCK_DIR, { recursive: true });
    for (const u of units) writeFileSync(u.path, u.text);
    // one program for the blocks and the entries: the compiler's work on src/ is shared
    program = ts.createProgram([...units.map((u) => u.path), ...ENTRY_FILES], compilerOptions());
  });

  it('type-checks every ```ts block of README.md and docs/*.md against the source', () => {
    expect(units.length).to.be.greaterThan(10);
    const problems: string[] = [];
    for (const u of units) {
      const sf = program.getSourceFile(u.path)!;
      for (const d of ts.getPreEmitDiagnostics(program, sf)) {
        const line = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line : 0;
        const o = u.origin[line] ?? u.origin[0]!;
        problems.push(`${relative(root, o.file)}:${o.line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
    for (const b of skipped) expect(b.info, `${relative(root, b.file)}:${b.line}`).to.match(/^fragment\b.*\S/);
  });

  // types need TSDoc (TypeDoc's notDocumented check in npm run docs); values need an example too
  it('has TSDoc with an @example on every exported function, class and constant of the three entries', () => {
    const checker = program.getTypeChecker();
    const missing = new Set<string>();
    for (const f of ENTRY_FILES) {
      const mod = checker.getSymbolAtLocation(program.getSourceFile(f)!)!;
      for (const ex of checker.getExportsOfModule(mod)) {
        const s = ex.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(ex) : ex;
        if (!(s.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable))) continue;
        const tags = (s.declarations ?? []).flatMap((d) => ts.getJSDocTags(ts.isVariableDeclaration(d) ? d.parent.parent : d));
        if (!tags.some((t) => t.tagName.text === 'example')) missing.add(`${ex.name} (${relative(root, s.declarations?.[0]?.getSourceFile().fileName ?? '?')})`);
      }
    }
    expect([...missing], `exports without @example: ${[...missing].join(', ')}`).to.deep.equal([]);
  });

  it('has a porting table generated from the current exports (npm run docs:names rewrites it)', () => {
    const page = readFileSync(PORTING_PAGE, 'utf8');
    expect(pageWithTable(page) === page, 'docs/porting.md is out of date: run npm run docs:names').to.equal(true);
  });

  it('explains every ModelError message thrown in src/language, and no other', () => {
    const page = readFileSync(join(root, 'docs', 'model-language.md'), 'utf8');
    const section = /<!-- model-errors:start -->([\s\S]*)<!-- model-errors:end -->/.exec(page)?.[1] ?? '';
    const listed = [...section.matchAll(/^\| `([^`]+)` \| \S.*\|$/gm)].map((m) => m[1]!);
    const thrown = modelErrorMessages(join(root, 'src', 'language')).map((m) => m.template);
    expect(thrown.length).to.be.greaterThan(50);
    const stale = listed.filter((t) => !thrown.includes(t));
    const unexplained = thrown.filter((t) => !listed.includes(t));
    expect(stale, `listed in docs/model-language.md but not thrown:\n${stale.join('\n')}`).to.deep.equal([]);
    expect(unexplained, `thrown but not explained in docs/model-language.md (add a row "| \`message\` | meaning |"):\n${unexplained.join('\n')}`).to.deep.equal([]);
  });
});

// ---- examples/README.md: every command runs ----

/** Commands of examples/README.md: one per line of its ```sh blocks; those marked `# server` keep running. */
export function exampleCommands(): { command: string; line: number; server: boolean }[] {
  return fencedBlocks(join(root, 'examples', 'README.md'))
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.code.split('\n').map((c, k) => ({ command: c.replace(/\s+#.*$/, '').trim(), line: b.line + k, server: /#\s*server\s*$/.test(c) })))
    .filter((c) => c.command !== '');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Run a command in the repository (a process group, so that npm's children end with it). */
function run(command: string, env: Record<string, string>, onOutput?: (text: string) => void): { done: Promise<{ code: number | null; output: string }>; stop: () => void } {
  const child = spawn('bash', ['-c', command], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const add = (d: Buffer) => { output += d.toString(); onOutput?.(output); };
  child.stdout.on('data', add);
  child.stderr.on('data', add);
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('close', (code) => resolve({ code, output })));
  const stop = () => { try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already ended */ } };
  return { done, stop };
}

describe('examples/README.md', function () {
  this.timeout(120_000);
  const commands = exampleCommands();

  it('lists commands, and every example file in examples/', () => {
    expect(commands.length).to.be.greaterThan(3);
    const text = readFileSync(join(root, 'examples', 'README.md'), 'utf8');
    const files = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'));
    const unlisted = files.filter((f) => !text.includes(f));
    expect(unlisted, `examples not in examples/README.md: ${unlisted.join(', ')}`).to.deep.equal([]);
  });

  for (const { command, line, server } of commands) {
    it(`runs \`${command}\` (examples/README.md:${line})${server ? ', serving a page' : ''}`, async () => {
      if (!server) {
        const { done, stop } = run(command, {});
        const timer = setTimeout(stop, 100_000);
        const { code, output } = await done;
        clearTimeout(timer);
        expect(code, output.slice(-2000)).to.equal(0);
        return;
      }
      const port = await freePort();
      let listening: () => void = () => {};
      const ready = new Promise<void>((resolve) => { listening = resolve; });
      let url = '';
      const { done, stop } = run(command, { PORT: String(port) }, (out) => {
        const m = new RegExp(`(\\w+)://127\\.0\\.0\\.1:${port}\\S*`).exec(out);
        if (m) { url = m[0]; listening(); }
      });
      try {
        const ended = done.then(({ code, output }) => { throw new Error(`server ended (code ${code}) before listening:\n${output.slice(-2000)}`); });
        ended.catch(() => {}); // it also ends when stopped below
        await Promise.race([ready, ended]);
        if (url.startsWith('ws')) {
          // a WebSocket server: the first message arrives
          const ws = new WebSocket(url);
          const first = await new Promise<string>((resolve, reject) => {
            ws.once('message', (d) => resolve(String(d)));
            ws.once('error', reject);
          });
          ws.close();
          expect(first.length).to.be.greaterThan(0);
        } else {
          const res = await fetch(`http://127.0.0.1:${port}/`);
          expect(res.status).to.equal(200);
          expect(await res.text()).to.match(/<html/i);
        }
      } finally {
        stop();
        await done;
      }
    });
  }
});
