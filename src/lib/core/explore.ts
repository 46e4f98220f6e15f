/**
 * What will the vendor do? Vendor best response, sensitivity (tornado) and the contract explorer
 * (one- and two-clause sweeps with the vendor-margin / client-cost frontier). See docs/EXPLORE.md.
 *
 * Everything here is built on common random numbers: every variant (a lever setting, an assumption
 * at its low or high value, a clause value) is simulated on the SAME replications 0..R-1 of the
 * same seed, so it faces the same customers, and differences between variants are paired
 * differences with their own 95 % intervals.
 *
 * How variants are run: through an `Evaluator` (the worker pool in the CLI and the browser, or the
 * in-process `localEvaluator` in tests). Variants that differ only in ONE draft (vendor levers,
 * clause values) are packed up to four at a time as the drafts of a derived scenario (a scenario
 * holds 2-4 drafts, all on the same shared assumptions), so one pass of a replication evaluates four
 * of them; variants that change shared assumptions run as whole scenarios.
 *
 * Pure core: no DOM, no Node, no comlink. Async only at the level of whole evaluations.
 */
import { parseScenario, formatScenarioErrors, type Scenario } from './schema/scenario';
import type { Draft } from './schema/draft';
import { prepareScenario, runReplication } from './replication';
import { METRICS, METRIC_COUNT, METRIC_INDEX, type MetricKey } from './metrics';
import {
	RunAccumulator,
	Welford,
	summariseDiff,
	tInterval,
	type DiffSummary,
	type MetricSummary
} from './stats';

/* ------------------------------------------------------------------------------------------ */
/* Evaluation                                                                                  */
/* ------------------------------------------------------------------------------------------ */

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
class Progress {
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
async function evaluateDrafts(
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

/* ------------------------------------------------------------------------------------------ */
/* Statistics on rows                                                                          */
/* ------------------------------------------------------------------------------------------ */

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

/** Paired difference b - a of one metric. */
export function pairedDiffOf(a: Rows, b: Rows, metric: number): DiffSummary {
	const w = new Welford();
	const n = Math.min(a.length, b.length);
	let flags = true;
	for (let r = 0; r < n; r++) {
		const x = a[r][metric];
		const y = b[r][metric];
		if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1)) flags = false;
		w.push(y - x);
	}
	return summariseDiff(w, flags);
}

/** A metric over rows, by Welford in replication order: its mean is bit-identical to the summaries' mean. */
function welfordOf(rows: Rows, metric: number): Welford {
	const w = new Welford();
	for (const r of rows) w.push(r[metric]);
	return w;
}

/** A metric as the CLI's JSON writes it (flags: the share of replications with its Wilson interval). */
export interface JsonMetric {
	mean: number;
	ci95: [number, number];
	p5: number;
	p50: number;
	p95: number;
}

export function metricJson(x: MetricSummary): JsonMetric {
	return {
		mean: x.share ? x.share.p : x.mean,
		ci95: x.share ? x.share.ci95 : x.ci95,
		p5: x.p5,
		p50: x.p50,
		p95: x.p95
	};
}

/** Every metric of a summary row, keyed by metric key. */
export function metricsJson(ms: MetricSummary[], keys: readonly MetricKey[] = METRICS.map((m) => m.key)) {
	const out: Record<string, JsonMetric> = {};
	for (const k of keys) out[k] = metricJson(ms[METRIC_INDEX[k]]);
	return out;
}

export function diffsJson(ds: DiffSummary[], keys: readonly MetricKey[] = METRICS.map((m) => m.key)) {
	const out: Record<string, { mean: number; ci95: [number, number] }> = {};
	for (const k of keys) {
		const d = ds[METRIC_INDEX[k]];
		out[k] = { mean: d.mean, ci95: d.ci95 };
	}
	return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Paths into a scenario                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** `drafts.0.metrics.1.target` -> ['drafts', 0, 'metrics', 1, 'target']. */
export function parsePath(path: string): (string | number)[] {
	const p = path.trim();
	if (!/^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/.test(p))
		throw new ExploreInputError(
			`path "${path}" must be dot-separated field names and indices, e.g. drafts.0.price.rate`
		);
	return p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at a path, or undefined. */
export function getAtPath(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const k of parsePath(path)) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string | number, unknown>)[k];
	}
	return cur;
}

