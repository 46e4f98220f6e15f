/**
 * The key uncertain assumptions of a scenario and their stated ranges: what the sensitivity tornado
 * varies one at a time, and which assumptions the explorer's pickers offer to sweep.
 */

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
