/**
 * The browser's simulation worker (a module worker): exposes the API of ./sim-api.ts to the page
 * through comlink. The pool creates it with
 * `new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module' })`.
 */
import * as Comlink from 'comlink';
import { api } from './sim-api';

Comlink.expose(api);
