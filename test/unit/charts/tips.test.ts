import { describe, expect, it } from 'vitest';
import { nearestTip, stepIndex } from '../../../src/lib/ui/charts/tips';
import type { TipItem } from '../../../src/lib/ui/charts/types';

describe('charts: tooltip targets', () => {
	const bars: TipItem[] = [
		{ x: 10, y: 50, x0: 0, x1: 20, y0: 40, y1: 60, title: 'a', rows: [] },
		{ x: 40, y: 50, x0: 30, x1: 50, y0: 40, y1: 60, title: 'b', rows: [] }
	];
	it('picks the box under the pointer, else the nearest anchor', () => {
		expect(nearestTip(bars, 45, 45)).toBe(1);
		expect(nearestTip(bars, 5, 59)).toBe(0);
		expect(nearestTip(bars, 26, 0)).toBe(1);
		expect(nearestTip([], 1, 1)).toBe(-1);
	});
	it('in x mode, only x counts', () => {
		const cols: TipItem[] = [0, 10, 20].map((x) => ({ x, y: x * 5, title: String(x), rows: [] }));
		expect(nearestTip(cols, 11, 0, 'x')).toBe(1);
		expect(nearestTip(cols, 11, 0, 'xy')).toBe(0);
	});
	it('arrow keys step through targets and stop at the ends', () => {
		expect(stepIndex('ArrowRight', -1, 5)).toBe(0);
		expect(stepIndex('ArrowRight', 4, 5)).toBe(4);
		expect(stepIndex('ArrowLeft', 0, 5)).toBe(0);
		expect(stepIndex('ArrowDown', 2, 5)).toBe(3);
		expect(stepIndex('End', 0, 5)).toBe(4);
		expect(stepIndex('Home', 3, 5)).toBe(0);
		expect(stepIndex('a', 3, 5)).toBeNull();
		expect(stepIndex('ArrowRight', -1, 0)).toBeNull();
	});
});
