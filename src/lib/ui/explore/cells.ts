/**
 * How the explorer and designer panels write a metric, its 95 % interval and a paired change, in the
 * scenario's currency.
 */
import { METRICS, METRIC_INDEX, type MetricKey } from '$lib/core/metrics';
import type { DiffSummary, MetricSummary } from '$lib/core/stats';
import { formatMoneySigned, formatPercentPoints, formatValue, type ValueKind } from '$lib/ui/format';

export function metricCells(currency: string) {
	const def = (k: MetricKey) => METRICS[METRIC_INDEX[k]];
	const kindOf = (k: MetricKey): ValueKind => def(k).kind as ValueKind;
	const fmt = (k: MetricKey, v: number) => formatValue(v, kindOf(k), { currency });
	/** A summary's value: the share for flags, else the mean. */
	const val = (m: MetricSummary) => (m.share ? m.share.p : m.mean);
	const ci = (k: MetricKey, m: MetricSummary) => {
		const c = m.share ? m.share.ci95 : m.ci95;
		return `${fmt(k, c[0])} – ${fmt(k, c[1])}`;
	};
	const fmtDiff = (k: MetricKey, d: Pick<DiffSummary, 'mean' | 'ci95'>) => {
		const kind = kindOf(k);
		// every change carries its sign, money too ("+EUR 45,885", not "EUR 45,885")
		const f = (v: number) =>
			kind === 'fraction' || kind === 'flag'
				? formatPercentPoints(v)
				: kind === 'money'
					? formatMoneySigned(v, currency, false)
					: formatValue(v, kind, { currency }).replace(/^(?=\d)/, v > 0 ? '+' : '');
		return `${f(d.mean)} (${f(d.ci95[0])} to ${f(d.ci95[1])})`;
	};
	return { def, kindOf, fmt, val, ci, fmtDiff };
}
