/**
 * Redis connections for the queue runner and its workers (ioredis, as BullMQ uses), with a
 * reachability check that names the URL instead of retrying forever.
 */
import type { Redis } from 'ioredis';
import { ioredis } from './lazy-deps.js';

/**
 * A connection BullMQ can use (`maxRetriesPerRequest: null`, as BullMQ's workers require).
 *
 * @example
 * ```ts
 * const connection = redisConnection('redis://127.0.0.1:6379');
 * ```
 */
export function redisConnection(url: string): Redis {
  return new (ioredis().Redis)(url, { maxRetriesPerRequest: null });
}

/**
 * Throws `Redis not reachable at <url>: <reason>` unless a PING answers within `timeoutMs`.
 *
 * @example
 * ```ts
 * await checkRedis('redis://127.0.0.1:6379', 'QueueRunner');
 * ```
 */
export async function checkRedis(url: string, who: string, timeoutMs = 3000): Promise<void> {
  if (typeof url !== 'string' || !/^rediss?:\/\//.test(url)) throw new Error(`${who}: redis must be a URL like redis://host:6379, got ${String(url)}`);
  const client = new (ioredis().Redis)(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: Error | undefined;
  client.on('error', (e: Error) => (cause ??= e)); // the socket error says more than "Connection is closed"

  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new Error(`${who}: Redis not reachable at ${url}: ${(cause ?? (e as Error)).message || String(e)}`);
  } finally {
    client.disconnect();
  }
}
