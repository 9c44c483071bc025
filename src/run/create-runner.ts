/**
 * A runner by name, so that fits choose 'serial', 'local' or 'queue' without knowing pools or
 * Redis (they ask for a runner; this file knows the implementations).
 */
import { LocalPoolRunner } from './local-pool-runner.js';
import { QueueRunner } from './queue-runner.js';
import type { Runner } from './runner.js';
import { SerialRunner } from './serial-runner.js';

/** Options of {@link createRunner}. */
export interface CreateRunnerOptions {
  /** Worker threads of the local pool; default one per core. */
  threads?: number;
  /** Redis URL of the queue runner. */
  redis?: string;
  /** Queue name of the queue runner. */
  queue?: string;
}

/**
 * Creates a runner: `'serial'`, `'local'` (worker pool) or `'queue'` (BullMQ on Redis).
 *
 * @example
 * ```ts
 * const runner = createRunner('queue', { redis: 'redis://127.0.0.1:6379', queue: 'fit' });
 * ```
 */
export function createRunner(kind: 'serial' | 'local' | 'queue', options: CreateRunnerOptions = {}, who = 'createRunner'): Runner {
  if (kind === 'serial') return new SerialRunner();
  if (kind === 'local') return new LocalPoolRunner({ threads: options.threads });
  if (kind === 'queue') {
    if (typeof options.redis !== 'string') throw new Error(`${who}: runner "queue" needs "redis" (a URL like redis://host:6379)`);
    return new QueueRunner({ redis: options.redis, queue: options.queue });
  }
  throw new Error(`${who}: runner must be 'serial', 'local', 'queue' or a Runner, got ${JSON.stringify(kind)}`);
}
