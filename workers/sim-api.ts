/**
 * The simulation worker's API, environment-neutral: `sim.worker.ts` exposes it to the page
 * (browser Worker), `sim.node-worker.ts` to Node's worker_threads (comlink's node adapter).
 */
import * as Comlink from 'comlink';
import { computeChunk, type ChunkResult, type ReplicationOutputLike } from '../src/lib/pool/chunk';
import { fakeReplication, type FakeModelInput } from '../src/lib/pool/fake-model';
import { prepareScenario, runReplication, type PreparedScenario } from '../src/lib/core/replication';
import { parseScenario, formatScenarioErrors } from '../src/lib/core/schema/scenario';
import type { Scenario } from '../src/lib/core/schema/scenario';

/** What to simulate: the real model on a scenario, or the deterministic fake model (tests, pool benchmarks). */
export type SimJob = { model: 'sla'; scenario: Scenario } | { model: 'fake'; input: FakeModelInput };

/** Per-call options; the crash hooks exist so tests can prove crash recovery. */
export interface ChunkOptions {
	/** 0 on the first try of a chunk, 1, 2, ... on reruns after a crash. */
	attempt?: number;
	/** Test hook: fail when about to run this replication, on the first attempt only. */
	__crashOnRep?: number;
	/**
	 * 'throw' rejects the call (default); 'uncaught' kills the worker with an uncaught error, the call
	 * never answers; 'hang' never answers and reports nothing (a worker that died silently).
	 */
	__crashMode?: 'throw' | 'uncaught' | 'hang';
}

type Replicate = (input: unknown, rep: number) => ReplicationOutputLike;

function replicatorFor(job: SimJob): { replicate: Replicate; input: unknown } {
	if (job.model === 'fake') return { replicate: fakeReplication as Replicate, input: job.input };
	return { replicate: runReplication as Replicate, input: prepared(job.scenario) };
}

/** The last scenario this worker compiled: chunks of one run reuse it instead of compiling again. */
let cache: { key: string; prep: PreparedScenario } | null = null;

function prepared(scenario: unknown): PreparedScenario {
	const key = JSON.stringify(scenario);
	if (cache?.key === key) return cache.prep;
	const parsed = parseScenario(scenario);
	if (!parsed.ok) throw new Error(`invalid scenario:\n${formatScenarioErrors(parsed.errors)}`);
	cache = { key, prep: prepareScenario(parsed.scenario) };
	return cache.prep;
}

/** Compute a chunk in this thread (the 'throw' crash hook included); runChunk transfers the result. */
function runChunkLocal(job: SimJob, fromRep: number, toRep: number, opts: ChunkOptions = {}): ChunkResult {
	const { replicate, input } = replicatorFor(job);
	const crashRep = (opts.attempt ?? 0) === 0 ? opts.__crashOnRep : undefined;
	return computeChunk(replicate, input, fromRep, toRep, (rep) => {
		if (rep === crashRep) throw new Error(`test crash on replication ${rep}`);
	});
}

/** The silent-crash hooks: true when this call should kill or hang the worker instead of answering. */
function crashesSilently(fromRep: number, toRep: number, opts: ChunkOptions): boolean {
	const rep = opts.__crashOnRep;
	return (
		(opts.__crashMode === 'uncaught' || opts.__crashMode === 'hang') &&
		(opts.attempt ?? 0) === 0 &&
		rep !== undefined &&
		rep >= fromRep &&
		rep < toRep
	);
}

export const api = {
	/** Round trip check: proves the worker pipeline builds and runs. */
	ping(): string {
		return 'pong';
	},
	/** Run replications [fromRep, toRep) of `job`; the result's arrays are transferred, not copied. */
	runChunk(
		job: SimJob,
		fromRep: number,
		toRep: number,
		opts: ChunkOptions = {}
	): ChunkResult | Promise<never> {
		if (crashesSilently(fromRep, toRep, opts)) {
			if (opts.__crashMode === 'uncaught')
				setTimeout(() => {
					throw new Error(`test crash (uncaught) on replication ${opts.__crashOnRep}`);
				}, 0);
			return new Promise<never>(() => {});
		}
		const r = runChunkLocal(job, fromRep, toRep, opts);
		return Comlink.transfer(r, [
			r.contacts.buffer,
			r.scalars.buffer,
			r.daily.buffer,
			r.monthly.buffer
		] as Transferable[]);
	}
};

export type SimWorkerApi = typeof api;
