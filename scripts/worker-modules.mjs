// The modules a worker thread or process loads by URL: siblingModule(import.meta.url, './x.js')
// in a source file names x.ts beside it. build.mjs bundles each as dist/src/x.js and start.mjs
// as .cache/start/x.js, next to the code that asks for it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Map of module name (x) to its source file, from the siblingModule calls in `files` (absolute paths). */
export function workerModules(root, files) {
  const workers = new Map();
  for (const file of files) {
    if (!file.endsWith('.ts')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/siblingModule\(import\.meta\.url, '\.\/([\w-]+)\.js'\)/g)) {
      const source = join(dirname(file), `${m[1]}.ts`);
      if (!existsSync(source)) throw new Error(`${relative(root, file)}: siblingModule names ./${m[1]}.js, but ${relative(root, source)} does not exist`);
      const other = workers.get(m[1]);
      if (other && other !== source) throw new Error(`two worker modules are both named ${m[1]}: ${relative(root, other)} and ${relative(root, source)}`);
      workers.set(m[1], source);
    }
  }
  return workers;
}
