/**
 * Bonuses: what the client pays the vendor on top of the fees for a month that beats a threshold.
 *
 * Each month whose month value (window 'month', measured, definitions of the draft's first metric of
 * that kind) meets the threshold pays `percentOfInvoice x invoice` or `amount` (pro rata for a
 * partial month). Volume relief does not earn bonuses.
 */
import { FIELD_COUNT } from '../fields';
import type { Bonus, ContractMetricName } from '../schema/draft';
import type { BonusDetail, MonthMoney } from './details';
import { kindOf, meets, windowValue } from './windows';

/** A bonus clause in the form the hot path reads. */
export interface ResolvedBonus {
	name: ContractMetricName;
	kind: number;
	excl: boolean;
	threshold: number;
	atLeast: boolean;
	amount: number;
	percent: number;
}

/**
 * A bonus measured the way the draft measures its metric: service level by the definition of the
 * draft's first service-level metric (`slKind`, `slExcl`), the abandon rate with short abandons
 * excluded when the draft's first abandon-rate metric excludes them.
 */
export function resolveBonus(b: Bonus, slKind: number, slExcl: boolean, abandonExcl: boolean): ResolvedBonus {
	const kind = b.metric === 'serviceLevel' ? slKind : kindOf(b.metric, 'offered');
	const excl = b.metric === 'serviceLevel' ? slExcl : b.metric === 'abandonRate' ? abandonExcl : false;
	return {
		name: b.metric,
		kind,
		excl,
		threshold: b.threshold,
		atLeast: b.direction === 'atLeast',
		amount: b.amount ?? 0,
		percent: b.percentOfInvoice ?? 0
	};
}

/**
 * The bonuses paid over the months (month sums, fees and days of each month); adds each month's to
 * `monthMoney` and pushes one detail per bonus when given.
 */
export function payBonuses(
	bonuses: readonly ResolvedBonus[],
	monthSums: Float64Array,
	monthFees: Float64Array,
	monthDays: Float64Array,
	daysPerMonth: number,
	monthMoney: MonthMoney[] | null,
	details: BonusDetail[] | null
): number {
	const months = monthFees.length;
	let total = 0;
	for (const b of bonuses) {
		const bd = details ? { metric: b.name, monthValues: [] as number[], paid: [] as number[] } : null;
		for (let mo = 0; mo < months; mo++) {
			const v = windowValue(b.kind, b.excl, monthSums, mo * FIELD_COUNT);
			let paid = 0;
			if (v === v && meets(v, b.threshold, b.atLeast))
				paid = b.percent * monthFees[mo] + (b.amount * monthDays[mo]) / daysPerMonth;
			total += paid;
			if (monthMoney) monthMoney[mo].bonuses += paid;
			if (bd) {
				bd.monthValues.push(v);
				bd.paid.push(paid);
			}
		}
		if (bd) details!.push(bd);
	}
	return total;
}
