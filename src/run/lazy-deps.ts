/**
 * The queue and pool libraries (bullmq with ioredis, piscina), loaded when a runner first needs
 * them: imported with the Node entry they cost ~150 ms of every start-up, for runs that never
 * use a queue or a pool.
 */
import { createRequire } from 'node:module';
import type * as BullMQ from 'bullmq';
import type * as IORedis from 'ioredis';
import type * as PiscinaModule from 'piscina';

const load = createRequire(import.meta.url);
let bull: typeof BullMQ | undefined;
let redis: typeof IORedis | undefined;
let pool: typeof PiscinaModule | undefined;

/** bullmq, on first call. @example `new (bullmq().Queue)('fit', { connection })` */
export const bullmq = (): typeof BullMQ => (bull ??= load('bullmq') as typeof BullMQ);
/** ioredis, on first call. @example `new (ioredis().Redis)(url)` */
export const ioredis = (): typeof IORedis => (redis ??= load('ioredis') as typeof IORedis);
/** piscina, on first call. @example `new (piscina().Piscina)({ filename })` */
export const piscina = (): typeof PiscinaModule => (pool ??= load('piscina') as typeof PiscinaModule);