function clone<T>(x: T): T {
	return JSON.parse(JSON.stringify(x)) as T;
}

/** A copy of `obj` with the number at `path` replaced (the field must exist and be a number). */
function setNumberAt<T>(obj: T, path: string, value: number): T {
	const keys = parsePath(path);
	const out = clone(obj);
	let cur: unknown = out;
	for (let i = 0; i < keys.length - 1; i++) {
		const next = (cur as Record<string | number, unknown>)?.[keys[i]];
		if (next === null || typeof next !== 'object')
			throw new ExploreInputError(
				`${path}: no such field in the scenario (${keys.slice(0, i + 1).join('.')} is missing; defaults are filled in first)`
			);
		cur = next;
	}
	const last = keys[keys.length - 1];
	const old = (cur as Record<string | number, unknown>)[last];
	if (typeof old !== 'number')
		throw new ExploreInputError(
			old === undefined
				? `${path}: no such field in the scenario (defaults are filled in first)`
				: `${path}: must point to a number (it holds ${JSON.stringify(old).slice(0, 40)})`
		);
	(cur as Record<string | number, unknown>)[last] = value;
	return out;
}

export interface Setting {
	path: string;
	value: number;
}

/**
 * The scenario with the given numbers set, validated by parseScenario. An invalid value throws an
 * ExploreInputError that names the setting and every rule it broke (with its path).
 */
export function deriveScenario(scenario: Scenario, settings: readonly Setting[]): Scenario {
	let s: Scenario = scenario;
	for (const { path, value } of settings) {
		if (!Number.isFinite(value))
			throw new ExploreInputError(`${path}: value ${value} is not a finite number`);
		s = setNumberAt(s, path, value);
	}
	const p = parseScenario(s);
	if (!p.ok) {
		const what = settings.map((x) => `${x.path} = ${fmtNum(x.value)}`).join(', ');
		throw new ExploreInputError(`${what} makes an invalid scenario:\n${formatScenarioErrors(p.errors)}`);
	}
	return p.scenario;
}

function fmtNum(x: number): string {
	return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** Evenly spaced values from..to (steps >= 2; steps 1 gives [from]). */
export function linspace(from: number, to: number, steps: number): number[] {
	if (steps <= 1) return [from];
	return Array.from({ length: steps }, (_, i) =>
		i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)
	);
}

