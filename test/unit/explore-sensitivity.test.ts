/**
 * Sensitivity tornado (src/lib/core/explore/sensitivity.ts) on a small scenario with fixed seeds,
 * evaluated in process on common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVITY_FACTORS } from '../../src/lib/core/explore/assumption-ranges';
import { sensitivity } from '../../src/lib/core/explore/sensitivity';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { ctx, scenario } from './explore-fixtures';

describe('sensitivity', () => {
	it('reruns each assumption at low and high on the same replications', async () => {
		const s = scenario('explore-sens');
		expect(DEFAULT_SENSITIVITY_FACTORS.map((f) => f.key)).toEqual([
			'busynessCV',
			'callbackProbability',
			'surveyResponseRate',
			'shrinkage',
			'churnOnGiveUp',
			'churnOnAbandon',
			'lifetimeValue',
			'clientCostPerRepeatContact',
			'redialProbability',
			'minEffort',
			'resolutionElasticity',
			'intrinsicOutcomeWeight',
			'pressureSensitivity'
		]);
		for (const f of DEFAULT_SENSITIVITY_FACTORS) expect(f.low, f.key).toBeLessThan(f.high);
		const factors = DEFAULT_SENSITIVITY_FACTORS.filter((f) =>
			['callbackProbability', 'shrinkage', 'lifetimeValue'].includes(f.key)
		);
		const r = await sensitivity(s, { reps: 4, factors }, ctx());
		const cb = r.factors.find((f) => f.key === 'callbackProbability')!;
		// More callbacks of unresolved customers: more repeat contacts, in both drafts. (Fewer callbacks
		// also make outcome targets easier to meet, which changes the pressure: only the high side is sure.)
		for (let d = 0; d < 2; d++)
			expect(cb.highSide.vsBase[d][MI.repeatContactRate].ci95[0]).toBeGreaterThan(0);
		// A lost customer's margin moves the client's total cost, not what it pays out.
		const lv = r.factors.find((f) => f.key === 'lifetimeValue')!;
		expect(lv.highSide.vsBase[0][MI.clientTotalCost].mean).toBeGreaterThan(0);
		expect(Math.abs(lv.highSide.vsBase[0][MI.clientCostBeforeChurn].mean)).toBeLessThan(1e-6);
		// More shrinkage: more paid hours for the same plan, a higher vendor cost.
		const sh = r.factors.find((f) => f.key === 'shrinkage')!;
		expect(sh.highSide.vsBase[0][MI.vendorCost].mean).toBeGreaterThan(0);
		expect(r.evaluations).toBe(7 * 4 * 2);
	});
});
