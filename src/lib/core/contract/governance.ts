/**
 * Governance over a term of months (docs/TERM.md): a month fails when a critical metric missed its
 * target; chronic failure is at least k failed months among the last n; it puts the vendor on the
 * watch list for the cure period, and if a month on the list fails too, the client gains the right
 * to terminate at the end of the cure period. The sandbox assumes the client terminates then: the vendor loses the
 * margin of the remaining months and pays any termination fee; the client pays its transition
 * cost. Reads only the month rows the evaluator wrote (no pass over the interval table).
 */
import { MET_KEY, METRIC_INDEX as M } from '../metrics';
import type { Draft } from '../schema/draft';

type Governance = NonNullable<Draft['governance']>;

export interface GovernanceTrail {
	/** Per month: 1 when the vendor is on the watch list that month. */
	watch: Uint8Array;
	/** The month (0-based) at whose end the termination right arose, or -1. */
	rightAt: number;
}

/**
 * The watch list and the termination right from the months' failures (1 failed, 0 or NaN not).
 * Chronic at month m: failed months among m-n+1..m >= k. When chronic and not on the watch list,
 * the vendor enters it for the next `cureMonths` months (0: the right arises at once). It cures
 * by meeting every critical target in each of those months and leaves the list; a failed month
 * on the list means the right arises at the end of the cure period.
 */
export function governanceTrail(
	failed: ArrayLike<number>,
	g: Pick<Governance, 'missedMonths' | 'ofLastMonths' | 'cureMonths'>
): GovernanceTrail {
	const n = failed.length;
	const watch = new Uint8Array(n);
	let watchEnd = -1;
	let curing = true;
	for (let m = 0; m < n; m++) {
		if (watchEnd >= 0) {
			watch[m] = 1;
			if (failed[m] === 1) curing = false;
			if (m < watchEnd) continue;
			if (!curing) return { watch, rightAt: m };
			watchEnd = -1;
			continue;
		}
		let missed = 0;
		for (let j = Math.max(0, m - g.ofLastMonths + 1); j <= m; j++) if (failed[j] === 1) missed++;
		if (missed < g.missedMonths) continue;
		if (g.cureMonths === 0) return { watch, rightAt: m };
		watchEnd = m + g.cureMonths;
		curing = true;
	}
	return { watch, rightAt: -1 };
}

/** Per month: 1 when one of the draft's critical metrics missed its target that month, else 0. */
export function failedMonths(draft: Draft, months: readonly Float64Array[]): Float64Array {
	const g = draft.governance;
	const names = g && g.criticalMetrics.length > 0 ? g.criticalMetrics : draft.metrics.map((m) => m.metric);
	const flags = [...new Set(names)].map((n) => M[MET_KEY[n]]);
	return Float64Array.from(months, (row) => (flags.some((f) => row[f] === 0) ? 1 : 0));
}

/**
 * Writes the governance results into each month's row and the term's row: watch list, termination
 * right (cumulative in the months), both sides' termination costs (in the month the right arose),
 * the vendor's margin over the term and the client's cost over the term. A draft without
 * governance clauses: no watch list or right (NaN, n/a), no termination cost.
 */
export function applyGovernance(draft: Draft, months: readonly Float64Array[], term: Float64Array): void {
	const g = draft.governance;
	const n = months.length;
	let rightAt = -1;
	let watch: Uint8Array | null = null;
	let fee = 0;
	let transition = 0;
	if (g) {
		const trail = governanceTrail(failedMonths(draft, months), g);
		rightAt = trail.rightAt;
		watch = trail.watch;
		let fees = 0;
		for (const row of months) fees += row[M.fees];
		fees /= Math.max(1, n);
		fee = g.terminationFeeMonths * fees;
		transition = g.transitionCostMonths * fees;
	}
	let lostAfter = 0;
	for (let m = rightAt + 1; rightAt >= 0 && m < n; m++) lostAfter += months[m][M.vendorMargin];
	let watchMonths = 0;
	let vendorTermMargin = 0;
	let clientTermCost = 0;
	for (let m = 0; m < n; m++) {
		const row = months[m];
		const ended = rightAt >= 0 && m > rightAt;
		const at = m === rightAt;
		row[M.watchList] = watch ? watch[m] : NaN;
		row[M.terminationRisk] = g ? (rightAt >= 0 && m >= rightAt ? 1 : 0) : NaN;
		row[M.vendorTerminationCost] = at ? fee + lostAfter : 0;
		row[M.clientTerminationCost] = at ? transition - fee : 0;
		row[M.vendorTermMargin] = ended ? 0 : row[M.vendorMargin] - (at ? fee : 0);
		row[M.clientTermCost] = row[M.clientTotalCost] + (at ? transition - fee : 0);
		if (watch) watchMonths += watch[m];
		vendorTermMargin += row[M.vendorTermMargin];
		clientTermCost += row[M.clientTermCost];
	}
	term[M.watchList] = watch ? watchMonths : NaN;
	term[M.terminationRisk] = g ? (rightAt >= 0 ? 1 : 0) : NaN;
	term[M.vendorTerminationCost] = rightAt >= 0 ? fee + lostAfter : 0;
	term[M.clientTerminationCost] = rightAt >= 0 ? transition - fee : 0;
	term[M.vendorTermMargin] = vendorTermMargin;
	term[M.clientTermCost] = clientTermCost;
}
