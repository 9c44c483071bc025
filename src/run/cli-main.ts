/**
 * The `compneuro-rx` command: `compneuro-rx worker --redis redis://host:6379 --queue fit`
 * starts a queue worker (see {@link startQueueWorker}). The bin (`cli.ts`) only calls it.
 */
import { parseArgs } from 'node:util';
import { startQueueWorker } from './queue-worker.js';

const USAGE = `usage: compneuro-rx worker --redis <url> [--queue <name>] [--concurrency <n>] [--lock-duration <ms>] [--stalled-interval <ms>]`;

/**
 * Runs the `compneuro-rx` command with its arguments (without `node` and the script).
 *
 * @example
 * ```ts
 * await runCli(['worker', '--redis', 'redis://127.0.0.1:6379', '--queue', 'fit']);
 * ```
 */
export async function runCli(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'worker') {
    console.error(command ? `compneuro-rx: unknown command "${command}"\n${USAGE}` : USAGE);
    process.exitCode = 2;
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      redis: { type: 'string' },
      queue: { type: 'string', default: 'compneuro-rx' },
      concurrency: { type: 'string', default: '1' },
      'lock-duration': { type: 'string', default: '30000' },
      'stalled-interval': { type: 'string', default: '30000' },
    },
    strict: true,
  });
  if (!values.redis) throw new Error(`compneuro-rx worker: --redis <url> is required\n${USAGE}`);
  const int = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`compneuro-rx worker: --${name} must be a positive integer, got "${v}"`);
    return n;
  };
  const worker = await startQueueWorker({
    redis: values.redis,
    queue: values.queue,
    concurrency: int('concurrency', values.concurrency!),
    lockDuration: int('lock-duration', values['lock-duration']!),
    stalledInterval: int('stalled-interval', values['stalled-interval']!),
  });
  worker.on('failed', (job, err) => console.error(`compneuro-rx worker: tasks from ${job?.data.index} failed: ${err.message}`));
  console.log(`compneuro-rx worker: listening on queue "${values.queue}" at ${values.redis} (pid ${process.pid})`);
  const stop = () => {
    void worker.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
