// Root hook of `npm run test:threads`: every network of the specs it runs starts with
// `numThreads` from CNRX_NUM_THREADS (default 2) and splits every population of 2 neurons or
// more (minNeuronsPerThread 1), so that the reference specs (ANNarchy traces, random streams,
// connectivity) run their updates and spike delivery on two threads; CNRX_BACKEND=js|wasm|auto
// sets the backend of the networks that do not choose one. At the end it prints how many steps
// ran split, so a run that split nothing cannot pass unnoticed.
import { Network, type SetupOptions } from '../../src/engine/network.js';
import { ParallelUpdate } from '../../src/engine/threads/parallel-update.js';
import { ParallelDelivery } from '../../src/engine/threads/parallel-delivery.js';
import { installNodeThreads } from '../../src/node/kernel-threads.js';

installNodeThreads();
const numThreads = Number(process.env.CNRX_NUM_THREADS ?? 2);
const backend = process.env.CNRX_BACKEND as SetupOptions['backend'];
Network.defaults = { numThreads, minNeuronsPerThread: 1, ...(backend ? { backend } : {}) };
console.log(`test:threads: networks start with ${JSON.stringify(Network.defaults)}`);

const counts = { updates: 0, deliveries: 0 };
const update = ParallelUpdate.prototype.run;
ParallelUpdate.prototype.run = function (t: number, lean: boolean) {
  counts.updates++;
  update.call(this, t, lean);
};
// rank 0's part of a delivery that ran split (a flush with few synapses adds all ranges at once)
const deliver = ParallelDelivery.prototype.deliverRanges;
ParallelDelivery.prototype.deliverRanges = function (q0: number, q1: number, count: number) {
  if (q1 - q0 === 1) counts.deliveries++;
  deliver.call(this, q0, q1, count);
};

// tests of what the default backend is: with CNRX_BACKEND the default is another one by design
const DEFAULT_BACKEND_TESTS = [/'auto' uses WebAssembly for 2 neurons and more/, /bad backends are errors/];

export const mochaHooks = {
  beforeEach(this: Mocha.Context): void {
    const title = this.currentTest?.title ?? '';
    if (backend && DEFAULT_BACKEND_TESTS.some((re) => re.test(title))) this.skip();
  },
  afterAll(): void {
    console.log(`test:threads: ${counts.updates} population updates and ${counts.deliveries} spike deliveries ran split over ${numThreads} threads`);
    if (counts.updates === 0) throw new Error('test:threads: no population update ran on threads');
  },
};
