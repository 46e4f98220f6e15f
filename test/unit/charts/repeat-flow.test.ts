import { describe, expect, it } from 'vitest';
import { flowLayout, ribbonPath } from '../../../src/lib/ui/charts/repeat-flow/layout';

describe('repeat flow layout', () => {
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
