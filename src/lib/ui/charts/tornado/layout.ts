/** The tornado's layout: rows ordered by swing, and value labels that collide with nothing. */
import { placeLabel, textBox, type Box } from '../basics';

/** One assumption of a tornado: the outcome at its low and high setting, around the base outcome. */
export interface TornadoRow {
	label: string;
	/** Outcome with the assumption at its low setting. */
	low: number;
	/** Outcome with the assumption at its high setting. */
	high: number;
	/** The assumption's settings, shown in the tooltip: "AHT 240 s" / "AHT 360 s". */
	lowSetting?: string;
	highSetting?: string;
}

/** Tornado rows, widest swing first. */
export function tornadoOrder(rows: TornadoRow[]): TornadoRow[] {
	return [...rows].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
}

/** A value label of a tornado bar, in plot px: text, anchor point (x, middle y) and its box. */
export interface BarLabel {
	text: string;
	x: number;
	y: number;
	anchor: 'start' | 'end';
	box: Box;
}

/** One row's bars in plot px: the base line's x, each bar's end x, and the row's halves. */
export interface RowGeometry {
	top: number;
	/** Height of one half-row (the low bar above, the high bar below). */
	half: number;
	xBase: number;
	xLow: number;
	xHigh: number;
	low: string;
	high: string;
	/** The base value as the labels write it. */
	base: string;
}

/**
 * The value labels of a tornado, placed so that none overlaps another, a bar or the plot's edge:
 * each at its bar's outer end, else on the other side of the base line, else left out (the
 * tooltip and the data table still give it). A row whose two settings give the same figure gets
 * one label ("no change" when that is the base), not two copies of the same number.
 */
export function tornadoLabels(rows: RowGeometry[], plotWidth: number, fontSize = 13): BarLabel[] {
	const bars: Box[] = [];
	for (const r of rows)
		for (const [xe, dy] of [
			[r.xLow, 0],
			[r.xHigh, r.half]
		])
			bars.push({ x: Math.min(r.xBase, xe), y: r.top + dy, w: Math.abs(xe - r.xBase), h: r.half - 1 });
	const placed: Box[] = [];
	const out: BarLabel[] = [];
	const bounds = { x: 0, y: -1e9, w: plotWidth, h: 2e9 };
	const put = (text: string, xEnd: number, xBase: number, yMid: number) => {
		const right = xEnd >= xBase;
		const gap = 5;
		const candidates: Array<{ x: number; anchor: 'start' | 'end' }> = [
			{ x: right ? xEnd + gap : xEnd - gap, anchor: right ? 'start' : 'end' },
			{ x: right ? xBase - gap : xBase + gap, anchor: right ? 'end' : 'start' }
		];
		const boxes = candidates.map((c) => textBox(text, c.x, yMid + fontSize * 0.35, fontSize, c.anchor));
		const pick = placeLabel(boxes, [...bars, ...placed], bounds);
		if (!pick || pick.overlap > 0) return;
		placed.push(pick.box);
		out.push({
			text,
			x: candidates[pick.index].x,
			y: yMid,
			anchor: candidates[pick.index].anchor,
			box: pick.box
		});
	};
	for (const r of rows) {
		if (r.low === r.high) {
			// the base's figure is written once, above the base line
			const text = r.low === r.base ? 'no change' : r.low;
			const xEnd = Math.abs(r.xLow - r.xBase) >= Math.abs(r.xHigh - r.xBase) ? r.xLow : r.xHigh;
			put(text, xEnd, r.xBase, r.top + r.half);
			continue;
		}
		put(r.low, r.xLow, r.xBase, r.top + r.half / 2);
		put(r.high, r.xHigh, r.xBase, r.top + r.half * 1.5);
	}
	return out;
}
