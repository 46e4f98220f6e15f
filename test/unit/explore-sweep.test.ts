/**
 * Clause sweeps and the frontier (src/lib/core/explore/sweep.ts) on a small scenario with fixed seeds,
 * evaluated in process on common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { ExploreInputError, pairedDiffOf } from '../../src/lib/core/explore/evaluation';
import { paretoFront, sweep } from '../../src/lib/core/explore/sweep';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { parseScenario } from '../../src/lib/core/schema/scenario';
import { ctx, scenario } from './explore-fixtures';

describe('Pareto front', () => {
	it('Pareto front: lower cost and higher margin', () => {
		const pts = [
			{ cost: 10, margin: 5 },
			{ cost: 8, margin: 5 },
			{ cost: 12, margin: 9 },
			{ cost: 12, margin: 8 }
		];
		expect(paretoFront(pts)).toEqual([1, 2]);
	});
});

describe('sweeps', () => {
	it('more AHT weight in a manual scorecard never raises FCR in expectation', async () => {
		const s0 = scenario('explore-sweep');
		const raw = structuredClone(s0) as unknown as Record<string, unknown> & {
			drafts: Record<string, unknown>[];
		};
		raw.drafts[0].scorecard = { mode: 'manual', weights: { fcr: 1, csat: 1, aht: 0 } };
		const p = parseScenario(raw);
		if (!p.ok) throw new Error(JSON.stringify(p.errors));
		const run = await sweep(
			p.scenario,
			{ axes: [{ path: 'drafts.0.scorecard.weights.aht', from: 0, to: 4, steps: 5 }], reps: 8 },
			ctx()
		);
		expect(run.result.mode).toBe('draft');
		const fcr = run.result.points.map((pt) => pt.cells[0].metrics[MI.fcrTrue].mean);
		console.log(
			`true FCR as the AHT weight goes 0..4: ${fcr.map((x) => (100 * x).toFixed(1) + ' %').join(', ')}`
		);
		for (let i = 1; i < run.rows.length; i++) {
			const d = pairedDiffOf(run.rows[i - 1][0], run.rows[i][0], MI.fcrTrue);
			// no step raises FCR beyond noise
			expect(d.ci95[0], `step ${i}: ${d.mean}`).toBeLessThanOrEqual(0);
		}
		const total = pairedDiffOf(run.rows[0][0], run.rows[run.rows.length - 1][0], MI.fcrTrue);
		expect(total.ci95[1]).toBeLessThan(0);
		// The drafts as written are placed on the chart.
		expect(run.result.drafts[0].values).toEqual([0]);
		expect(run.result.drafts[1].values).toEqual([null]);
	});

	it('a two-clause grid marks a non-empty frontier and never simulates an invalid value', async () => {
		const s = scenario('explore-grid');
		await expect(
			sweep(
				s,
				{ axes: [{ path: 'drafts.1.atRisk.percentOfInvoice', from: 0.5, to: 1.2, steps: 3 }], reps: 2 },
				ctx()
			)
		).rejects.toThrow(ExploreInputError);
		const run = await sweep(
			s,
			{
				axes: [
					{ path: 'drafts.0.price.rate', from: 4, to: 5, steps: 3 },
					{ path: 'drafts.0.atRisk.percentOfInvoice', from: 0.05, to: 0.2, steps: 2 }
				],
				reps: 3
			},
			ctx()
		);
		expect(run.result.points).toHaveLength(6);
		const front = run.result.points.flatMap((p) => p.cells).filter((c) => c.frontier);
		expect(front.length).toBeGreaterThan(0);
		// A higher price moves money from the client to the vendor: margin up, client cost up (paired).
		const lo = run.rows[0][0];
		const hi = run.rows[4][0];
		expect(pairedDiffOf(lo, hi, MI.vendorMargin).ci95[0]).toBeGreaterThan(0);
		expect(pairedDiffOf(lo, hi, MI.clientTotalCost).ci95[0]).toBeGreaterThan(0);
	});
});
