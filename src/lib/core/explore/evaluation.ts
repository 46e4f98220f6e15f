/**
 * Evaluation on common random numbers, shared by every explorer tool (best response, sensitivity,
 * sweeps, and the designer next): how a tool asks for "these variants on replications 0..R-1 of
 * the same seed" and gets back, per variant, one scalars row per replication, and how it compares
 * them (summaries, paired differences with their own 95 % intervals).
 *
 * Every variant (a lever setting, an assumption at its low or high value, a clause value) runs on
 * the SAME replications of the same seed, so it faces the same customers. Variants are run through
 * an `Evaluator` (the worker pool in the CLI and the browser, or the in-process `localEvaluator` in
 * tests). Variants that differ only in ONE draft are packed up to four at a time as the drafts of a
 * derived scenario (a scenario holds 2-4 drafts, all on the same shared assumptions), so one pass
 * of a replication evaluates four of them; variants that change shared assumptions run as whole
 * scenarios. See docs/EXPLORE.md.
 *
 * Pure core: no DOM, no Node, no comlink. Async only at the level of whole evaluations.
 */
import { parseScenario, formatScenarioErrors, type Scenario } from '../schema/scenario';
import type { Draft } from '../schema/draft';
import { prepareScenario, runReplication } from '../replication';
import { METRICS, METRIC_COUNT } from '../metrics';
import { RunAccumulator, Welford, summariseDiff, type DiffSummary, type MetricSummary } from '../stats';

/** One draft's scalars row (METRIC_COUNT values, metrics.ts) per replication 0..R-1. */
export type Rows = Float64Array[];

/** Runs replications 0..reps-1 of a scenario; returns, per draft, the scalars row of each replication. */
export interface Evaluator {
	evaluate(scenario: Scenario, reps: number, onReps?: (done: number) => void): Promise<Rows[]>;
	/** Abort the evaluation in progress (its promise rejects). */
	stop?(): void;
}

/** Thrown when a search is stopped (by a StopToken or by the evaluator being cancelled). */
export class ExploreStoppedError extends Error {
	constructor() {
		super('stopped');
		this.name = 'ExploreStoppedError';
	}
}

/** A bad exploration input (path, range, draft): the message names the field and the rule. */
export class ExploreInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExploreInputError';
	}
}

/** Set `stopped` to end a search at the next evaluation boundary. */
export interface StopToken {
	stopped: boolean;
}

export interface ExploreProgress {
	/** What is being evaluated, in words ("coarse grid", "refine 1", "assumption: shrinkage low", ...). */
	phase: string;
	/** Draft-replications done and (an upper bound of) the total. */
	done: number;
	total: number;
}

export interface ExploreContext {
	evaluator: Evaluator;
	onProgress?: (p: ExploreProgress) => void;
	stop?: StopToken;
}

/** In-process evaluator (tests, small runs): prepares the scenario and runs its replications in order. */
export function localEvaluator(): Evaluator {
	let stopped = false;
	return {
		async evaluate(scenario, reps, onReps) {
			stopped = false;
			const prep = prepareScenario(scenario);
			const out: Rows[] = scenario.drafts.map(() => []);
			for (let r = 0; r < reps; r++) {
				if (stopped) throw new ExploreStoppedError();
				const rep = runReplication(prep, r);
				rep.drafts.forEach((d, i) => out[i].push(d.scalars));
				onReps?.(r + 1);
				if ((r & 3) === 3) await Promise.resolve();
			}
			return out;
		},
		stop() {
			stopped = true;
		}
	};
}

/** The part of SimulationPool (src/lib/pool/pool.ts) the pool evaluator needs. */
export interface PoolLike {
	run(opts: {
		job: { model: 'sla'; scenario: Scenario };
		reps: number;
		keepRows: boolean;
		onProgress?: (p: { done: number }) => void;
	}): { done: Promise<{ rows?: { drafts: { scalars: Float64Array }[] }[] }>; cancel(): void };
	cancel(): void;
}

/** Evaluator on a worker pool: replications in parallel, rows merged in replication order. */
export function poolEvaluator(pool: PoolLike): Evaluator {
	return {
		async evaluate(scenario, reps, onReps) {
			const handle = pool.run({
				job: { model: 'sla', scenario },
				reps,
				keepRows: true,
				onProgress: (p) => onReps?.(p.done)
			});
			const res = await handle.done;
			if (!res.rows) throw new Error('the pool returned no rows');
			const out: Rows[] = scenario.drafts.map(() => []);
			for (const row of res.rows) row.drafts.forEach((d, i) => out[i].push(d.scalars));
			return out;
		},
		stop() {
			pool.cancel();
		}
	};
}

