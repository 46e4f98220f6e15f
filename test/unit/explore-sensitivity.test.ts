/**
 * Sensitivity tornado (src/lib/core/explore/sensitivity.ts) on a small scenario with fixed seeds,
 * evaluated in process on common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../src/lib/core/explore/sensitivity';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { ctx, scenario } from './explore-fixtures';

describe('sensitivity', () => {
	it('reruns each assumption at low and high on the same replications', async () => {
		const s = scenario('explore-sens');
		const r = await sensitivity(s, { reps: 4 }, ctx());
		expect(r.factors.map((f) => f.key)).toEqual([
			'busynessCV',
			'callbackProbability',
			'pressureSensitivity',
			'surveyResponseRate',
			'shrinkage'
		]);
		const cb = r.factors.find((f) => f.key === 'callbackProbability')!;
		// More callbacks of unresolved customers: more repeat contacts, in both drafts.
		for (let d = 0; d < 2; d++) {
			expect(cb.highSide.vsBase[d][MI.repeatContactRate].ci95[0]).toBeGreaterThan(0);
			expect(cb.lowSide.vsBase[d][MI.repeatContactRate].ci95[1]).toBeLessThan(0);
		}
		// More shrinkage: more paid hours for the same plan, a higher vendor cost.
		const sh = r.factors.find((f) => f.key === 'shrinkage')!;
		expect(sh.highSide.vsBase[0][MI.vendorCost].mean).toBeGreaterThan(0);
		expect(r.evaluations).toBe(11 * 4 * 2);
	});
});