/** Numeric leaves of a scenario worth sweeping, for pickers: draft clauses and shared assumptions. */
export function sweepablePaths(s: Scenario): { path: string; label: string; value: number }[] {
	const out: { path: string; label: string; value: number }[] = [];
	s.drafts.forEach((d, i) => {
		const p = `drafts.${i}`;
		const name = d.name;
		out.push({ path: `${p}.price.rate`, label: `${name}: price rate`, value: d.price.rate });
		out.push({
			path: `${p}.atRisk.percentOfInvoice`,
			label: `${name}: at-risk share of invoice`,
			value: d.atRisk.percentOfInvoice
		});
		d.metrics.forEach((m, j) => {
			out.push({ path: `${p}.metrics.${j}.target`, label: `${name}: ${m.metric} target`, value: m.target });
			out.push({
				path: `${p}.metrics.${j}.poolAllocation`,
				label: `${name}: ${m.metric} allocation`,
				value: m.poolAllocation
			});
		});
		d.bonuses.forEach((b, j) => {
			out.push({
				path: `${p}.bonuses.${j}.threshold`,
				label: `${name}: ${b.metric} bonus threshold`,
				value: b.threshold
			});
			if (b.percentOfInvoice !== undefined)
				out.push({
					path: `${p}.bonuses.${j}.percentOfInvoice`,
					label: `${name}: ${b.metric} bonus share of invoice`,
					value: b.percentOfInvoice
				});
			if (b.amount !== undefined)
				out.push({
					path: `${p}.bonuses.${j}.amount`,
					label: `${name}: ${b.metric} bonus amount`,
					value: b.amount
				});
		});
		if (d.scorecard.mode === 'manual' && d.scorecard.weights)
			for (const [k, v] of Object.entries(d.scorecard.weights))
				out.push({ path: `${p}.scorecard.weights.${k}`, label: `${name}: scorecard weight ${k}`, value: v });
		out.push({
			path: `${p}.vendor.staffingPolicyFactor`,
			label: `${name}: vendor staffing factor`,
			value: d.vendor.staffingPolicyFactor
		});
		out.push({
			path: `${p}.vendor.coachingSpeedBias`,
			label: `${name}: vendor coaching speed bias`,
			value: d.vendor.coachingSpeedBias
		});
	});
	for (const f of DEFAULT_SENSITIVITY_FACTORS) {
		const v = getAtPath(s, f.path);
		if (typeof v === 'number') out.push({ path: f.path, label: `Assumption: ${f.label}`, value: v });
	}
	return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Vendor best response                                                                        */
/* ------------------------------------------------------------------------------------------ */

export interface Levers {
	staffingPolicyFactor: number;
	coachingSpeedBias: number;
}

/** The stated search bounds of the vendor's levers. */
export const LEVER_BOUNDS: { staffingPolicyFactor: [number, number]; coachingSpeedBias: [number, number] } = {
	staffingPolicyFactor: [0.7, 1.5],
	coachingSpeedBias: [-1, 1]
};

/**
 * The outcomes a best response is reported on, in this order: the CLI's table (best-response) shows
 * them all, the explorer panel leaves out the `detail` rows.
 */
export const BEST_RESPONSE_OUTCOMES: ReadonlyArray<{ key: MetricKey; detail?: true }> = [
	{ key: 'vendorMargin' },
	{ key: 'vendorRevenue' },
	{ key: 'vendorCost' },
	{ key: 'fees', detail: true },
	{ key: 'credits' },
	{ key: 'bonuses' },
	{ key: 'clientTotalCost' },
	{ key: 'repeatCost', detail: true },
	{ key: 'churnCost', detail: true },
	{ key: 'fcrTrue' },
	{ key: 'fcr', detail: true },
	{ key: 'repeatContactRate' },
	{ key: 'csatTrue' },
	{ key: 'serviceLevel' },
	{ key: 'abandonRate' },
	{ key: 'aht' },
	{ key: 'slaMet' },
	{ key: 'watermelon' }
];

export interface BestResponseOptions {
	/** Index of the draft the vendor answers. */
	draft: number;
	/** Replications 0..reps-1 every candidate is evaluated on. */
	reps: number;
	bounds?: typeof LEVER_BOUNDS;
	/** Coarse grid points per lever (default 5 and 5). */
	grid?: [number, number];
	/** Rounds of refinement: each halves the step and tries the 8 neighbours of the best (default 2). */
	refinements?: number;
}

export interface Candidate {
	levers: Levers;
	/** 'as planned', 'grid', 'refine 1', ... */
	round: string;
	margin: { mean: number; ci95: [number, number] };
}

export interface BestResponseResult {
	draft: { index: number; name: string };
	reps: number;
	seed: string;
	bounds: typeof LEVER_BOUNDS;
	/** Grid step of the coarse grid and of the last refinement, per lever. */
	step: { coarse: Levers; final: Levers };
	asPlanned: { levers: Levers; metrics: MetricSummary[] };
	best: { levers: Levers; metrics: MetricSummary[]; isAsPlanned: boolean };
	runnerUp: { levers: Levers; marginMean: number } | null;
	/** best - as planned, paired on the same replications, every metric. */
	difference: DiffSummary[];
	/** margin(best) - margin(runner-up), paired: how clearly the winner beats the next candidate. */
	marginVsRunnerUp: DiffSummary | null;
	candidates: Candidate[];
	/** Draft-replications simulated. */
	evaluations: number;
}

const MARGIN = METRIC_INDEX.vendorMargin;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const leverKey = (l: Levers) => `${r6(l.staffingPolicyFactor)}|${r6(l.coachingSpeedBias)}`;

function checkDraftIndex(s: Scenario, draft: number): void {
	if (!(Number.isInteger(draft) && draft >= 0 && draft < s.drafts.length))
		throw new ExploreInputError(`draft must be an index 0..${s.drafts.length - 1} (got ${draft})`);
}

/**
 * The vendor's best response to a draft: the levers (staffing policy factor, coaching speed bias)
 * with the highest mean vendor margin over replications 0..reps-1, searched on a coarse grid and
 * refined around the best; the draft as planned is always a candidate, so the best never has a
 * lower mean margin than the draft as planned on the same replications.
 */
export async function bestResponse(
	scenario: Scenario,
	opts: BestResponseOptions,
	ctx: ExploreContext
): Promise<BestResponseResult> {
	checkDraftIndex(scenario, opts.draft);
	if (!(Number.isInteger(opts.reps) && opts.reps >= 2))
		throw new ExploreInputError(`reps must be a whole number >= 2 (got ${opts.reps})`);
	const bounds = opts.bounds ?? LEVER_BOUNDS;
	const [gf, gb] = opts.grid ?? [5, 5];
	const refinements = opts.refinements ?? 2;
	const [f0, f1] = bounds.staffingPolicyFactor;
	const [b0, b1] = bounds.coachingSpeedBias;
	if (!(f0 >= 0.3 && f1 <= 3 && f0 < f1))
		throw new ExploreInputError('staffingPolicyFactor bounds must satisfy 0.3 <= low < high <= 3');
	if (!(b0 >= -1 && b1 <= 1 && b0 < b1))
		throw new ExploreInputError('coachingSpeedBias bounds must satisfy -1 <= low < high <= 1');
	if (!(gf >= 2 && gb >= 2)) throw new ExploreInputError('grid needs at least 2 points per lever');
	const base = scenario.drafts[opts.draft];
	const progress = new Progress(ctx);
	const reps = opts.reps;

	interface Eval {
		levers: Levers;
		round: string;
		rows: Rows;
		/** The vendor margin over the replications. */
		margin: Welford;
	}
	const evals: Eval[] = [];
	const seen = new Set<string>();
	const evaluate = async (list: Levers[], round: string) => {
		const fresh = list.filter((l) => {
			const k = leverKey(l);
			if (seen.has(k)) return false;
			seen.add(k);
			return true;
		});
		if (fresh.length === 0) return;
		const drafts = fresh.map((l) => ({ ...base, vendor: { ...l } }));
		const rows = await evaluateDrafts(scenario, drafts, reps, progress, round);
		fresh.forEach((l, i) =>
			evals.push({ levers: l, round, rows: rows[i], margin: welfordOf(rows[i], MARGIN) })
		);
	};
	const bestIndex = () => {
		let b = 0;
		for (let i = 1; i < evals.length; i++) if (evals[i].margin.mean > evals[b].margin.mean) b = i;
		return b;
	};

	const asPlanned: Levers = {
		staffingPolicyFactor: base.vendor.staffingPolicyFactor,
		coachingSpeedBias: base.vendor.coachingSpeedBias
	};
	const step: Levers = {
		staffingPolicyFactor: (f1 - f0) / (gf - 1),
		coachingSpeedBias: (b1 - b0) / (gb - 1)
	};
	const grid: Levers[] = [];
	for (const f of linspace(f0, f1, gf))
		for (const b of linspace(b0, b1, gb))
			grid.push({ staffingPolicyFactor: r6(f), coachingSpeedBias: r6(b) });
	progress.total = (1 + grid.length + 8 * refinements) * reps;
	await evaluate([asPlanned, ...grid], 'coarse grid');

	const cur = { ...step };
	for (let round = 1; round <= refinements; round++) {
		cur.staffingPolicyFactor /= 2;
		cur.coachingSpeedBias /= 2;
		const c = evals[bestIndex()].levers;
		const around: Levers[] = [];
		for (const df of [-1, 0, 1])
			for (const db of [-1, 0, 1]) {
				if (df === 0 && db === 0) continue;
				around.push({
					staffingPolicyFactor: r6(
						Math.min(f1, Math.max(f0, c.staffingPolicyFactor + df * cur.staffingPolicyFactor))
					),
					coachingSpeedBias: r6(Math.min(b1, Math.max(b0, c.coachingSpeedBias + db * cur.coachingSpeedBias)))
				});
			}
		await evaluate(around, `refine ${round}`);
	}
	progress.total = progress.done;

	const bi = bestIndex();
	const best = evals[bi];
	const plan = evals[0];
	let ri = -1;
	for (let i = 0; i < evals.length; i++)
		if (i !== bi && (ri < 0 || evals[i].margin.mean > evals[ri].margin.mean)) ri = i;
	const [planMetrics, bestMetrics] = summariseRows([plan.rows, best.rows]);
	return {
		draft: { index: opts.draft, name: base.name },
		reps,
		seed: String(scenario.seed),
		bounds,
		step: { coarse: step, final: { ...cur } },
		asPlanned: { levers: asPlanned, metrics: planMetrics },
		best: { levers: best.levers, metrics: bestMetrics, isAsPlanned: bi === 0 },
		runnerUp: ri >= 0 ? { levers: evals[ri].levers, marginMean: evals[ri].margin.mean } : null,
		difference: pairedDiff(plan.rows, best.rows),
		marginVsRunnerUp: ri >= 0 ? pairedDiffOf(evals[ri].rows, best.rows, MARGIN) : null,
		candidates: evals.map((e) => ({
			levers: e.levers,
			round: e.round,
			margin: { mean: e.margin.mean, ci95: tInterval(e.margin) }
		})),
		evaluations: progress.done
	};
}

/* ------------------------------------------------------------------------------------------ */
/* Sensitivity                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export interface SensitivityFactor {
	key: string;
	label: string;
	/** Path into the scenario, e.g. assumptions.demand.busynessCV. */
	path: string;
	low: number;
	high: number;
	/** Why this range. */
	note: string;
	kind: 'fraction' | 'number';
}

