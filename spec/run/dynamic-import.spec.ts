import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { DYNAMIC_IMPORT, dynamicImport } from '../../src/run/dynamic-import.js';

/** Every TypeScript file under `dir` (the playground app is a page of its own, bundled apart). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'apps' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Line numbers of the `import(...)` calls of a file (not `import('x').Type` in types: those are no calls). */
function importCalls(file: string): number[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const lines: number[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) lines.push(sf.getLineAndCharacterOfPosition(n.getStart()).line + 1);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return lines;
}

describe('run/dynamic-import', () => {
  afterEach(() => {
    delete (globalThis as { [DYNAMIC_IMPORT]?: unknown })[DYNAMIC_IMPORT];
  });

  it('imports a module, through the loader hook when one is set', async () => {
    const os = await dynamicImport('node:os');
    expect(typeof os.cpus).to.equal('function');
    const asked: string[] = [];
    (globalThis as { [DYNAMIC_IMPORT]?: unknown })[DYNAMIC_IMPORT] = (s: string) => {
      asked.push(s);
      return import(s);
    };
    expect(typeof (await dynamicImport('node:path')).join).to.equal('function');
    expect(asked).to.deep.equal(['node:path']);
  });

  it('is the only import() of the library (a code-cached bundle cannot run another in Node 20)', () => {
    const found = sources('src').flatMap((f) => importCalls(f).map((line) => `${relative('.', f)}:${line}`));
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^src\/run\/dynamic-import\.ts:\d+$/);
  });
});
