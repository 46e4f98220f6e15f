/**
 * The Node (worker_threads) entry of the simulation worker: the same API as the browser's
 * sim.worker.ts, exposed over comlink's node adapter. Started by src/lib/pool/node.ts, which
 * registers tsx inside the thread first (see there).
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api } from './sim-api';

if (!parentPort) throw new Error('sim.node-worker.ts must run in a worker thread');
Comlink.expose(api, nodeEndpoint(parentPort));
