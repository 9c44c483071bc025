/**
 * CompNeuroPy's `create_data_raw_folder`: a folder for the raw data of one study, with a
 * `__data_raw_meta__` file that records how the data were made (script, git state, parameters,
 * software versions).
 * @packageDocumentation
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pyPrint } from '../analysis/python-format.js';

/** Options of {@link createDataRawFolder}. */
export interface CreateDataRawFolderOptions {
  /** An object of parameters; only UPPERCASE names are stored (CompNeuroPy's parameter module). */
  parameterModule?: Record<string, unknown>;
  /** Parameters stored as name = value. */
  parameterDict?: Record<string, unknown>;
  /** Further parameters (CompNeuroPy's `**kwargs`). */
  kwargs?: Record<string, unknown>;
  /** Delete an existing folder first (CompNeuroPy asks on the terminal); default: throw. */
  overwrite?: boolean;
  /** The script that makes the data (default: the running script, `process.argv[1]`). */
  script?: string;
}

function git(args: string[], cwd: string): string | null {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out.length > 0 ? out : null;
  } catch {
    return null;
  }
}

function assignment(key: string, value: unknown): string {
  return typeof value === 'string' ? `${key} = '${value}'\n` : `${key} = ${pyPrint(value)}\n`;
}

/**
 * Creates `folderName` with `__data_raw_meta__`: the script, the git repository (top folder,
 * remote, last commit) if the working directory is in one, the parameters, and in place of the
 * conda and pip lists the Node.js version and the `package.json` dependencies of the working
 * directory with the installed compneuro-rx version. An existing folder is an error unless
 * `overwrite`. Returns the folder name.
 *
 * @example
 * ```ts
 * createDataRawFolder('data_raw/study1', { parameterDict: { N: 100, mode: 'fast' } });
 * ```
 */
export function createDataRawFolder(folderName: string, options: CreateDataRawFolderOptions = {}): string {
  const fn = 'createDataRawFolder';
  if (typeof folderName !== 'string' || folderName.length === 0) throw new Error(`${fn}: folderName must be a non-empty string`);
  const { parameterModule, parameterDict, kwargs, overwrite = false, script = process.argv[1] ?? '<unknown>' } = options;
  for (const [name, v] of [['parameterModule', parameterModule], ['parameterDict', parameterDict], ['kwargs', kwargs]] as const) {
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) throw new Error(`${fn}: ${name} must be an object of name: value`);
  }
  if (existsSync(folderName)) {
    if (!overwrite) throw new Error(`'${folderName}' already exists (pass { overwrite: true } to delete it and continue)`);
    console.log(`Deleting '${folderName}' and continuing.`);
    rmSync(folderName, { recursive: true, force: true });
  }
  const cwd = process.cwd();
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  const gitLines: string[] = [];
  if (top !== null) {
    gitLines.push(`#  ${top.split('/').pop()}\n`);
    const remote = git(['remote', 'get-url', 'origin'], cwd);
    if (remote) gitLines.push(`#  ${remote}\n`);
    const commit = git(['log', '-1', '--format=commit %H'], cwd);
    if (commit) gitLines.push(`#  ${commit}\n`);
  }
  let text = `# Data created by runnning\n#  ${script}\n# part of git repo:\n${gitLines.join('')}# with the following global variables:\n`;
  for (const [k, v] of Object.entries(parameterModule ?? {})) if (k === k.toUpperCase() && /[A-Z]/.test(k)) text += assignment(k, v);
  for (const [k, v] of Object.entries(parameterDict ?? {})) text += assignment(k, v);
  for (const [k, v] of Object.entries(kwargs ?? {})) text += assignment(k, v);
  text += '\n# ##########################################################################\n';
  text += '# NODE.JS ENVIRONMENT ######################################################\n';
  text += `# node ${process.version} (${process.platform} ${process.arch})\n`;
  const pkgPath = join(cwd, 'package.json');
  if (existsSync(pkgPath)) {
    try {
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { name?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      text += `# package.json of ${pkg.name ?? cwd}:\n`;
      for (const [k, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) text += `#  ${k}@${v}\n`;
    } catch {
      text += `# package.json of ${cwd} could not be read\n`;
    }
  }
  const installed = join(cwd, 'node_modules', 'compneuro-rx', 'package.json');
  if (existsSync(installed)) {
    const v = (JSON.parse(readFileSync(installed, 'utf8')) as { version?: string }).version;
    text += `# compneuro-rx ${v ?? '?'} installed\n`;
  }
  mkdirSync(folderName, { recursive: true });
  writeFileSync(join(folderName, '__data_raw_meta__'), text);
  return folderName;
}
