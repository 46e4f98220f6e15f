/**
 * What will the vendor do? The vendor's best response to a draft: the levers it controls (staffing
 * policy factor, coaching speed bias) that maximise its mean margin over the term (the margin less
 * what termination would cost it: the vendor plays the whole term, termination risk included),
 * searched on a coarse grid and refined, every candidate on the same replications. An answer on a
 * bound of the search says so (`onBound`). For negotiators testing whether a draft pays the vendor
 * to behave as planned. See docs/EXPLORE.md and docs/TERM.md.
 */
import type { Scenario } from '../schema/scenario';
import { METRIC_INDEX, type MetricKey } from '../metrics';
import { Welford, tInterval, type DiffSummary, type MetricSummary } from '../stats';
import {
	ExploreInputError,
	Progress,
	checkReps,
	evaluateDrafts,
	pairedDiff,
	pairedDiffOf,
	summariseRows,
	welfordOf,
	type ExploreContext,
	type Rows
} from './evaluation';
import { linspace, round6 as r6 } from './paths';

export interface Levers {
	staffingPolicyFactor: number;
	coachingSpeedBias: number;
}

/**
 * The stated search bounds of the vendor's levers: staffing from half the plan to 1.7 times it;
 * coaching over its whole range (-1 all outcomes .. +1 all speed: those bounds are the lever's own).
 */
export const LEVER_BOUNDS: { staffingPolicyFactor: [number, number]; coachingSpeedBias: [number, number] } = {
	staffingPolicyFactor: [0.5, 1.7],
	coachingSpeedBias: [-1, 1]
};

/** Where a lever's best value sits: on the low or the high bound of its search, or inside (null). */
export type OnBound = 'low' | 'high' | null;

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
	{ key: 'watermelon' },
	{ key: 'vendorTermMargin', detail: true },
	{ key: 'terminationRisk', detail: true },
	{ key: 'clientTermCost', detail: true }
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
	/** Per lever: whether the best sits on a bound of the search (the true optimum may lie beyond). */
	onBound: { staffingPolicyFactor: OnBound; coachingSpeedBias: OnBound };
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

/** The vendor's objective: its margin over the term less what termination would cost it. */
const MARGIN = METRIC_INDEX.vendorTermMargin;
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
	checkReps(opts.reps);
	const base = scenario.drafts[opts.draft];
	// a minimum-staffing commitment: staffing below it is not the vendor's to choose
	const floor = base.governance?.minimumStaffing ?? 0;
	const given = opts.bounds ?? LEVER_BOUNDS;
	const bounds: typeof LEVER_BOUNDS = {
		staffingPolicyFactor: [
			Math.min(given.staffingPolicyFactor[1], Math.max(given.staffingPolicyFactor[0], floor)),
			given.staffingPolicyFactor[1]
		],
		coachingSpeedBias: given.coachingSpeedBias
	};
	const [gf, gb] = opts.grid ?? [5, 5];
	const refinements = opts.refinements ?? 2;
	const [f0, f1] = bounds.staffingPolicyFactor;
	const [b0, b1] = bounds.coachingSpeedBias;
	if (!(f0 >= 0.3 && f1 <= 3 && f0 < f1))
		throw new ExploreInputError(
			'staffingPolicyFactor bounds must satisfy 0.3 <= low < high <= 3 (and high above the minimum-staffing commitment)'
		);
	if (!(b0 >= -1 && b1 <= 1 && b0 < b1))
		throw new ExploreInputError('coachingSpeedBias bounds must satisfy -1 <= low < high <= 1');
	if (!(gf >= 2 && gb >= 2)) throw new ExploreInputError('grid needs at least 2 points per lever');
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
	const side = (v: number, [lo, hi]: [number, number]): OnBound =>
		v <= lo + 1e-9 ? 'low' : v >= hi - 1e-9 ? 'high' : null;
	return {
		draft: { index: opts.draft, name: base.name },
		reps,
		seed: String(scenario.seed),
		bounds,
		onBound: {
			staffingPolicyFactor: side(best.levers.staffingPolicyFactor, bounds.staffingPolicyFactor),
			coachingSpeedBias: side(best.levers.coachingSpeedBias, bounds.coachingSpeedBias)
		},
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
