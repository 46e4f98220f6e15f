/**
 * Pure helpers the result views share: reading a run summary by metric key, targets of a draft,
 * and formatting differences. No Svelte, so they are unit-testable.
 */
import { MET_KEY, METRICS, METRIC_INDEX, type MetricKey } from '$lib/core/metrics';
import type { MetricSummary, RunSummary, DiffSummary } from '$lib/core/stats';
import type { Scenario } from '$lib/core/schema/scenario';
import type { ContractMetric } from '$lib/core/schema/draft';
import {
	formatPercentPoints,
	formatSeconds,
	formatMoneySigned,
	formatValue,
	MINUS,
	type ValueKind
} from '../format';

export const METRIC_DEF = Object.fromEntries(METRICS.map((m) => [m.key, m])) as Record<
	MetricKey,
	(typeof METRICS)[number]
>;

export function metric(summary: RunSummary, draft: number, key: MetricKey): MetricSummary {
	return summary.drafts[draft].metrics[METRIC_INDEX[key]];
}

/** Paired difference (draft b - draft a) on common random numbers. */
export function diff(summary: RunSummary, a: number, b: number, key: MetricKey): DiffSummary | undefined {
	if (a === b) return undefined;
	const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
	const pair = summary.pairs.find((p) => p.a === lo && p.b === hi);
	const d = pair?.metrics[METRIC_INDEX[key]];
	if (!d || sign === 1) return d;
	return { ...d, mean: -d.mean, ci95: [-d.ci95[1], -d.ci95[0]] };
}

/** The contract clauses of a draft on one metric (a draft may have several windows for one metric). */
export function clauses(scenario: Scenario, draft: number, key: MetricKey): ContractMetric[] {
	return scenario.drafts[draft].metrics.filter((m) => m.metric === key);
}

export function formatTarget(c: ContractMetric, kind: ValueKind): string {
	const sign = c.direction === 'atLeast' ? '\u2265' : '\u2264';
	const win = c.window === 'month' ? 'monthly' : c.window === 'day' ? 'daily' : 'per interval';
	const roll =
		c.rollUp === 'shareOfWindows'
			? ` in ${formatValue(c.share ?? 0, 'fraction', { digits: 0 })} of windows`
			: '';
	return `${sign} ${formatValue(c.target, kind)} ${win}${roll}`;
}

/** The share of replications meeting a metric's contract target, when the draft has a clause on it. */
export function meetShare(summary: RunSummary, draft: number, key: MetricKey): MetricSummary | undefined {
	const met = (MET_KEY as Record<string, MetricKey>)[key];
	return met ? metric(summary, draft, met) : undefined;
}

/** A difference in the metric's own unit: "+3.1 pp", "−12 s", "+EUR 4.2 k", "+1,200". */
export function formatDiff(v: number, kind: ValueKind, currency: string): string {
	switch (kind) {
		case 'fraction':
		case 'flag':
			return formatPercentPoints(v);
		case 'seconds':
			return `${v > 0 ? '+' : v < 0 ? MINUS : '\u00b1'}${formatSeconds(Math.abs(v))}`;
		case 'money':
			return formatMoneySigned(v, currency);
		default: {
			const s = formatValue(Math.abs(v), kind, { compact: true });
			return `${v > 0 ? '+' : v < 0 ? MINUS : '\u00b1'}${s}`;
		}
	}
}

export function formatInterval(ci: [number, number], kind: ValueKind, currency: string): string {
	return `${formatValue(ci[0], kind, { currency, compact: kind === 'money' })} to ${formatValue(ci[1], kind, { currency, compact: kind === 'money' })}`;
}
