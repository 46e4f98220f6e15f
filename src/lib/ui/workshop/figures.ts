/** Reading the workshop's outcomes: a metric's mean and 95 % interval, formatted for the slides. */
import { METRIC_INDEX, type MetricKey } from '$lib/core/metrics';
import { pairedDiffOf } from '$lib/core/explore/evaluation';
import type { DiffSummary } from '$lib/core/stats';
import { formatValue, type ValueKind } from '$lib/ui/format';
import { METRIC_DEF, formatDiff } from '$lib/ui/results/view';
import type { Outcome } from './play';

export interface Figure {
	mean: number;
	lo: number;
	hi: number;
	/** The value as shown ("38.3 %", "EUR 160 k"). */
	text: string;
	/** Its 95 % interval in words ("35.1 % to 41.5 %"). */
	interval: string;
}

export const kindOf = (key: MetricKey): ValueKind => METRIC_DEF[key].kind as ValueKind;

export function format(key: MetricKey, v: number, currency: string): string {
	const kind = kindOf(key);
	return formatValue(v, kind, {
		currency,
		compact: kind === 'money',
		digits: kind === 'fraction' ? 0 : undefined
	});
}

export function figure(o: Outcome, key: MetricKey, currency: string): Figure {
	const m = o.metrics[METRIC_INDEX[key]];
	const [mean, [lo, hi]] = m.share ? [m.share.p, m.share.ci95] : [m.mean, m.ci95];
	return {
		mean,
		lo,
		hi,
		text: format(key, mean, currency),
		interval: `${format(key, lo, currency)} to ${format(key, hi, currency)}`
	};
}

/** b - a on the same months, with its interval, in the metric's unit. */
export function difference(
	a: Outcome,
	b: Outcome,
	key: MetricKey,
	currency: string
): { d: DiffSummary; text: string; interval: string } {
	const d = pairedDiffOf(a.rows, b.rows, METRIC_INDEX[key]);
	const kind = kindOf(key);
	return {
		d,
		text: formatDiff(d.mean, kind, currency),
		interval: `${formatDiff(d.ci95[0], kind, currency)} to ${formatDiff(d.ci95[1], kind, currency)}`
	};
}