/** Tracks progress over several evaluations. */
export class Progress {
	done = 0;
	total = 0;
	constructor(private readonly ctx: ExploreContext) {}
	check(): void {
		if (this.ctx.stop?.stopped) throw new ExploreStoppedError();
	}
	async run(phase: string, scenario: Scenario, reps: number): Promise<Rows[]> {
		this.check();
		const units = scenario.drafts.length;
		const before = this.done;
		this.ctx.onProgress?.({ phase, done: this.done, total: this.total });
		const rows = await this.ctx.evaluator.evaluate(scenario, reps, (r) => {
			this.ctx.onProgress?.({ phase, done: before + r * units, total: this.total });
		});
		this.done = before + reps * units;
		this.ctx.onProgress?.({ phase, done: this.done, total: this.total });
		this.check();
		return rows;
	}
}

/** Batch sizes for packing n variants as the drafts of scenarios of 2-4 drafts. */
export function batchSizes(n: number): number[] {
	if (n <= 0) return [];
	if (n === 1) return [1];
	const k = Math.ceil(n / 4);
	const sizes: number[] = [];
	for (let i = 0; i < k; i++) sizes.push(Math.floor(n / k) + (i < n % k ? 1 : 0));
	return sizes;
}

/** Scenarios holding the given draft variants, up to four each (a lone variant gets a twin, dropped after). */
export function packDrafts(base: Scenario, drafts: Draft[]): Scenario[] {
	const out: Scenario[] = [];
	let i = 0;
	for (const size of batchSizes(drafts.length)) {
		const batch = drafts.slice(i, i + size).map((d, j) => ({ ...d, name: `#${i + j}` }));
		if (batch.length === 1) batch.push({ ...batch[0], name: `#${i}b` });
		const parsed = parseScenario({ ...base, drafts: batch });
		if (!parsed.ok) throw new ExploreInputError(formatScenarioErrors(parsed.errors));
		out.push(parsed.scenario);
		i += size;
	}
	return out;
}

/** Evaluate draft variants on the base scenario's assumptions; returns one Rows per variant. */
export async function evaluateDrafts(
	base: Scenario,
	drafts: Draft[],
	reps: number,
	progress: Progress,
	phase: string
): Promise<Rows[]> {
	const out: Rows[] = [];
	for (const sc of packDrafts(base, drafts)) {
		const rows = await progress.run(phase, sc, reps);
		const real = sc.drafts.length === 2 && sc.drafts[1].name.endsWith('b') ? 1 : sc.drafts.length;
		for (let d = 0; d < real; d++) out.push(rows[d]);
	}
	return out;
}

/** A tool's `reps` option: replications 0..reps-1, at least 2 (a paired interval needs two). */
export function checkReps(reps: number): void {
	if (!(Number.isInteger(reps) && reps >= 2))
		throw new ExploreInputError(`reps must be a whole number >= 2 (got ${reps})`);
}

/** Every metric's summary for each of several variants' rows (same replications), per variant. */
export function summariseRows(variants: Rows[]): MetricSummary[][] {
	const acc = new RunAccumulator(variants.length, METRIC_COUNT);
	const n = variants[0].length;
	for (let r = 0; r < n; r++)
		acc.add({ rep: r, contacts: 0, drafts: variants.map((v) => ({ scalars: v[r] })) });
	return acc.summary().drafts.map((d) => d.metrics);
}

/** Paired difference b - a of every metric over the same replications. */
export function pairedDiff(a: Rows, b: Rows): DiffSummary[] {
	const out: DiffSummary[] = [];
	for (let m = 0; m < METRIC_COUNT; m++) out.push(pairedDiffOf(a, b, m));
	return out;
}

/**
 * Paired difference b - a of one metric, over the replications where both have data (stats.ts);
 * the interval of a difference of fractions or flags stays in [-1, 1].
 */
export function pairedDiffOf(a: Rows, b: Rows, metric: number): DiffSummary {
	const w = new Welford();
	const n = Math.min(a.length, b.length);
	for (let r = 0; r < n; r++) {
		const d = b[r][metric] - a[r][metric];
		if (d === d) w.push(d);
	}
	const kind = METRICS[metric].kind;
	return summariseDiff(w, kind === 'fraction' || kind === 'flag');
}

/**
 * A metric over rows, by Welford in replication order, leaving out replications without data: its
 * mean is bit-identical to the summaries' mean.
 */
export function welfordOf(rows: Rows, metric: number): Welford {
	const w = new Welford();
	for (const r of rows) if (r[metric] === r[metric]) w.push(r[metric]);
	return w;
}
