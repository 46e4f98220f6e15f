import { describe, expect, it } from 'vitest';
import { seriesStyle } from '../../../src/lib/ui/charts/basics';
import { seriesLegend, seriesXs, xSeriesTips } from '../../../src/lib/ui/charts/series';

describe('charts: series over a shared x', () => {
	it('series over a shared x: every x once, a legend entry and a tooltip row per series', () => {
		const series = [
			{
				label: 'A',
				points: [
					{ x: 2, v: 10 },
					{ x: 1, v: NaN }
				]
			},
			{
				label: 'B',
				points: [
					{ x: 3, v: 30 },
					{ x: 2, v: 20 }
				]
			}
		];
		const styles = series.map((s, i) => seriesStyle(i));
		expect(seriesXs(series)).toEqual([1, 2, 3]);
		expect(seriesLegend(series, styles, 'band')).toEqual([
			{ label: 'A', color: styles[0].color, dash: styles[0].dash, marker: styles[0].marker, kind: 'band' },
			{ label: 'B', color: styles[1].color, dash: styles[1].dash, marker: styles[1].marker, kind: 'band' }
		]);
		const tips = xSeriesTips({
			xs: [1, 2, 3],
			series,
			styles,
			innerWidth: 200,
			px: (x) => (x - 1) * 100,
			py: (p) => (Number.isFinite(p.v) ? 100 - p.v : undefined),
			value: (p) => String(p.v),
			title: (x) => `x ${x}`,
			extraRows: (x) => (x === 2 ? [{ label: 'ref', value: 'r' }] : [])
		});
		// Boxes reach half-way to the neighbours (100 px apart).
		expect(tips.map((t) => [t.x0, t.x, t.x1])).toEqual([
			[-50, 0, 50],
			[50, 100, 150],
			[150, 200, 250]
		]);
		expect(tips[1].rows.map((r) => `${r.label}=${r.value}`)).toEqual(['A=10', 'B=20', 'ref=r']);
		expect(tips[1].rows[1]).toMatchObject({ color: styles[1].color, dash: styles[1].dash });
		// The anchor is the topmost ring; a point without a ring still gets its row.
		expect(tips[1].dots).toEqual([
			{ y: 90, color: styles[0].color },
			{ y: 80, color: styles[1].color }
		]);
		expect(tips[1].y).toBe(80);
		expect(tips[0].rows.map((r) => r.label)).toEqual(['A']);
		expect(tips[0].dots).toEqual([]);
		expect(tips[0].y).toBe(0);
		expect(tips[0].title).toBe('x 1');
	});
});
