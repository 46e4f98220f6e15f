/**
 * The key uncertain assumptions of a scenario and their stated ranges: what the sensitivity tornado
 * varies one at a time, and which assumptions the explorer's pickers offer to sweep.
 */

import { CALIBRATED } from '../calibrated';

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
		label: 'Day-to-day forecast error',
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
		key: 'surveyResponseRate',
		label: 'Survey response rate',
		path: 'assumptions.customers.surveyResponseRate',
		low: 0.05,
		high: 0.25,
		note: 'Share of contacts whose customer answers the satisfaction survey: 5 % to 25 %; default 12 % (usual: 10-15 %).',
		kind: 'fraction'
	},
	{
		key: 'shrinkage',
		label: 'Shrinkage',
		path: 'assumptions.staffing.shrinkage',
		low: 0.2,
		high: 0.35,
		note: 'Paid time off the phones: 20 % to 35 % (the industry range); default 30 %.',
		kind: 'fraction'
	},
	{
		key: 'churnOnGiveUp',
		label: 'Lost after unresolved service',
		path: 'assumptions.customers.churnOnGiveUp',
		low: 0.1,
		high: 0.5,
		note: 'Chance a customer who gives up after unresolved service is lost: 10 % to 50 %; default 30 % (illustrative: enter your own).',
		kind: 'fraction'
	},
	{
		key: 'churnOnAbandon',
		label: 'Lost after abandoning without service',
		path: 'assumptions.customers.churnOnAbandon',
		low: 0,
		high: 0.3,
		note: 'Chance a customer who hung up, did not call again and never reached an agent is lost: 0 % to 30 %; default 10 % (illustrative).',
		kind: 'fraction'
	},
	{
		key: 'lifetimeValue',
		label: 'Margin of a lost customer',
		path: 'assumptions.customers.lifetimeValue',
		low: 100,
		high: 800,
		note: 'Future margin a lost customer would have brought: 100 to 800 in the currency; default 400 (illustrative: enter your own).',
		kind: 'number'
	},
	{
		key: 'clientCostPerRepeatContact',
		label: "Client's own cost per repeat",
		path: 'assumptions.costs.clientCostPerRepeatContact',
		low: 2,
		high: 10,
		note: "The client's own cost of a repeat contact, on top of the vendor's fee: 2 to 10 in the currency; default 5 (illustrative).",
		kind: 'number'
	},
	{
		key: 'redialProbability',
		label: 'Redial probability',
		path: 'assumptions.customers.redialProbability',
		low: 0.3,
		high: 0.7,
		note: 'Chance a customer who abandoned calls again: 30 % to 70 %; default 50 % (assumption).',
		kind: 'fraction'
	},
	{
		key: 'minEffort',
		label: 'Minimum effort',
		path: 'assumptions.behaviour.minEffort',
		low: Math.max(0.2, CALIBRATED.minEffort - 0.1),
		high: Math.min(1, CALIBRATED.minEffort + 0.1),
		note: `Share of the work still done under full speed pressure: ±0.1 around the calibrated ${CALIBRATED.minEffort}.`,
		kind: 'fraction'
	},
	{
		key: 'resolutionElasticity',
		label: 'Resolution elasticity',
		path: 'assumptions.behaviour.resolutionElasticity',
		low: CALIBRATED.resolutionElasticity / 2,
		high: CALIBRATED.resolutionElasticity * 2,
		note: `How fast resolution falls when work is skipped: half to double the calibrated ${CALIBRATED.resolutionElasticity}.`,
		kind: 'number'
	},
	{
		key: 'intrinsicOutcomeWeight',
		label: "Agents' own wish to resolve",
		path: 'assumptions.behaviour.intrinsicOutcomeWeight',
		low: CALIBRATED.intrinsicOutcomeWeight / 2,
		high: CALIBRATED.intrinsicOutcomeWeight * 2,
		note: `Pull towards resolving that no clause pays for: half to double the calibrated ${CALIBRATED.intrinsicOutcomeWeight}.`,
		kind: 'number'
	},
	{
		key: 'pressureSensitivity',
		label: 'Effort response to pressure',
		path: 'assumptions.behaviour.pressureSensitivity',
		low: CALIBRATED.pressureSensitivity / 2,
		high: Math.min(30, CALIBRATED.pressureSensitivity * 2),
		note: `Steepness of the pressure-to-effort S-curve: half to double the calibrated ${CALIBRATED.pressureSensitivity} (at most 30).`,
		kind: 'number'
	}
];
