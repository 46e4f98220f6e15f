/**
 * A deterministic stand-in for `runReplication`, for tests and benchmarks of the pool: rows of the
 * right shape from seedrandom's alea keyed by (seed, replication, stream), with common random
 * numbers across drafts, a couple of 0/1 flags, and an optional busy loop to emulate compute.
 */
import seedrandom from 'seedrandom';
import { METRICS, METRIC_COUNT, METRIC_INDEX } from '../core/metrics';
import type { ReplicationOutputLike } from './chunk';

export interface FakeModelInput {
	seed: string;
	/** Number of drafts (default 2). */
	drafts?: number;
	/** Days in the daily table (default 3). */
	days?: number;
	/** Fields per day (default 4). */
	dailyFields?: number;
	/** Random draws per draft and replication to spend CPU time (default 0). */
	spin?: number;
}

export function fakeReplication(input: FakeModelInput, rep: number): ReplicationOutputLike {
	const drafts = input.drafts ?? 2;
	const days = input.days ?? 3;
	const fields = input.dailyFields ?? 4;
	const common = seedrandom.alea(`${input.seed}/${rep}/common`);
	const base = new Float64Array(METRIC_COUNT);
	for (let m = 0; m < METRIC_COUNT; m++) base[m] = common() - 0.5;
	const busy = new Float64Array(days * fields);
	for (let j = 0; j < busy.length; j++) busy[j] = common();
	let contacts = 0;
	const out: ReplicationOutputLike = { contacts: 0, drafts: [] };
	for (let d = 0; d < drafts; d++) {
		const own = seedrandom.alea(`${input.seed}/${rep}/draft${d}`);
		let spin = 0;
		for (let i = 0; i < (input.spin ?? 0); i++) spin += own();
		const scalars = new Float64Array(METRIC_COUNT);
		for (let m = 0; m < METRIC_COUNT; m++)
			scalars[m] = 100 * (m + 1) * (1 + 0.2 * base[m]) + d * (m % 4) + own();
		// Every flag is 0/1 (slaMet and watermelon get their own rules below).
		for (let m = 0; m < METRIC_COUNT; m++)
			if (METRICS[m].kind === 'flag') scalars[m] = base[m] + 0.05 * d > -0.2 ? 1 : 0;
		scalars[METRIC_INDEX.slaMet] = base[0] + 0.1 * d > -0.3 ? 1 : 0;
		scalars[METRIC_INDEX.watermelon] =
			scalars[METRIC_INDEX.slaMet] === 1 && base[1] + own() * 0.2 < -0.2 + 0.1 * d ? 1 : 0;
		// Keep the spin observable so it is not optimised away (adds at most 1e-300).
		scalars[0] += spin * 1e-300;
		const daily = new Float64Array(days * fields);
		for (let j = 0; j < daily.length; j++) daily[j] = 50 * (1 + busy[j]) + d + 5 * own();
		const c = 1000 + Math.floor(100 * common());
		contacts += c;
		out.drafts.push({ scalars, daily });
	}
	out.contacts = contacts;
	return out;
}
