import { describe, expect, it } from 'vitest';
import {
	extent,
	flowLayout,
	histogramBins,
	legendLayout,
	mean,
	nearestTip,
	niceStep,
	padDomain,
	ribbonPath,
	seriesLegend,
	seriesStyle,
	seriesXs,
	shareBeyond,
	spreadLabels,
	stepIndex,
	textWidth,
	tickCount,
	tornadoOrder,
	waterfallExtent,
	waterfallLayout,
	wrapLabel,
	xSeriesTips
} from '../../src/lib/ui/charts/helpers';
import type { TipItem } from '../../src/lib/ui/charts/types';

describe('chart helpers: text and legend', () => {
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

describe('chart helpers: scales and domains', () => {
	it('tick counts follow the pixels', () => {
		expect(tickCount(800)).toBe(10);
		expect(tickCount(300)).toBe(3);
		expect(tickCount(10)).toBe(2);
	});

	it('extent skips missing values and never returns an empty span', () => {
		expect(extent([3, NaN, 1, undefined, 7])).toEqual([1, 7]);
		expect(extent([])).toEqual([0, 1]);
		expect(extent([0, 0])).toEqual([0, 1]);
		expect(extent([5, 5])).toEqual([0, 5]);
		expect(padDomain([10, 20], 0.1)).toEqual([9, 21]);
		expect(padDomain([10, 20], 0.1, true)).toEqual([0, 21]);
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

describe('chart helpers: tooltip targets', () => {
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

describe('chart helpers: waterfall', () => {
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

describe('chart helpers: distributions', () => {
	it('mean and share beyond a threshold, strictly', () => {
		expect(mean([1, 2, 3, NaN])).toBe(2);
		expect(mean([])).toBeNaN();
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
});

describe('chart helpers: repeat flow', () => {
	const data = {
		stages: [
			{ contacts: 10000, resolved: 7000, callbacks: 2400, giveUps: 600 },
			{ contacts: 2400, resolved: 1700, callbacks: 500, giveUps: 200 },
			{ contacts: 500, resolved: 300, callbacks: 0, giveUps: 150, open: 50 }
		],
		churned: 380
	};
	it('keeps heights proportional to counts and the columns consistent', () => {
		const L = flowLayout(data, 900, 400);
		expect(L.columns).toHaveLength(4);
		expect(L.columns[0].y1 - L.columns[0].y0).toBeCloseTo(400);
		expect(L.columns[1].y1 - L.columns[1].y0).toBeCloseTo(96);
		expect(L.giveUps).toBe(950);
		expect(L.resolved).toBe(9000);
		const final = L.columns[3];
		expect(final.y1).toBeCloseTo(400);
		expect(final.y1 - final.y0).toBeCloseTo(38);
		expect(final.segments.find((s) => s.kind === 'churned')!.count).toBe(380);
		expect(final.x + L.barWidth).toBeCloseTo(900);
		// Segments of each column tile it without gaps.
		for (const c of L.columns) {
			let y = c.y0;
			for (const s of c.segments) {
				expect(s.y0).toBeCloseTo(y);
				y = s.y1;
			}
			expect(y).toBeCloseTo(c.y1);
		}
	});
	it('callback ribbons join the next attempt; give-up ribbons stack into the final column', () => {
		const L = flowLayout(data, 900, 400);
		const cb = L.ribbons.filter((r) => r.kind === 'callbacks');
		expect(cb).toHaveLength(2);
		expect(cb[0].y1b - cb[0].y1a).toBeCloseTo(cb[0].y0b - cb[0].y0a);
		const gu = L.ribbons.filter((r) => r.kind === 'giveUps');
		expect(gu).toHaveLength(3);
		expect(gu[0].y1b).toBeCloseTo(400);
		expect(gu[1].y1b).toBeCloseTo(gu[0].y1a);
		expect(gu[2].y1a).toBeCloseTo(L.columns[3].y0);
		expect(ribbonPath(gu[0])).toMatch(/^M[\d.]+,[\d.]+C.*Z$/);
	});
	it('draws an unexplained remainder as still open, and clamps churn to the give-ups', () => {
		const L = flowLayout(
			{ stages: [{ contacts: 100, resolved: 50, callbacks: 0, giveUps: 10 }], churned: 99 },
			400,
			100
		);
		expect(L.columns[0].segments.find((s) => s.kind === 'open')!.count).toBe(40);
		expect(L.columns[1].segments.find((s) => s.kind === 'churned')!.count).toBe(10);
	});
});

describe('chart helpers: tornado', () => {
	it('orders rows by swing, widest first', () => {
		const rows = tornadoOrder([
			{ label: 'a', low: 9, high: 11 },
			{ label: 'b', low: 5, high: 20 },
			{ label: 'c', low: 12, high: 6 }
		]);
		expect(rows.map((r) => r.label)).toEqual(['b', 'c', 'a']);
	});
});
