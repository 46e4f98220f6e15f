import * as Comlink from 'comlink';
import type { SimWorkerApi } from '../../../workers/sim.worker';

/** Start one simulation worker, ask it for a ping, and stop it: proves the worker pipeline works. */
export async function pingWorker(): Promise<string> {
	const worker = new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
	try {
		const api = Comlink.wrap<SimWorkerApi>(worker);
		return await api.ping();
	} finally {
		worker.terminate();
	}
}
