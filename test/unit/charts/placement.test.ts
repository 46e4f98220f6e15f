/**
 * Label placement with collision avoidance: no two labels overlap, none sits on a mark, none leaves
 * the plot, at the widths the app is used at (a phone's 390 px, 1280 px and 1440 px screens).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	inside,
	lineObstacles,
	overlapArea,
	placeLineLabel,
	placePointLabel,
	textWidth,
	type Box
} from '../../../src/lib/ui/charts/basics';
import { tornadoLabels, type RowGeometry } from '../../../src/lib/ui/charts/tornado/layout';
import { panelHeading, stackPanels, SUMMARY_FONT } from '../../../src/lib/ui/charts/histogram/layout';

/** Plot widths of a chart at the app's three screen widths (chart width less the axis margins). */
const PLOT_WIDTHS = [390 - 2 * 16 - 64 - 16, 1280 / 2 - 64 - 16, 1440 / 2 - 64 - 16];

function expectApart(boxes: Box[]) {
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++)
			expect(overlapArea(boxes[i], boxes[j]), `labels ${i} and ${j}`).toBe(0);
}

describe('tornado value labels', () => {
	const eur = (v: number) => `EUR ${v.toFixed(2)} M`;
	function geometry(rows: Array<[number, number]>, base: number, width: number): RowGeometry[] {
		const lo = Math.min(base, ...rows.flat());
		const hi = Math.max(base, ...rows.flat());
		const x = (v: number) => ((v - lo) / (hi - lo || 1)) * width * 0.7 + width * 0.15;
		return rows.map(([low, high], i) => ({
			top: 10 + i * 46,
			half: 16,
			xBase: x(base),
			xLow: x(low),
			xHigh: x(high),
			low: eur(low),
			high: eur(high),
			base: eur(base)
		}));
	}

	it('a row without effect gets one label, not two copies of the same figure', () => {
		const rows = geometry(
			[
				[2.9, 3.9],
				[3.38, 3.38],
				[3.38, 3.38]
			],
			3.38,
			PLOT_WIDTHS[1]
		);
		const labels = tornadoLabels(rows, PLOT_WIDTHS[1]);
		expect(labels.map((l) => l.text)).toContain('EUR 2.90 M');
		expect(labels.map((l) => l.text)).toContain('EUR 3.90 M');
		expect(labels.filter((l) => l.text.includes('3.38'))).toEqual([]);
		expect(labels.filter((l) => l.text === 'no change')).toHaveLength(2);
		expectApart(labels.map((l) => l.box));
	});

	it('no label overlaps another, a bar, or the plot edge, at every screen width', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })),
					{
						minLength: 1,
						maxLength: 8
					}
				),
				fc.double({ min: 0, max: 10, noNaN: true }),
				fc.constantFrom(...PLOT_WIDTHS),
				(pairs, base, width) => {
					const rows = geometry(pairs, base, width);
					const labels = tornadoLabels(rows, width);
					expectApart(labels.map((l) => l.box));
					for (const l of labels) {
						expect(l.box.x).toBeGreaterThanOrEqual(0);
						expect(l.box.x + l.box.w).toBeLessThanOrEqual(width + 1e-9);
						for (const r of rows)
							for (const [xe, dy] of [
								[r.xLow, 0],
								[r.xHigh, r.half]
							])
								expect(
									overlapArea(l.box, {
										x: Math.min(r.xBase, xe),
										y: r.top + dy,
										w: Math.abs(xe - r.xBase),
										h: r.half - 1
									})
								).toBe(0);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('reference line labels (a target on a fan chart)', () => {
	it('leaves the data: the label moves off a band that covers the line at its right end', () => {
		const width = PLOT_WIDTHS[0];
		// Service level near the 80 % target on the right half: the band covers the line there.
		const band = lineObstacles(
			Array.from({ length: 30 }, (_, i) => ({
				x: (i / 29) * width,
				y: i < 20 ? 40 : 95,
				y0: i < 20 ? 30 : 80,
				y1: i < 20 ? 50 : 110
			}))
		);
		const label = placeLineLabel('Target (Balanced) 80 %', 100, width, 200, band);
		expect(label).not.toBeNull();
		expect(inside(label!.box, { x: 0, y: 0, w: width, h: 200 })).toBe(true);
		for (const b of band) expect(overlapArea(label!.box, b)).toBe(0);
	});

	it('gives up (the legend names the line) when the data covers every spot', () => {
		const cover: Box[] = [{ x: 0, y: 0, w: 300, h: 200 }];
		expect(placeLineLabel('Target 80 %', 100, 300, 200, cover)).toBeNull();
	});
});

describe('draft circles on a sweep', () => {
	it('labels never overlap each other, a line or a circle, and stay in the plot', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...PLOT_WIDTHS),
				fc.array(
					fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
					{
						minLength: 1,
						maxLength: 4
					}
				),
				fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }),
				(width, marks, line) => {
					const h = 260;
					const obstacles: Box[] = lineObstacles(
						line.map((v, i) => ({ x: (i / (line.length - 1)) * width, y: v * h })),
						4
					);
					const circles = marks.map(([mx, my]) => ({ x: mx * width - 10, y: my * h - 10, w: 20, h: 20 }));
					obstacles.push(...circles);
					const before = obstacles.length;
					const placed: Box[] = [];
					marks.forEach(([mx, my], i) => {
						const label = placePointLabel(
							`Draft ${i + 1} (margin)`,
							mx * width,
							my * h,
							8,
							width,
							h,
							obstacles,
							14
						);
						if (!label) return;
						obstacles.push(label.box);
						placed.push(label.box);
						expect(inside(label.box, { x: 0, y: 0, w: width, h })).toBe(true);
					});
					expectApart(placed);
					for (const p of placed)
						for (const o of obstacles.slice(0, before)) expect(overlapArea(p, o)).toBe(0);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('histogram panel headings', () => {
	const summary = 'mean EUR 2.4 k · chance of any credit (a breach that costs money): 34 %';

	it('puts the summary below the name when both do not fit, each line inside the plot', () => {
		for (const width of PLOT_WIDTHS) {
			const h = panelHeading('Balanced', summary, width);
			if (h.sameLine) expect(textWidth(`Balanced ${summary}`, 14) + 30).toBeLessThanOrEqual(width);
			for (const line of h.summaryLines) expect(textWidth(line, SUMMARY_FONT)).toBeLessThanOrEqual(width);
			expect(h.height).toBe(24 + 17 * h.summaryLines.length);
		}
		expect(panelHeading('Balanced', summary, PLOT_WIDTHS[0]).sameLine).toBe(false);
		expect(panelHeading('Balanced', summary, PLOT_WIDTHS[2]).sameLine).toBe(true);
	});

	it('stacks panels so that each heading sits above its own panel and below the one before', () => {
		const heads = [58, 24, 41];
		const panels = stackPanels(heads, 500, 22);
		panels.forEach((p, i) => {
			const headTop = p.top - heads[i];
			if (i === 0) expect(headTop).toBe(0);
			else expect(headTop).toBeCloseTo(panels[i - 1].top + panels[i - 1].h + 22);
		});
		const last = panels[panels.length - 1];
		expect(last.top + last.h).toBeCloseTo(500);
	});
});
