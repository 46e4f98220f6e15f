/**
 * What does a clause buy? The contract explorer's sweeps: one clause (or a grid of two) over a
 * range, both sides' outcomes at every point on the same replications, and the vendor-margin /
 * client-cost frontier with the scenario's own drafts placed against it. For negotiators choosing
 * a target, a share at risk or a price.
 */
import type { Scenario } from '../schema/scenario';
import { METRIC_INDEX } from '../metrics';
import type { MetricSummary } from '../stats';
import {
	ExploreInputError,
	Progress,
	checkReps,
	evaluateDrafts,
	summariseRows,
	type ExploreContext,
	type Rows
} from './evaluation';
import { deriveScenario, getAtPath, linspace, parsePath, round6 as r6, type Setting } from './paths';

const MARGIN = METRIC_INDEX.vendorMargin;

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
	checkReps(reps);
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
