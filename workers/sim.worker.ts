import * as Comlink from 'comlink';

/** The simulation worker's API, as the page sees it through comlink. */
const api = {
	/** Round trip check: proves the worker pipeline builds and runs. */
	ping(): string {
		return 'pong';
	}
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
