import { describe, expect, it } from 'vitest';
import { waterfallExtent, waterfallLayout } from '../../../src/lib/ui/charts/waterfall/layout';

describe('waterfall layout', () => {
	it('runs the total through the deltas and places the interval at the bar end', () => {
		const bars = waterfallLayout([
			{ label: 'Fees', kind: 'start', value: 1000, lo: 990, hi: 1010 },
			{ label: 'Credits', kind: 'delta', value: -100, lo: -150, hi: -50 },
			{ label: 'Bonuses', kind: 'delta', value: 20 },
			{ label: 'Repeats', kind: 'delta', value: 300, lo: 250, hi: 350 },
			{ label: 'Total', kind: 'total', value: 1220, lo: 1150, hi: 1290 }
		]);
		expect(bars.map((b) => [b.from, b.to])).toEqual([
			[0, 1000],
			[1000, 900],
			[900, 920],
			[920, 1220],
			[0, 1220]
		]);
		expect([bars[1].whiskerLo, bars[1].whiskerHi]).toEqual([850, 950]);
		expect(bars[2].whiskerLo).toBeUndefined();
		expect([bars[3].whiskerLo, bars[3].whiskerHi]).toEqual([1170, 1270]);
		expect(waterfallExtent(bars)).toEqual([0, 1290]);
	});
	it('handles a vendor margin that goes negative', () => {
		const bars = waterfallLayout([
			{ label: 'Revenue', kind: 'start', value: 500 },
			{ label: 'Cost', kind: 'delta', value: -700, lo: -760, hi: -640 },
			{ label: 'Margin', kind: 'total', value: -200 }
		]);
		expect(bars[2]).toMatchObject({ from: 0, to: -200 });
		expect(waterfallExtent(bars)).toEqual([-260, 500]);
	});
});
