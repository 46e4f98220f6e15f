/**
 * The agent scorecard a vendor coaches to when it mirrors the contract: how strongly each metric
 * weighs with agents follows the money the draft ties to it. Read by compile.ts (speed pressure
 * and effort); it never enters the money results.
 */
import type { ContractMetricName, Draft, ScorecardKey, ScorecardWeights } from '../schema/draft';
import { SCORECARD_KEYS } from '../schema/draft';

const METRIC_TO_SCORECARD: Record<ContractMetricName, ScorecardKey> = {
	serviceLevel: 'serviceLevel',
	asa: 'asa',
	abandonRate: 'abandonRate',
	aht: 'aht',
	fcr: 'fcr',
	repeatContactRate: 'repeatContactRate',
	csat: 'csat',
	qaScore: 'qaScore'
};

/**
 * The agent scorecard a vendor builds when it coaches to the contract: each metric's weight is
 * proportional to the most money the draft ties to it in a month, as a share of the invoice:
 *   credit exposure = atRisk.percentOfInvoice x atRisk.poolAllocation x metric.poolAllocation x credit.cap
 *   bonus money     = bonus.percentOfInvoice, or bonus.amount / expectedMonthlyInvoice
 * summed over the draft's metrics and bonuses of the same kind, then normalised to sum 1.
 * Fixed-amount bonuses count only when `expectedMonthlyInvoice` (> 0) is given.
 * When the draft ties no money to any metric but does list metrics, each listed metric gets an
 * equal weight (the vendor still reports and manages them). A draft with no metrics and no
 * bonuses gives all-zero weights (no pressure either way). `contactsPerHour` is never mirrored:
 * no contract clause measures it. Direction is not used: targets are assumed to point the
 * natural way (AHT, ASA, abandons, repeats down; the rest up).
 * In 'manual' mode the draft's own weights are returned, normalised to sum 1.
 */
export function mirrorScorecardWeights(draft: Draft, expectedMonthlyInvoice?: number): ScorecardWeights {
	const w = Object.fromEntries(SCORECARD_KEYS.map((k) => [k, 0])) as ScorecardWeights;
	if (draft.scorecard.mode === 'manual' && draft.scorecard.weights) {
		for (const k of SCORECARD_KEYS) w[k] = draft.scorecard.weights[k];
	} else {
		const ar = draft.atRisk;
		for (const m of draft.metrics)
			w[METRIC_TO_SCORECARD[m.metric]] +=
				ar.percentOfInvoice * ar.poolAllocation * m.poolAllocation * m.credit.cap;
		for (const b of draft.bonuses) {
			if (b.percentOfInvoice !== undefined) w[METRIC_TO_SCORECARD[b.metric]] += b.percentOfInvoice;
			else if (b.amount !== undefined && expectedMonthlyInvoice !== undefined && expectedMonthlyInvoice > 0)
				w[METRIC_TO_SCORECARD[b.metric]] += b.amount / expectedMonthlyInvoice;
		}
		let money = 0;
		for (const k of SCORECARD_KEYS) money += w[k];
		if (!(money > 0)) for (const m of draft.metrics) w[METRIC_TO_SCORECARD[m.metric]] = 1;
	}
	let sum = 0;
	for (const k of SCORECARD_KEYS) sum += w[k];
	if (sum > 0) for (const k of SCORECARD_KEYS) w[k] /= sum;
	return w;
}
