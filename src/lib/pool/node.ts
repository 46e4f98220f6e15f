/**
 * Node glue for the pool: simulation workers on worker_threads.
 *
 * Which code the threads run:
 * - From the bundle (`npm run sim`, `npm run bench`: scripts/bundle-node.mjs writes dist-node/*.mjs),
 *   this module's URL is a .mjs bundle and each thread starts the bundled worker beside it,
 *   dist-node/sim-worker.mjs: plain JavaScript, nothing to transpile (tens of milliseconds).
 * - From the TypeScript sources (vitest, `tsx`), each thread starts from a tiny ESM bootstrap
 *   (`eval: true`) that first calls `register()` from `tsx/esm/api` inside the thread, then imports
 *   workers/sim.node-worker.ts (on Node 20, tsx's loader does not propagate into worker_threads through
 *   `execArgv`). Each thread then compiles the sources itself, about 0.15 s on a quiet machine.
 * The pool keeps its threads for its whole life.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimWorkerApi } from '../../../workers/sim-api';
import { SimulationPool, type PoolWorker } from './pool';

const ENTRY = new URL('../../../workers/sim.node-worker.ts', import.meta.url).href;
/** Running from a bundle: the bundled worker sits beside it. */
const BUNDLED_WORKER = import.meta.url.endsWith('.mjs') ? new URL('./sim-worker.mjs', import.meta.url) : null;

function tsxApiUrl(): string {
	// The ESM build of tsx's API (the CommonJS one cannot register the ESM loader from a thread).
	const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
	return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

let bootstrap: string | null = null;

function bootstrapCode(): string {
	bootstrap ??= [
		`import(${JSON.stringify(tsxApiUrl())})`,
		`.then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY)}); })`,
		`.catch((e) => { setTimeout(() => { throw e; }); });`
	].join('');
	return bootstrap;
}

/** One simulation worker thread. */
export function nodeWorkerFactory(): PoolWorker {
	const w = BUNDLED_WORKER
		? new Worker(BUNDLED_WORKER, { execArgv: [] })
		: new Worker(bootstrapCode(), { eval: true, execArgv: [] });
	const api = Comlink.wrap<SimWorkerApi>(nodeEndpoint(w as unknown as Parameters<typeof nodeEndpoint>[0]));
	let listener: ((err: Error) => void) | null = null;
	let terminated = false;
	w.on('error', (err) => listener?.(err instanceof Error ? err : new Error(String(err))));
	w.on('exit', (code) => {
		if (!terminated) listener?.(new Error(`simulation worker exited with code ${code}`));
	});
	return {
		api,
		onFailure(cb) {
			listener = cb;
		},
		terminate() {
			if (terminated) return;
			terminated = true;
			listener = null;
			void w.terminate();
		}
	};
}

/** Default pool size in Node: the available parallelism, capped at 16. */
export function defaultNodePoolSize(): number {
	return Math.max(1, Math.min(16, availableParallelism()));
}

/** A pool of worker threads (size defaults to the available parallelism). */
export function createNodePool(size = defaultNodePoolSize()): SimulationPool {
	return new SimulationPool(nodeWorkerFactory, size);
}
