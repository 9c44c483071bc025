/** The evaluation module of {@link runScriptParallel}: one child process per task. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** One run of a script. */
export interface ScriptTask {
  readonly script: string;
  readonly args: string[];
  readonly cwd: string;
}

/** Returns a function running the script in a child process; a non-zero exit throws with its output. */
export function createEvaluator(): (task: ScriptTask) => { status: number } {
  return ({ script, args, cwd }) => {
    const ts = /\.[cm]?ts$/.test(script);
    const loader = ts ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
    const res = spawnSync(process.execPath, [...loader, script, ...args], { cwd, encoding: 'utf8' });
    if (res.error) throw new Error(`run_script_parallel: could not start "${script} ${args.join(' ')}": ${res.error.message}`);
    if (res.status !== 0) {
      const tail = (res.stderr || res.stdout || '').trim().split('\n').slice(-5).join('\n');
      throw new Error(`run_script_parallel: "${script} ${args.join(' ')}" exited with ${res.status ?? res.signal}: ${tail}`);
    }
    return { status: 0 };
  };
}
