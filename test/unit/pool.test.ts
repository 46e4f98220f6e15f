import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePool } from '../../src/lib/pool/node';
import {
	SimulationPool,
	isCancelled,
	type PoolWorker,
	type RunProgress,
	type WorkerFactory
} from '../../src/lib/pool/pool';
import { fakeReplication, type FakeModelInput } from '../../src/lib/pool/fake-model';
import { summarise, type ReplicationRow, type StoppingRule } from '../../src/lib/core/stats';
import { METRIC_INDEX } from '../../src/lib/core/metrics';
import { api as inProcessApi, type SimJob } from '../../workers/sim-api';

const input: FakeModelInput = { seed: 'pool-test', drafts: 3, days: 4, dailyFields: 3 };
const job: SimJob = { model: 'fake', input };
const REPS = 40;

/** The reference: every replication computed in this thread, summarised in one pass. */
function referenceRows(inp: FakeModelInput, reps: number): ReplicationRow[] {
	return Array.from({ length: reps }, (_, rep) => ({ rep, ...fakeReplication(inp, rep) }));
}

const pools = new Map<number, SimulationPool>();
beforeAll(async () => {
	for (const size of [1, 2, 8]) {
		const pool = createNodePool(size);
		pools.set(size, pool);
		expect(await pool.ping()).toEqual(Array(size).fill('pong'));
	}
});
afterAll(() => {
	for (const p of pools.values()) p.dispose();
});