/** The key uncertain assumptions and their stated ranges. */
export const DEFAULT_SENSITIVITY_FACTORS: readonly SensitivityFactor[] = [
	{
		key: 'busynessCV',
		label: 'Forecast error (daily busyness CV)',
		path: 'assumptions.demand.busynessCV',
		low: 0.05,
		high: 0.2,
		note: 'Day-to-day forecast error: 5 % (a stable queue) to 20 % (a volatile one); default 10 %.',
		kind: 'fraction'
	},
	{
		key: 'callbackProbability',
		label: 'Callback probability',
		path: 'assumptions.customers.callbackProbability',
		low: 0.6,
		high: 0.95,
		note: 'Chance an unresolved customer contacts again: 60 % to 95 %; default 80 %.',
		kind: 'fraction'
	},
	{
		key: 'pressureSensitivity',
		label: 'Effort response to pressure',
		path: 'assumptions.behaviour.pressureSensitivity',
		low: 3,
		high: 12,
		note: 'Steepness of the pressure-to-effort S-curve: 3 (agents react gently) to 12 (sharply); default 6.',
		kind: 'number'
	},
	{
		key: 'surveyResponseRate',
		label: 'Survey response rate',
		path: 'assumptions.customers.surveyResponseRate',
		low: 0.05,
		high: 0.25,
		note: 'Share of contacts returning a CSAT survey: 5 % to 25 %; default 12 % (field: 10-15 %).',
		kind: 'fraction'
	},
	{
		key: 'shrinkage',
		label: 'Shrinkage',
		path: 'assumptions.staffing.shrinkage',
		low: 0.2,
		high: 0.35,
		note: 'Paid time off the phones: 20 % to 35 % (MODEL.md range); default 30 %.',
		kind: 'fraction'
	}
];

