// An esbuild plugin for Node bundles that keep rxjs external (a peer dependency: one copy per
// app). rxjs's package index requires all ~220 CommonJS files of rxjs (Node resolves its "node"
// condition to dist/cjs), ~0.1 s of every start. This plugin rewrites `import { a, b } from
// 'rxjs'` in our TypeScript sources to one import per name from its rxjs/internal/... file
// (exported by rxjs's package.json), which loads ~60 files. They are the very files the index
// re-exports, so an app importing 'rxjs' shares every class and the config with us.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** Where each rxjs export lives, read from rxjs's own ESM index (`export { x } from './internal/...'`). */
function rxjsExports(root) {
  const index = readFileSync(join(dirname(createRequire(join(root, 'package.json')).resolve('rxjs/package.json')), 'dist/esm/index.js'), 'utf8');
  const files = new Map();
  for (const m of index.matchAll(/export \{([^}]+)\} from '\.\/([^']+)'/g)) {
    for (const name of m[1].split(',')) {
      const [imported, exported = imported] = name.trim().split(/\s+as\s+/);
      files.set(exported, { imported, path: `rxjs/${m[2]}` });
    }
  }
  return files;
}

/** The plugin; `root` is the package folder (error messages name files relative to it). */
export function rxjsPerFile(root) {
  const files = rxjsExports(root);
  return {
    name: 'rxjs-per-file',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        if (!text.includes("from 'rxjs'")) return undefined;
        text = text.replace(/^import \{([^}]*)\} from 'rxjs';$/gm, (line, names) =>
          names.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')).map((n) => {
            const [name, local = name] = n.split(/\s+as\s+/);
            const at = files.get(name);
            if (!at) throw new Error(`${relative(root, args.path)}: rxjs has no export ${name}`);
            return `import { ${at.imported} as ${local} } from '${at.path}';`;
          }).join(' '));
        if (/^(import|export) (?!type ).*from 'rxjs'/m.test(text)) throw new Error(`${relative(root, args.path)}: an rxjs import this build cannot split (write it as import { ... } from 'rxjs' on one line)`);
        return { contents: text, loader: 'ts' };
      });
    },
  };
}
