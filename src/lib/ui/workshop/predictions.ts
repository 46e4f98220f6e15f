/**
 * The room's predictions, typed by the facilitator before anything runs: four figures of the
 * contract as signed, compared with the simulation at the reveal.
 */
import type { MetricKey } from '$lib/core/metrics';

export interface PredictionDef {
	key: 'serviceLevel' | 'repeatContactRate' | 'csatTrue' | 'vendorMargin';
	metric: MetricKey;
	/** The question to the room; {T} stands for the service level's answer time in seconds. */
	question: string;
	/** Short label on the reveal. */
	label: string;
	kind: 'percent' | 'money';
}

export const PREDICTIONS: readonly PredictionDef[] = [
	{
		key: 'serviceLevel',
		metric: 'serviceLevel',
		question: 'What share of contacts will be answered within {T} seconds (service level)?',
		label: 'Service level',
		kind: 'percent'
	},
	{
		key: 'repeatContactRate',
		metric: 'repeatContactRate',
		question: 'What share of contacts will be customers calling back about an unresolved issue?',
		label: 'Repeat contacts',
		kind: 'percent'
	},
	{
		key: 'csatTrue',
		metric: 'csatTrue',
		question: 'What share of customers will be satisfied (CSAT)?',
		label: 'Satisfied customers',
		kind: 'percent'
	},
	{
		key: 'vendorMargin',
		metric: 'vendorMargin',
		question: 'What will the vendor earn per month, after paying its agents (its margin)?',
		label: 'Vendor margin per month',
		kind: 'money'
	}
];

export type Predictions = Record<PredictionDef['key'], string>;
export const EMPTY_PREDICTIONS: Predictions = {
	serviceLevel: '',
	repeatContactRate: '',
	csatTrue: '',
	vendorMargin: ''
};

/**
 * A typed prediction as a number (a share 0..1 for percent, currency for money), null when empty,
 * or an error the facilitator can read. Percent: "85", "85 %", "85.5". Money: "150000",
 * "150,000", "150k", "1.2 M", "EUR 150k".
 */
export function parsePrediction(
	text: string,
	kind: PredictionDef['kind']
): { value: number | null } | { error: string } {
	const t = text.trim().replace(/[\s\u00a0]/g, '');
	if (t === '') return { value: null };
	if (kind === 'percent') {
		const m = /^(-?\d+(?:[.,]\d+)?)%?$/.exec(t);
		if (!m) return { error: 'type a percentage, e.g. 85' };
		const v = Number(m[1].replace(',', '.'));
		if (!(v >= 0 && v <= 100)) return { error: 'a percentage between 0 and 100' };
		return { value: v / 100 };
	}
	const m = /^(?:[A-Za-z]{3}|[€$£])?(-?[\d,]+(?:\.\d+)?)([kKmM])?(?:[A-Za-z]{3}|[€$£])?$/.exec(t);
	if (!m) return { error: 'type an amount, e.g. 150000 or 150k' };
	const v = Number(m[1].replace(/,/g, '')) * (m[2] ? (/k/i.test(m[2]) ? 1e3 : 1e6) : 1);
	if (!Number.isFinite(v) || Math.abs(v) > 1e12) return { error: 'an amount below a trillion' };
	return { value: v };
}