/** The main outcomes a tornado shows. */
export const SENSITIVITY_OUTCOMES: readonly MetricKey[] = [
	'repeatContactRate',
	'fcrTrue',
	'csatTrue',
	'clientTotalCost',
	'vendorMargin',
	'slaMet'
];

export interface SensitivityOptions {
	reps: number;
	factors?: readonly SensitivityFactor[];
}

export interface SensitivitySide {
	/** The assumption's value on this side. */
	value: number;
	/** Per draft, every metric. */
	metrics: MetricSummary[][];
	/** Per draft, this side minus base, every metric (paired on the same replications). */
	vsBase: DiffSummary[][];
}

export interface SensitivityResult {
	reps: number;
	seed: string;
	drafts: string[];
	base: { metrics: MetricSummary[][] };
	factors: Array<
		SensitivityFactor & { baseValue: number; lowSide: SensitivitySide; highSide: SensitivitySide }
	>;
	evaluations: number;
}

/** Rerun the whole scenario with each assumption at its low and its high value (same replications). */
export async function sensitivity(
	scenario: Scenario,
	opts: SensitivityOptions,
	ctx: ExploreContext
): Promise<SensitivityResult> {
	if (!(Number.isInteger(opts.reps) && opts.reps >= 2))
		throw new ExploreInputError(`reps must be a whole number >= 2 (got ${opts.reps})`);
	const factors = opts.factors ?? DEFAULT_SENSITIVITY_FACTORS;
	const reps = opts.reps;
	// Validate every variant before simulating anything.
	const variants = factors.map((f) => {
		const baseValue = getAtPath(scenario, f.path);
		if (typeof baseValue !== 'number')
			throw new ExploreInputError(`${f.path}: no such number in the scenario`);
		return {
			f,
			baseValue,
			low: deriveScenario(scenario, [{ path: f.path, value: f.low }]),
			high: deriveScenario(scenario, [{ path: f.path, value: f.high }])
		};
	});
	const progress = new Progress(ctx);
	const D = scenario.drafts.length;
	progress.total = (1 + 2 * factors.length) * reps * D;
	const baseRows = await progress.run('base', scenario, reps);
	const baseMetrics = summariseRows(baseRows);
	const side = async (
		sc: Scenario,
		value: number,
		baseValue: number,
		phase: string
	): Promise<SensitivitySide> => {
		const rows = value === baseValue ? baseRows : await progress.run(phase, sc, reps);
		return { value, metrics: summariseRows(rows), vsBase: rows.map((r, d) => pairedDiff(baseRows[d], r)) };
	};
	const out: SensitivityResult['factors'] = [];
	for (const v of variants) {
		const lowSide = await side(v.low, v.f.low, v.baseValue, `${v.f.label}: low`);
		const highSide = await side(v.high, v.f.high, v.baseValue, `${v.f.label}: high`);
		out.push({ ...v.f, baseValue: v.baseValue, lowSide, highSide });
	}
	return {
		reps,
		seed: String(scenario.seed),
		drafts: scenario.drafts.map((d) => d.name),
		base: { metrics: baseMetrics },
		factors: out,
		evaluations: progress.done
	};
}

