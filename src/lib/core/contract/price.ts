/**
 * The price: what the client pays the vendor each month before credits and bonuses (the invoice,
 * which the at-risk amount, credits and percentage bonuses are shares of).
 *
 * Fees per month by price model: perHandledContact rate x handled contacts (when repeats are not
 * billable: only the first handled contact of each issue, ISSUES_HANDLED; a redial after an abandon
 * that is the issue's first handled contact is billed); perHandledMinute rate x handle minutes (when
 * not billable: the minutes of first handled contacts, estimated per interval at that interval's
 * average handle time); perProductiveHour rate x BUSY_SECONDS / 3600; perStaffedHour rate x
 * STAFFED_SECONDS / 3600; perFte rate x scheduled agent hours / fteHoursPerMonth. Hour-based prices
 * ignore `repeatsBillable`.
 */
import { F, FIELD_COUNT } from '../fields';
import type { Price } from '../schema/draft';

/** Whether the price needs the per-month billable minutes of first handled contacts. */
export function needsFirstContactMinutes(price: Price): boolean {
	return price.model === 'perHandledMinute' && !price.repeatsBillable;
}

/**
 * Minutes of the first handled contacts of the interval row at `rb` (HANDLED > 0): its handle
 * minutes x ISSUES_HANDLED / HANDLED, i.e. at the interval's average handle time.
 */
export function firstContactMinutes(table: Float64Array, rb: number): number {
	return ((table[rb + F.HANDLE_SUM] / 60) * table[rb + F.ISSUES_HANDLED]) / table[rb + F.HANDLED];
}

/**
 * Fees of each month into `monthFees` (from the month sums; `billableMinutes` per month when
 * `needsFirstContactMinutes`); returns their total.
 */
export function monthlyFees(
	price: Price,
	monthSums: Float64Array,
	billableMinutes: Float64Array,
	intervalHours: number,
	monthFees: Float64Array
): number {
	let fees = 0;
	for (let mo = 0; mo < monthFees.length; mo++) {
		const mb = mo * FIELD_COUNT;
		let units: number;
		switch (price.model) {
			case 'perHandledContact':
				units = price.repeatsBillable ? monthSums[mb + F.HANDLED] : monthSums[mb + F.ISSUES_HANDLED];
				break;
			case 'perHandledMinute':
				units = price.repeatsBillable ? monthSums[mb + F.HANDLE_SUM] / 60 : billableMinutes[mo];
				break;
			case 'perProductiveHour':
				units = monthSums[mb + F.BUSY_SECONDS] / 3600;
				break;
			case 'perStaffedHour':
				units = monthSums[mb + F.STAFFED_SECONDS] / 3600;
				break;
			case 'perFte':
				units = (monthSums[mb + F.AGENTS_SCHEDULED] * intervalHours) / price.fteHoursPerMonth;
				break;
		}
		monthFees[mo] = price.rate * Math.max(0, units);
		fees += monthFees[mo];
	}
	return fees;
}
