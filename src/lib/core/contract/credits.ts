/**
 * Service credits: what a missed metric costs the vendor each month, the monthly cap on them, and
 * earn-back (a credit returned when the metric is met again in the following months). Volume relief
 * acts earlier, on the windows (windows.ts): a relieved window counts as met, so relief can only
 * lower credits.
 *
 * - Credits per month: invoice = the month's fees; at-risk amount = percentOfInvoice x invoice;
 *   allocation = atRisk.poolAllocation x metric.poolAllocation x at-risk amount (the public
 *   example: 50 % x 40 % x (10 % x 100,000) = 2,000). A missed metric costs
 *   binary: allocation x cap; slidingPerPoint: allocation x min(cap, perPoint x points), where a
 *   point is 1 percentage point for fractions, 1 % of the target for ASA and AHT, and 1 percentage
 *   point of windows for 'shareOfWindows'. The month's credits are then capped at
 *   atRisk.cap x at-risk amount (scaled down pro rata across metrics when the cap binds).
 * - Earn-back: a metric's charged credit of month m is returned when the metric is met in each
 *   ('allFollowing') or any ('anyFollowing') of months m+1..m+N. When those months run past the
 *   simulated horizon and the outcome is not yet decided, the credit stays charged (reported as
 *   `pendingEarnBack`): with a one-month horizon earn-back never returns anything.
 */
import type { AtRisk, EarnBack } from '../schema/draft';
import type { MetricDetail, MonthMoney } from './details';
import type { ResolvedMetric } from './windows';

/**
 * The credits of one draft over the months of a horizon. Build once per evaluator; `settle` per
 * replication reuses its scratch arrays (not re-entrant).
 */
export class CreditLedger {
	/** After `settle`: credits charged net of earn-back, and credits still pending earn-back. */
	credits = 0;
	pendingEarnBack = 0;
	private readonly months: number;
	/** metric x month: credit before the month cap, and charged (after the cap). */
	private readonly monthCreditRaw: Float64Array;
	private readonly monthCredit: Float64Array;

	constructor(metricCount: number, months: number) {
		this.months = months;
		this.monthCreditRaw = new Float64Array(metricCount * months);
		this.monthCredit = new Float64Array(metricCount * months);
	}

	/**
	 * The month's credits from each metric's month results (`monthMet`, `monthPoints`: metric x
	 * month, rollUpMetric of windows.ts) and the month's fees; fills the credit fields of the
	 * details when given.
	 */
	settle(
		metrics: readonly ResolvedMetric[],
		atRisk: AtRisk,
		earnBack: EarnBack,
		monthFees: Float64Array,
		monthMet: Uint8Array,
		monthPoints: Float64Array,
		monthMoney: MonthMoney[] | null,
		details: MetricDetail[] | null
	): void {
		const { months, monthCredit, monthCreditRaw } = this;
		const nM = metrics.length;
		for (let k = 0; k < nM; k++) {
			const m = metrics[k];
			for (let mo = 0; mo < months; mo++) {
				const ix = k * months + mo;
				const allocation = atRisk.poolAllocation * m.alloc * atRisk.percentOfInvoice * monthFees[mo];
				const share = monthMet[ix] ? 0 : m.sliding ? Math.min(m.cap, m.perPoint * monthPoints[ix]) : m.cap;
				monthCreditRaw[ix] = allocation * share;
				if (details) details[k].months[mo].creditRaw = monthCreditRaw[ix];
			}
		}

		// Month cap.
		let charged = 0;
		for (let mo = 0; mo < months; mo++) {
			let raw = 0;
			for (let k = 0; k < nM; k++) raw += monthCreditRaw[k * months + mo];
			const atRiskAmount = atRisk.percentOfInvoice * monthFees[mo];
			const capAmount = atRisk.cap * atRiskAmount;
			const scale = raw > capAmount ? (raw > 0 ? capAmount / raw : 0) : 1;
			for (let k = 0; k < nM; k++) {
				const ix = k * months + mo;
				monthCredit[ix] = monthCreditRaw[ix] * scale;
				charged += monthCredit[ix];
			}
			if (monthMoney)
				monthMoney.push({
					fees: monthFees[mo],
					atRiskAmount,
					creditsCharged: Math.min(raw, capAmount),
					earnedBack: 0,
					bonuses: 0
				});
		}

		// Earn-back.
		let earnedBack = 0;
		let pending = 0;
		for (let k = 0; k < nM; k++) {
			for (let mo = 0; mo < months; mo++) {
				const ix = k * months + mo;
				const c = monthCredit[ix];
				if (details) details[k].months[mo].credit = c;
				if (!(c > 0)) continue;
				if (!earnBack.enabled) continue;
				const last = mo + earnBack.months;
				let observed = 0;
				let metCount = 0;
				for (let j = mo + 1; j <= last && j < months; j++) {
					observed++;
					if (monthMet[k * months + j]) metCount++;
				}
				const truncated = last >= months;
				let decided: 'returned' | 'kept' | 'pending';
				if (earnBack.rule === 'allFollowing') {
					decided = metCount < observed ? 'kept' : truncated ? 'pending' : 'returned';
				} else {
					decided = metCount > 0 ? 'returned' : truncated ? 'pending' : 'kept';
				}
				if (decided === 'returned') {
					earnedBack += c;
					if (details) details[k].months[mo].earnedBack = c;
					if (monthMoney) monthMoney[mo].earnedBack += c;
				} else if (decided === 'pending') {
					pending += c;
					if (details) details[k].months[mo].pendingEarnBack = c;
				}
			}
		}
		this.credits = charged - earnedBack;
		this.pendingEarnBack = pending;
	}
}