/* ------------------------------------------------------------------------------------------ */
/* Contract explorer: sweeps                                                                   */
/* ------------------------------------------------------------------------------------------ */

export interface SweepAxis {
	path: string;
	from: number;
	to: number;
	steps: number;
}

export interface SweepOptions {
	axes: SweepAxis[];
	reps: number;
}

export interface SweepCell {
	/** Index of the draft in the original scenario. */
	draft: number;
	name: string;
	metrics: MetricSummary[];
	/** On the vendor-margin / client-cost frontier (Pareto set over every cell of the sweep). */
	frontier: boolean;
}

export interface SweepPoint {
	/** One value per axis. */
	values: number[];
	cells: SweepCell[];
}

export interface SweepMarker {
	draft: number;
	name: string;
	/** The draft's own value at each axis' path (null when it has no such field). */
	values: (number | null)[];
	metrics: MetricSummary[];
	/** True when no sweep cell has both a higher vendor margin and a lower client cost. */
	onFrontier: boolean;
}

export interface SweepResult {
	reps: number;
	seed: string;
	axes: Array<SweepAxis & { values: number[] }>;
	/** 'draft': every path is in draft `draftIndex`, whose variants were packed 4 per pass; 'scenario': whole scenarios. */
	mode: 'draft' | 'scenario';
	draftIndex: number | null;
	points: SweepPoint[];
	/** The scenario's drafts as written, on the same replications. */
	drafts: SweepMarker[];
	evaluations: number;
}

/** Per point, per cell, the rows (for paired comparisons between points). */
export interface SweepRun {
	result: SweepResult;
	rows: Rows[][];
}

/** Indices of the points (x = cost, lower better; y = margin, higher better) no other point dominates. */
export function paretoFront(points: readonly { cost: number; margin: number }[]): number[] {
	const out: number[] = [];
	points.forEach((p, i) => {
		const dominated = points.some(
			(q, j) =>
				j !== i && q.cost <= p.cost && q.margin >= p.margin && (q.cost < p.cost || q.margin > p.margin)
		);
		if (!dominated) out.push(i);
	});
	return out;
}

