import { describe, expect, it } from 'vitest';
import { histogramBins, niceStep, shareBeyond } from '../../../src/lib/ui/charts/histogram/layout';

describe('histogram layout', () => {
	it('share beyond a threshold, strictly', () => {
		expect(shareBeyond([0, 0, 0, 5], 0, 'above')).toBe(0.25);
		expect(shareBeyond(new Float64Array([-1, 0, 2]), 0, 'below')).toBeCloseTo(1 / 3);
	});

	it('bins on shared edges, the threshold an edge, zeros kept out of the "beyond" bins', () => {
		const credits = [0, 0, 0, 0, 0, 0, 120, 480, 960, 1500];
		const other = [0, 0, 300, 300, 900, 1200, 1800, 2500, 0, 0];
		const { edges, bins } = histogramBins([credits, other], 10, { value: 0, direction: 'above' });
		expect(edges).toContain(0);
		expect(bins).toHaveLength(2);
		expect(bins[0]).toHaveLength(edges.length - 1);
		for (const b of bins) {
			expect(b.reduce((s, x) => s + x.count, 0)).toBe(10);
			expect(b.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1);
			// The zeros land in the bin that ends at 0, which is not beyond the threshold.
			const zeroBin = b.find((x) => x.x1 === 0)!;
			expect(zeroBin.beyond).toBe(false);
			const beyondShare = b.filter((x) => x.beyond).reduce((s, x) => s + x.share, 0);
			expect(beyondShare).toBeCloseTo(shareBeyond(b === bins[0] ? credits : other, 0, 'above'));
		}
		expect(bins[0].find((x) => x.x1 === 0)!.count).toBe(6);
	});

	it('below-thresholds keep the threshold value on the not-beyond side too', () => {
		const margin = [-300, -10, 0, 0, 200, 450, 800];
		const { bins } = histogramBins([margin], 8, { value: 0, direction: 'below' });
		const beyond = bins[0].filter((b) => b.beyond).reduce((s, b) => s + b.count, 0);
		expect(beyond).toBe(2);
		expect(bins[0].find((b) => b.x0 === 0)!.count).toBeGreaterThanOrEqual(2);
	});

	it('bins a constant series without dividing by zero', () => {
		const { bins } = histogramBins([[5, 5, 5]], 10);
		expect(bins[0].reduce((s, b) => s + b.count, 0)).toBe(3);
	});
	it('nice steps are 1, 2, 2.5 or 5 times a power of ten', () => {
		expect(niceStep(0.7)).toBe(1);
		expect(niceStep(1.3)).toBe(2);
		expect(niceStep(2.2)).toBe(2.5);
		expect(niceStep(3)).toBe(5);
		expect(niceStep(730)).toBe(1000);
		expect(niceStep(0)).toBe(1);
	});
});
