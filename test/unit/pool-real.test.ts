/**
 * The pool's guarantees on the real model (replication.ts): the e-commerce preset, shortened to a
 * few days for the wider matrix, and once at full length with few replications.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodePool } from '../../src/lib/pool/node';
import { isCancelled, type SimulationPool } from '../../src/lib/pool/pool';
import { prepareScenario, runReplication } from '../../src/lib/core/replication';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { summarise, type ReplicationRow } from '../../src/lib/core/stats';
import type { SimJob } from '../../workers/sim-api';

function load(days?: number): Scenario {
	const raw = JSON.parse(
		readFileSync(new URL('../../scenarios/ecommerce-case.json', import.meta.url), 'utf8')
	);
	if (days) raw.assumptions.calendar.days = days;
	const p = parseScenario(raw);
	if (!p.ok) throw new Error(JSON.stringify(p.errors));
	return p.scenario;
}

function reference(scenario: Scenario, reps: number): ReplicationRow[] {
	const prep = prepareScenario(scenario);
	return Array.from({ length: reps }, (_, rep) => ({ rep, ...runReplication(prep, rep) }));
}

const short = load(4);
const shortJob: SimJob = { model: 'sla', scenario: short };
const REPS = 6;
let shortRef: ReturnType<typeof summarise>;

const pools = new Map<number, SimulationPool>();
beforeAll(async () => {
	shortRef = summarise(reference(short, REPS), { bands: true });
	for (const size of [1, 2, 8]) {
		pools.set(size, createNodePool(size));
		await pools.get(size)!.ping();
	}
});
afterAll(() => {
	for (const p of pools.values()) p.dispose();
});

describe('SimulationPool on the real model', () => {
	it('identical numbers with 1, 2 and 8 workers and chunk sizes 1, 3, 16', async () => {
		expect(shortRef.drafts[0].bands!.p50.length).toBeGreaterThan(0);
		for (const size of [1, 2, 8])
			for (const chunk of [1, 3, 16]) {
				const r = await pools.get(size)!.run({ job: shortJob, reps: REPS, chunk, bands: true }).done;
				expect(r.summary, `workers ${size}, chunk ${chunk}`).toEqual(shortRef);
			}
	});

	it('cancel mid-run then run again equals an uninterrupted run', async () => {
		const pool = pools.get(2)!;
		const first = pool.run({
			job: shortJob,
			reps: REPS,
			chunk: 1,
			bands: true,
			onProgress: (p) => {
				if (p.done >= 1) first.cancel();
			}
		});
		await expect(first.done).rejects.toSatisfy(isCancelled);
		const r = await pool.run({ job: shortJob, reps: REPS, chunk: 1, bands: true }).done;
		expect(r.summary).toEqual(shortRef);
	});

	it('a worker that crashes is replaced and the run completes with identical numbers', async () => {
		for (const mode of ['throw', 'uncaught'] as const) {
			const r = await pools
				.get(2)!
				.run({ job: shortJob, reps: REPS, chunk: 2, bands: true, __crashOnRep: 3, __crashMode: mode }).done;
			expect(r.crashes).toBe(1);
			expect(r.summary).toEqual(shortRef);
		}
	});

	it('full-length default scenario: 1 and 2 workers agree with the in-process one-pass summary', async () => {
		const full = load();
		const ref = summarise(reference(full, 3));
		for (const size of [1, 2]) {
			const r = await pools.get(size)!.run({ job: { model: 'sla', scenario: full }, reps: 3, chunk: 1 }).done;
			expect(r.summary).toEqual(ref);
		}
	});
});