/** Sweep one clause (or a grid of two) over a range; both sides' outcomes per point, and the frontier. */
export async function sweep(scenario: Scenario, opts: SweepOptions, ctx: ExploreContext): Promise<SweepRun> {
	const { axes, reps } = opts;
	if (axes.length < 1 || axes.length > 2) throw new ExploreInputError('a sweep takes one or two paths');
	if (!(Number.isInteger(reps) && reps >= 2))
		throw new ExploreInputError(`reps must be a whole number >= 2 (got ${reps})`);
	for (const a of axes) {
		parsePath(a.path);
		if (!Number.isFinite(a.from) || !Number.isFinite(a.to))
			throw new ExploreInputError(`${a.path}: from and to must be numbers`);
		if (!(Number.isInteger(a.steps) && a.steps >= 2 && a.steps <= 50))
			throw new ExploreInputError(`${a.path}: steps must be a whole number 2..50`);
		if (typeof getAtPath(scenario, a.path) !== 'number')
			throw new ExploreInputError(`${a.path}: no such number in the scenario (defaults are filled in first)`);
	}
	if (axes.length === 2 && axes[0].path === axes[1].path)
		throw new ExploreInputError('the two paths must differ');
	const values = axes.map((a) => linspace(a.from, a.to, a.steps).map(r6));
	const settingsList: Setting[][] =
		axes.length === 1
			? values[0].map((v) => [{ path: axes[0].path, value: v }])
			: values[0].flatMap((v0) =>
					values[1].map((v1) => [
						{ path: axes[0].path, value: v0 },
						{ path: axes[1].path, value: v1 }
					])
				);
	// Validate every point before simulating anything.
	const derived = settingsList.map((st) => deriveScenario(scenario, st));
	const draftOf = (p: string) => /^drafts\.(\d+)\./.exec(p)?.[1];
	const ks = axes.map((a) => draftOf(a.path));
	const mode: 'draft' | 'scenario' = ks.every((k) => k !== undefined && k === ks[0]) ? 'draft' : 'scenario';
	const K = mode === 'draft' ? Number(ks[0]) : null;
	const D = scenario.drafts.length;
	const progress = new Progress(ctx);
	progress.total = (mode === 'draft' ? derived.length + D : (derived.length + 1) * D) * reps;

	const baseRows = await progress.run('drafts as written', scenario, reps);
	let rows: Rows[][];
	let cellDrafts: number[];
	if (mode === 'draft') {
		const flat = await evaluateDrafts(
			scenario,
			derived.map((s) => s.drafts[K!]),
			reps,
			progress,
			`sweep of ${axes.map((a) => a.path).join(' x ')}`
		);
		rows = flat.map((r) => [r]);
		cellDrafts = [K!];
	} else {
		rows = [];
		for (let i = 0; i < derived.length; i++)
			rows.push(await progress.run(`point ${i + 1}/${derived.length}`, derived[i], reps));
		cellDrafts = scenario.drafts.map((_, d) => d);
	}

	const COST = METRIC_INDEX.clientTotalCost;
	const points: SweepPoint[] = settingsList.map((st, i) => {
		const metrics = summariseRows(rows[i]);
		return {
			values: st.map((x) => x.value),
			cells: cellDrafts.map((d, c) => ({
				draft: d,
				name: scenario.drafts[d].name,
				metrics: metrics[c],
				frontier: false
			}))
		};
	});
	const flatCells = points.flatMap((p) => p.cells);
	const front = paretoFront(
		flatCells.map((c) => ({ cost: c.metrics[COST].mean, margin: c.metrics[MARGIN].mean }))
	);
	for (const i of front) flatCells[i].frontier = true;
	const baseMetrics = summariseRows(baseRows);
	const drafts: SweepMarker[] = scenario.drafts.map((d, j) => {
		const ms = baseMetrics[j];
		const cost = ms[COST].mean;
		const margin = ms[MARGIN].mean;
		return {
			draft: j,
			name: d.name,
			values: axes.map((a) => {
				const p = mode === 'draft' ? a.path.replace(/^drafts\.\d+\./, `drafts.${j}.`) : a.path;
				const v = getAtPath(scenario, p);
				return typeof v === 'number' ? v : null;
			}),
			metrics: ms,
			onFrontier: !flatCells.some(
				(c) =>
					c.metrics[COST].mean <= cost &&
					c.metrics[MARGIN].mean >= margin &&
					(c.metrics[COST].mean < cost || c.metrics[MARGIN].mean > margin)
			)
		};
	});
	return {
		result: {
			reps,
			seed: String(scenario.seed),
			axes: axes.map((a, i) => ({ ...a, values: values[i] })),
			mode,
			draftIndex: K,
			points,
			drafts,
			evaluations: progress.done
		},
		rows
	};
}
