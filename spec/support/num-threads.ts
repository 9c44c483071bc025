// Root hook of `npm run test:threads`: every network of the specs it runs starts with
// `numThreads` from CNRX_NUM_THREADS (default 2) and splits every population, however small
// (minNeuronsPerThread 1), so that the reference specs (ANNarchy traces, random streams,
// connectivity) run their updates on two threads; CNRX_BACKEND=js|wasm|auto sets the backend
// of the networks that do not choose one.
import { Network, type SetupOptions } from '../../src/engine/network.js';
import { installNodeThreads } from '../../src/node/kernel-threads.js';

installNodeThreads();
const numThreads = Number(process.env.CNRX_NUM_THREADS ?? 2);
const backend = process.env.CNRX_BACKEND as SetupOptions['backend'];
Network.defaults = { numThreads, minNeuronsPerThread: 1, ...(backend ? { backend } : {}) };
console.log(`test:threads: networks start with ${JSON.stringify(Network.defaults)}`);
