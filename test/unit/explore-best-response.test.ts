/**
 * Vendor best response (src/lib/core/explore/best-response.ts) on a small scenario with fixed seeds,
 * evaluated in process on common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { bestResponse } from '../../src/lib/core/explore/best-response';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { ctx, scenario } from './explore-fixtures';

describe('vendor best response', () => {
	it('per-contact pay with billable repeats: the best-response FCR is lower than under resolution-based pay', async () => {
		const s = scenario();
		const reps = 10;
		const a = await bestResponse(s, { draft: 0, reps }, ctx());
		const b = await bestResponse(s, { draft: 1, reps }, ctx());
		const fa = a.best.metrics[MI.fcrTrue];
		const fb = b.best.metrics[MI.fcrTrue];
		const msg =
			`best-response true FCR: per contact ${(100 * fa.mean).toFixed(1)} % [${fa.ci95.map((x) => (100 * x).toFixed(1)).join(', ')}] ` +
			`at levers ${JSON.stringify(a.best.levers)}; per resolution ${(100 * fb.mean).toFixed(1)} % ` +
			`[${fb.ci95.map((x) => (100 * x).toFixed(1)).join(', ')}] at levers ${JSON.stringify(b.best.levers)}`;
		console.log(msg);
		// Intervals apart: the ordering is not noise.
		expect(fa.ci95[1], msg).toBeLessThan(fb.ci95[0]);
		// The per-contact vendor coaches for speed, the per-resolution vendor does not.
		expect(a.best.levers.coachingSpeedBias, msg).toBeGreaterThan(b.best.levers.coachingSpeedBias);
	});

	it('never yields a lower vendor margin than the draft as planned (same seeds)', async () => {
		const s = scenario('explore-margin');
		for (const draft of [0, 1]) {
			const r = await bestResponse(s, { draft, reps: 6, grid: [3, 3], refinements: 1 }, ctx());
			const plan = r.asPlanned.metrics[MI.vendorMargin].mean;
			const best = r.best.metrics[MI.vendorMargin].mean;
			expect(best).toBeGreaterThanOrEqual(plan);
			expect(r.difference[MI.vendorMargin].mean).toBeGreaterThanOrEqual(0);
			expect(r.candidates[0].levers).toEqual({ staffingPolicyFactor: 1, coachingSpeedBias: 0 });
			for (const c of r.candidates) expect(best).toBeGreaterThanOrEqual(c.margin.mean);
		}
		// A search box holding only bad choices (2.5-3x overstaffing): the plan itself is the answer.
		const r = await bestResponse(
			s,
			{
				draft: 1,
				reps: 6,
				grid: [2, 2],
				refinements: 0,
				bounds: { staffingPolicyFactor: [2.5, 3], coachingSpeedBias: [0.9, 1] }
			},
			ctx()
		);
		expect(r.best.isAsPlanned).toBe(true);
		expect(r.best.metrics[MI.vendorMargin].mean).toBe(r.asPlanned.metrics[MI.vendorMargin].mean);
	});

	it('is deterministic: same seed, same answer', async () => {
		const s = scenario('explore-det');
		const o = { draft: 0, reps: 4, grid: [3, 3] as [number, number], refinements: 1 };
		const a = await bestResponse(s, o, ctx());
		const b = await bestResponse(s, o, ctx());
		expect(b.best.levers).toEqual(a.best.levers);
		expect(b.best.metrics[MI.vendorMargin].mean).toBe(a.best.metrics[MI.vendorMargin].mean);
	});
});
