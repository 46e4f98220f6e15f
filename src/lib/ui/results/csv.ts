/** The comparison as CSV: one row per draft and metric, with the mean, interval and percentiles. */
import { METRICS } from '$lib/core/metrics';
import type { RunSummary } from '$lib/core/stats';
import type { Scenario } from '$lib/core/schema/scenario';
import { csvText } from '$lib/core/csv';

export function resultsCsv(summary: RunSummary, scenario: Scenario): string {
	const lines: (string | number)[][] = [
		['draft', 'metric', 'label', 'unit', 'replications', 'mean', 'ci95_low', 'ci95_high', 'p5', 'p50', 'p95']
	];
	scenario.drafts.forEach((d, i) => {
		METRICS.forEach((m, k) => {
			const s = summary.drafts[i].metrics[k];
			lines.push([d.name, m.key, m.label, m.kind, s.n, s.mean, s.ci95[0], s.ci95[1], s.p5, s.p50, s.p95]);
		});
	});
	return csvText(lines);
}