describe('SimulationPool over worker_threads (fake model)', () => {
	const reference = summarise(referenceRows(input, REPS), { bands: true });

	it('gives identical numbers with 1, 2 and 8 workers and chunk sizes 1, 3, 16 and auto', async () => {
		for (const size of [1, 2, 8]) {
			for (const chunk of [1, 3, 16, undefined]) {
				const progress: RunProgress[] = [];
				const r = await pools
					.get(size)!
					.run({ job, reps: REPS, chunk, bands: true, onProgress: (p) => progress.push(p) }).done;
				expect(r.summary, `workers ${size}, chunk ${chunk}`).toEqual(reference);
				expect(r.stoppedBy).toBe('cap');
				expect(r.crashes).toBe(0);
				// Progress once per chunk, prefixes only grow, the last one is complete.
				if (chunk) expect(progress.length).toBe(Math.ceil(REPS / chunk));
				for (let i = 1; i < progress.length; i++)
					expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
				expect(progress.at(-1)!.done).toBe(REPS);
				expect(new Set(progress.map((p) => p.runId))).toEqual(new Set([r.runId]));
			}
		}
	});

	it('carries per-replication values of the requested metrics', async () => {
		const values = [METRIC_INDEX.credits, METRIC_INDEX.vendorMargin];
		const r = await pools.get(2)!.run({ job, reps: 9, chunk: 2, values }).done;
		const rows = referenceRows(input, 9);
		expect(r.summary).toEqual(summarise(rows, { values }));
		expect(Array.from(r.summary.drafts[1].values![METRIC_INDEX.credits])).toEqual(
			rows.map((x) => x.drafts[1].scalars[METRIC_INDEX.credits])
		);
		expect(r.summary.drafts[0].values![METRIC_INDEX.asa]).toBeUndefined();
	});

	it('merged progressive summaries equal one-pass summaries of the same prefix', async () => {
		const rows = referenceRows(input, REPS);
		const progress: RunProgress[] = [];
		await pools.get(2)!.run({ job, reps: REPS, chunk: 3, onProgress: (p) => progress.push(p) }).done;
		for (const p of progress) if (p.done > 0) expect(p.summary).toEqual(summarise(rows.slice(0, p.done)));
	});

	it('keeps per-replication rows in replication order when asked', async () => {
		const r = await pools.get(8)!.run({ job, reps: 10, chunk: 3, keepRows: true }).done;
		const ref = referenceRows(input, 10);
		expect(r.rows!.map((x) => x.rep)).toEqual(ref.map((x) => x.rep));
		for (let i = 0; i < 10; i++) {
			expect(r.rows![i].contacts).toBe(ref[i].contacts);
			for (let d = 0; d < 3; d++) {
				expect(Array.from(r.rows![i].drafts[d].scalars)).toEqual(Array.from(ref[i].drafts[d].scalars));
				expect(Array.from(r.rows![i].drafts[d].daily ?? [])).toEqual(
					Array.from(ref[i].drafts[d].daily ?? [])
				);
			}
		}
	});

	it('cancel mid-run, then run again: the same numbers as an uninterrupted run, and nothing from the old run', async () => {
		const slow: SimJob = { model: 'fake', input: { ...input, spin: 200_000 } };
		const pool = pools.get(2)!;
		const uninterrupted = await pool.run({ job: slow, reps: 30, chunk: 2 }).done;
		const seen: number[] = [];
		const first = pool.run({
			job: slow,
			reps: 30,
			chunk: 2,
			onProgress: (p) => {
				seen.push(p.runId);
				if (p.done >= 4) first.cancel();
			}
		});
		await expect(first.done).rejects.toSatisfy(isCancelled);
		const countAtCancel = seen.length;
		const second = pool.run({ job: slow, reps: 30, chunk: 2, onProgress: (p) => seen.push(p.runId) });
		const r = await second.done;
		expect(r.summary).toEqual(uninterrupted.summary);
		// The first run delivered nothing after its cancellation.
		expect(seen.slice(0, countAtCancel).every((id) => id === first.id)).toBe(true);
		expect(seen.slice(countAtCancel).every((id) => id === second.id)).toBe(true);
	});

	it('a new run supersedes the one in progress', async () => {
		const slow: SimJob = { model: 'fake', input: { ...input, spin: 200_000 } };
		const pool = pools.get(2)!;
		const a = pool.run({ job: slow, reps: 40, chunk: 1 });
		const b = pool.run({ job, reps: REPS, bands: true });
		await expect(a.done).rejects.toSatisfy(isCancelled);
		expect((await b.done).summary).toEqual(reference);
	});

	for (const mode of ['throw', 'uncaught'] as const) {
		it(`a worker that crashes (${mode}) is replaced, its chunk rerun, and the numbers are identical`, async () => {
			for (const size of [1, 2]) {
				const pool = pools.get(size)!;
				const r = await pool.run({
					job,
					reps: REPS,
					chunk: 3,
					bands: true,
					__crashOnRep: 7,
					__crashMode: mode
				}).done;
				expect(r.crashes).toBe(1);
				expect(r.summary).toEqual(reference);
				// The replaced workers answer.
				expect(await pool.ping()).toEqual(Array(size).fill('pong'));
			}
		});
	}

	it('a worker that stops answering without any error is taken for dead after the stall time, and the run completes', async () => {
		const pool = pools.get(2)!;
		const r = await pool.run({
			job,
			reps: REPS,
			chunk: 3,
			bands: true,
			__crashOnRep: 7,
			__crashMode: 'hang',
			stallSeconds: 0.5
		}).done;
		expect(r.crashes).toBe(1);
		expect(r.summary).toEqual(reference);
		expect(await pool.ping()).toEqual(['pong', 'pong']);
	});

	it('a chunk that keeps failing fails the run with its error', async () => {
		const r = pools.get(2)!.run({ job, reps: 10, chunk: 2, __crashOnRep: 5, maxAttempts: 1 });
		await expect(r.done).rejects.toThrow(/test crash on replication 5/);
		// The pool is still usable.
		expect((await pools.get(2)!.run({ job, reps: REPS, bands: true }).done).summary).toEqual(reference);
	});

	it('stopping rule: stops at the same replication for any worker count and chunk size', async () => {
		const stop: StoppingRule = { metric: METRIC_INDEX.clientTotalCost, relHalfWidth: 0.02, minReps: 10 };
		const rows = referenceRows(input, 500);
		const ref = summarise(rows, { stop });
		expect(ref.precisionReachedAt).not.toBeNull();
		expect(ref.n).toBeLessThan(500);
		for (const [size, chunk] of [
			[1, 1],
			[2, 3],
			[8, 16]
		]) {
			const r = await pools.get(size)!.run({ job, reps: 500, chunk, stop }).done;
			expect(r.stoppedBy).toBe('precision');
			expect(r.summary).toEqual(ref);
		}
		// The cap wins when the target is out of reach.
		const capped = await pools.get(2)!.run({ job, reps: 25, stop: { ...stop, relHalfWidth: 1e-9 } }).done;
		expect(capped.stoppedBy).toBe('cap');
		expect(capped.summary.n).toBe(25);
	});

	it('validates its options', () => {
		const pool = pools.get(1)!;
		expect(() => pool.run({ job, reps: 0 })).toThrow(/reps must be an integer >= 1/);
		expect(() => pool.run({ job, reps: 5, chunk: 1.5 })).toThrow(/chunk must be an integer >= 1/);
	});
});

describe('SimulationPool on a slow machine', () => {
	/** In-process workers that take `startMs` to start (as a worker compiling its code on a busy machine). */
	const slowStarting =
		(startMs: number): WorkerFactory =>
		() => {
			const up = new Promise((resolve) => setTimeout(resolve, startMs));
			const api = {
				ping: () => up.then(() => inProcessApi.ping()),
				runChunk: (...args: Parameters<typeof inProcessApi.runChunk>) =>
					up.then(() => inProcessApi.runChunk(...args))
			};
			return { api: api as unknown as PoolWorker['api'], onFailure() {}, terminate() {} };
		};

	it('a worker still starting is not taken for stalled: the stall time counts from its start', async () => {
		const pool = new SimulationPool(slowStarting(600), 2);
		try {
			const r = await pool.run({ job, reps: 6, chunk: 2, bands: true, stallSeconds: 0.2 }).done;
			expect(r.crashes).toBe(0);
			expect(r.summary).toEqual(summarise(referenceRows(input, 6), { bands: true }));
		} finally {
			pool.dispose();
		}
	});
});
