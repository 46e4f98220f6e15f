/**
 * Summaries as the CLI's JSON writes them (`run`, `best-response`, `sensitivity`, `sweep`): one
 * object per metric with its mean, 95 % interval and percentiles; flags as the share of
 * replications with its Wilson interval; paired differences as mean and interval.
 */
import { METRICS, METRIC_INDEX, type MetricKey } from '../metrics';
import type { DiffSummary, MetricSummary } from '../stats';

/** A metric as the CLI's JSON writes it (flags: the share of replications with its Wilson interval). */
export interface JsonMetric {
	mean: number;
	ci95: [number, number];
	p5: number;
	p50: number;
	p95: number;
}

export function metricJson(x: MetricSummary): JsonMetric {
	return {
		mean: x.share ? x.share.p : x.mean,
		ci95: x.share ? x.share.ci95 : x.ci95,
		p5: x.p5,
		p50: x.p50,
		p95: x.p95
	};
}

/** Every metric of a summary row, keyed by metric key. */
export function metricsJson(ms: MetricSummary[], keys: readonly MetricKey[] = METRICS.map((m) => m.key)) {
	const out: Record<string, JsonMetric> = {};
	for (const k of keys) out[k] = metricJson(ms[METRIC_INDEX[k]]);
	return out;
}

export function diffsJson(ds: DiffSummary[], keys: readonly MetricKey[] = METRICS.map((m) => m.key)) {
	const out: Record<string, { mean: number; ci95: [number, number] }> = {};
	for (const k of keys) {
		const d = ds[METRIC_INDEX[k]];
		out[k] = { mean: d.mean, ci95: d.ci95 };
	}
	return out;
}
