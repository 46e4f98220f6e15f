import { describe, expect, it } from 'vitest';
import {
	domainOf,
	legendLayout,
	padDomain,
	seriesStyle,
	spreadLabels,
	textWidth,
	tickCount,
	wrapLabel
} from '../../../src/lib/ui/charts/basics';

describe('chart basics: text and legend', () => {
	it('estimates text width so that wider strings measure wider', () => {
		expect(textWidth('', 14)).toBe(0);
		expect(textWidth('MMMM', 14)).toBeGreaterThan(textWidth('iiii', 14));
		expect(textWidth('Service level', 28)).toBeCloseTo(2 * textWidth('Service level', 14));
	});

	it('wraps labels at spaces within the width and ellipsises the overflow', () => {
		expect(wrapLabel('Fees', 100, 14)).toEqual(['Fees']);
		const lines = wrapLabel('Lost customer value of churned customers', 90, 14, 2);
		expect(lines).toHaveLength(2);
		for (const l of lines) expect(textWidth(l, 14)).toBeLessThanOrEqual(90);
		expect(lines[1].endsWith('…')).toBe(true);
		expect(wrapLabel('Cost of repeats', 200, 14)).toEqual(['Cost of repeats']);
	});

	it('lays out legend items in rows that fit the width', () => {
		const items = ['Draft A: AHT only', 'Draft B: balanced', 'Draft C: outcomes', 'Forecast'].map(
			(label) => ({
				label,
				color: 'red'
			})
		);
		const wide = legendLayout(items, 2000);
		expect(new Set(wide.positions.map((p) => p.y)).size).toBe(1);
		const narrow = legendLayout(items, 260);
		expect(narrow.height).toBeGreaterThan(wide.height);
		for (const p of narrow.positions) expect(p.x).toBeLessThan(260);
		expect(legendLayout([], 500).height).toBe(0);
	});

	it('gives each series a colour, a dash and a marker, distinct for the first four', () => {
		const styles = [0, 1, 2, 3].map((i) => seriesStyle(i));
		expect(new Set(styles.map((s) => s.color)).size).toBe(4);
		expect(new Set(styles.map((s) => s.dash)).size).toBe(4);
		expect(new Set(styles.map((s) => s.marker)).size).toBe(4);
		expect(seriesStyle(0, { color: 'black' }).color).toBe('black');
	});
});

describe('chart basics: scales and domains', () => {
	it('tick counts follow the pixels', () => {
		expect(tickCount(800)).toBe(10);
		expect(tickCount(300)).toBe(3);
		expect(tickCount(10)).toBe(2);
	});

	it('domainOf skips missing values and never returns an empty span', () => {
		expect(domainOf([3, NaN, 1, undefined, 7])).toEqual([1, 7]);
		expect(domainOf([])).toEqual([0, 1]);
		expect(domainOf([0, 0])).toEqual([0, 1]);
		expect(domainOf([5, 5])).toEqual([0, 5]);
		expect(padDomain([10, 20], 0.1)).toEqual([9, 21]);
		expect(padDomain([10, 20], 0.1, true)).toEqual([0, 21]);
	});

	it('spreads labels apart, keeps their order and bounds', () => {
		const ys = spreadLabels([100, 102, 104, 300], 20, 0, 400);
		expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(20 - 1e-9);
		expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(20 - 1e-9);
		expect(ys[3]).toBe(300);
		const bottom = spreadLabels([395, 398], 20, 0, 400);
		expect(bottom[1]).toBe(400);
		expect(bottom[0]).toBe(380);
	});
});
