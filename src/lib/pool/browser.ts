/**
 * Browser glue for the pool: module web workers built by Vite from workers/sim.worker.ts.
 * Import this only from browser code (it references `Worker` and `navigator`).
 */
import * as Comlink from 'comlink';
import type { SimWorkerApi } from '../../../workers/sim-api';
import { SimulationPool, type PoolWorker } from './pool';

/** One simulation web worker. */
export function browserWorkerFactory(): PoolWorker {
	const w = new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
	const api = Comlink.wrap<SimWorkerApi>(w);
	let listener: ((err: Error) => void) | null = null;
	w.addEventListener('error', (e) => {
		e.preventDefault();
		listener?.(new Error(`simulation worker error: ${e.message || 'unknown'}`));
	});
	w.addEventListener('messageerror', () =>
		listener?.(new Error('simulation worker: message could not be decoded'))
	);
	return {
		api,
		onFailure(cb) {
			listener = cb;
		},
		terminate() {
			listener = null;
			w.terminate();
		}
	};
}

/** Default pool size in the browser: navigator.hardwareConcurrency, at least 1, at most 8. */
export function defaultBrowserPoolSize(): number {
	const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
	return Math.max(1, Math.min(8, n));
}

/** A pool of web workers (size defaults to the hardware concurrency, capped at 8). */
export function createBrowserPool(size = defaultBrowserPoolSize()): SimulationPool {
	return new SimulationPool(browserWorkerFactory, size);
}
