/**
 * What the projector runs: drafts as planned, and the vendor's best response to each, all on the
 * same simulated months (common random numbers: month r of every draft faces the same customers),
 * then a ranking of the drafts by the client's total cost once the vendor has played.
 *
 * The vendor's levers are searched on a few months (explore's best response), then every draft is
 * run again with those levers on the result months: the figures shown are not the ones the search
 * picked its winner on, so a lucky draw in the search does not flatter a draft.
 */
import { bestResponse, type Levers } from '$lib/core/explore/best-response';
import {
	Progress,
	evaluateDrafts,
	pairedDiffOf,
	summariseRows,
	type Evaluator,
	type ExploreContext,
	type Rows,
	type StopToken
} from '$lib/core/explore/evaluation';
import type { Scenario } from '$lib/core/schema/scenario';
import type { Draft } from '$lib/core/schema/draft';
import { METRIC_INDEX } from '$lib/core/metrics';
import type { DiffSummary, MetricSummary } from '$lib/core/stats';
import { EFFORTS, type Effort } from './setup';

export interface PlayProgress {
	phase: string;
	/** Draft-months simulated so far, and in all. */
	done: number;
	total: number;
}

export interface PlayContext {
	evaluator: Evaluator;
	stop?: StopToken;
	onProgress?: (p: PlayProgress) => void;
}

export interface Outcome {
	rows: Rows;
	metrics: MetricSummary[];
}

export interface PlayedDraft {
	draft: Draft;
	planned: Outcome;
	/** The vendor's most profitable levers under this draft, and the draft's outcome with them. */
	vendor: Outcome & { levers: Levers; isAsPlanned: boolean };
}

function outcomes(rows: Rows[]): Outcome[] {
	const metrics = summariseRows(rows);
	return rows.map((r, i) => ({ rows: r, metrics: metrics[i] }));
}

const searchSize = (effort: Effort) => {
	const e = EFFORTS[effort];
	return (1 + e.grid[0] * e.grid[1] + 8 * e.refinements) * e.searchReps;
};

/** Draft-months play() simulates for `n` drafts. */
export function playWork(n: number, effort: Effort): number {
	return n * (2 * EFFORTS[effort].reps + searchSize(effort));
}

/**
 * The drafts as planned, then the vendor's best response to each. `onPlanned` gets the as-planned
 * outcomes as soon as they are known (the reveal does not wait for the vendor's search).
 */
export async function play(
	base: Scenario,
	drafts: Draft[],
	effort: Effort,
	ctx: PlayContext,
	onPlanned?: (planned: Outcome[]) => void
): Promise<PlayedDraft[]> {
	const e = EFFORTS[effort];
	const total = playWork(drafts.length, effort);
	let done = 0;
	const report = (phase: string, at: number) => ctx.onProgress?.({ phase, done: Math.min(total, at), total });
	/** Explore's context for one phase: its progress counts on from what is done before it. */
	const phaseContext = (): ExploreContext => {
		const offset = done;
		return {
			evaluator: ctx.evaluator,
			stop: ctx.stop,
			onProgress: (p) => report(p.phase, offset + p.done)
		};
	};

	const plannedRows = await evaluateDrafts(
		base,
		drafts,
		e.reps,
		new Progress(phaseContext()),
		'the drafts as planned'
	);
	done += drafts.length * e.reps;
	const planned = outcomes(plannedRows);
	onPlanned?.(planned);

	const levers: { levers: Levers; isAsPlanned: boolean }[] = [];
	for (let i = 0; i < drafts.length; i++) {
		const phase = `the vendor's best response to ${drafts[i].name}`;
		const inner = phaseContext();
		const r = await bestResponse(
			{ ...base, drafts: [drafts[i]] },
			{ draft: 0, reps: e.searchReps, grid: [...e.grid], refinements: e.refinements },
			{ ...inner, onProgress: (p) => inner.onProgress?.({ ...p, phase }) }
		);
		done += searchSize(effort);
		levers.push({ levers: r.best.levers, isAsPlanned: r.best.isAsPlanned });
	}

	const played = drafts.map((d, i) => ({ ...d, vendor: { ...d.vendor, ...levers[i].levers } }));
	const vendorRows = await evaluateDrafts(
		base,
		played,
		e.reps,
		new Progress(phaseContext()),
		'the drafts with the vendor playing'
	);
	done += drafts.length * e.reps;
	report('done', done);
	const vendor = outcomes(vendorRows);
	return drafts.map((draft, i) => ({
		draft,
		planned: planned[i],
		vendor: { ...vendor[i], ...levers[i] }
	}));
}

export interface Ranking {
	/** Indices into the played drafts, best first. */
	order: number[];
	/** Per draft (by index): the vendor's margin is above zero once it plays (it would sign). */
	viable: boolean[];
	/**
	 * Per draft: client total cost minus the leader's, paired on the same months, with the vendor
	 * playing (null for the leader). Not significant: the two cannot be told apart on these months.
	 */
	vsLeader: (DiffSummary | null)[];
}

const COST = METRIC_INDEX.clientTotalCost;
const MARGIN = METRIC_INDEX.vendorMargin;

/**
 * Rank drafts by the client's total cost (fees, credits and bonuses, the cost of repeats and the
 * value of customers lost) once the vendor plays its best response; a draft under which the vendor
 * loses money comes after every draft it would sign.
 */
export function rank(played: readonly PlayedDraft[]): Ranking {
	const viable = played.map((p) => p.vendor.metrics[MARGIN].mean > 0);
	const order = played
		.map((_, i) => i)
		.sort(
			(a, b) =>
				Number(viable[b]) - Number(viable[a]) ||
				played[a].vendor.metrics[COST].mean - played[b].vendor.metrics[COST].mean
		);
	const leader = order[0];
	const vsLeader = played.map((p, i) =>
		i === leader || leader === undefined
			? null
			: pairedDiffOf(played[leader].vendor.rows, p.vendor.rows, COST)
	);
	return { order, viable, vsLeader };
}
