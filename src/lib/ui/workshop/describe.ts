/**
 * A draft's clauses in a negotiator's words, one line each, for the slides and the handout:
 * "AHT at most 6 min 0 s (monthly), 100 % of the money at risk".
 */
import type { Draft } from '$lib/core/schema/draft';
import { SECONDS_METRICS } from '$lib/core/schema/draft';
import { formatMoney, formatPercent, formatSeconds } from '$lib/ui/format';
import type { Levers } from '$lib/core/explore/best-response';

const METRIC_WORDS: Record<string, string> = {
	serviceLevel: 'Service level',
	asa: 'Average speed of answer',
	abandonRate: 'Abandon rate',
	aht: 'Average handle time',
	fcr: 'First-contact resolution',
	repeatContactRate: 'Repeat contacts',
	csat: 'Customer satisfaction (survey)',
	qaScore: 'Quality score'
};

const PRICE_WORDS: Record<string, string> = {
	perHandledContact: 'per handled contact',
	perHandledMinute: 'per handled minute',
	perProductiveHour: 'per productive agent hour',
	perStaffedHour: 'per staffed agent hour',
	perFte: 'per full-time agent per month'
};

const WINDOW_WORDS: Record<string, string> = { interval: 'every half hour', day: 'daily', month: 'monthly' };

export const metricWords = (metric: string) => METRIC_WORDS[metric] ?? metric;

function targetText(metric: string, target: number): string {
	return (SECONDS_METRICS as readonly string[]).includes(metric)
		? formatSeconds(target)
		: formatPercent(target, 0);
}

/** The draft's clauses, one line each. */
export function describeDraft(d: Draft, currency: string): string[] {
	const out: string[] = [];
	for (const m of d.metrics) {
		const dir = m.direction === 'atMost' ? 'at most' : 'at least';
		const extra =
			m.metric === 'serviceLevel'
				? ` answered in ${m.definition.thresholdSeconds} s`
				: m.metric === 'fcr'
					? ` (no repeat within ${m.windowDays} days)`
					: '';
		const money =
			m.poolAllocation > 0
				? `${formatPercent(m.poolAllocation, 0)} of the money at risk`
				: 'measured, no money tied to it';
		out.push(
			`${metricWords(m.metric)} ${dir} ${targetText(m.metric, m.target)}${extra}, ${WINDOW_WORDS[m.window] ?? m.window}: ${money}`
		);
	}
	if (d.metrics.length === 0) out.push('No service or quality targets');
	const repeats =
		d.price.model === 'perHandledContact' || d.price.model === 'perHandledMinute'
			? d.price.repeatsBillable
				? ', repeat contacts billed'
				: ', repeat contacts not billed'
			: '';
	out.push(
		`Price: ${formatMoney(d.price.rate, currency, 2)} ${PRICE_WORDS[d.price.model] ?? d.price.model}${repeats}`
	);
	if (d.metrics.some((m) => m.poolAllocation > 0))
		out.push(
			`Money at risk: ${formatPercent(d.atRisk.percentOfInvoice, 0)} of the monthly invoice` +
				(d.earnBack.enabled ? `, credits earned back after ${d.earnBack.months} good months` : '')
		);
	for (const b of d.bonuses) {
		const dir = b.direction === 'atMost' ? 'at most' : 'at least';
		const amount =
			b.percentOfInvoice !== undefined
				? `${formatPercent(b.percentOfInvoice, 0)} of the invoice`
				: formatMoney(b.amount ?? 0, currency);
		out.push(
			`Bonus: ${amount} in a month when ${metricWords(b.metric)} is ${dir} ${targetText(b.metric, b.threshold)}`
		);
	}
	if (d.volumeRelief.enabled)
		out.push(
			`Volume relief: targets excused when volume exceeds forecast by ${formatPercent(d.volumeRelief.band, 0)}`
		);
	if (d.scorecard.mode === 'manual') out.push("Agents' scorecard: set by hand");
	return out;
}

/** The vendor's levers in words: "staffs 80 % of plan, coaches for speed". */
export function leversText(l: Levers): string {
	const coach =
		l.coachingSpeedBias > 0.25
			? 'coaches agents for speed'
			: l.coachingSpeedBias < -0.25
				? 'coaches agents for resolution'
				: 'coaches to the scorecard';
	return `staffs ${Math.round(l.staffingPolicyFactor * 100)} % of its plan, ${coach}`;
}
