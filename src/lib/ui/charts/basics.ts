/**
 * What every chart shares, as pure functions (no DOM, no Svelte; unit-tested in Node): the series
 * palette and markers, text measurement and label wrapping, the legend's rows, tick counts and
 * domains, and label placement. A chart's own layout lives in its folder beside its component.
 */
import { extent, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle } from 'd3';
import type { LegendItem, MarkerShape } from './types';

/* ---------- Palette, dashes, markers ---------- */

/** Okabe-Ito colours from global.css, in series order. */
export const PALETTE = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', 'var(--c5)', 'var(--c6)'];
/** Dash patterns in series order: lines that overlap stay apart in grey print and for colour-blind readers. */
export const DASHES = ['', '8 4', '2 3', '12 3 3 3', '5 5', '1 2'];
export const MARKERS: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'circle'];

export interface SeriesStyle {
	color: string;
	dash: string;
	marker: MarkerShape;
}

export function seriesStyle(
	i: number,
	given: { color?: string; dash?: string; marker?: MarkerShape } = {}
): SeriesStyle {
	return {
		color: given.color ?? PALETTE[i % PALETTE.length],
		dash: given.dash ?? DASHES[i % DASHES.length],
		marker: given.marker ?? MARKERS[i % MARKERS.length]
	};
}

const SYMBOLS = {
	circle: symbolCircle,
	square: symbolSquare,
	triangle: symbolTriangle,
	diamond: symbolDiamond,
	cross: symbolCross
};

/** SVG path of a marker centred on (0, 0); `size` is its area in px^2, as in d3.symbol. */
export function markerPath(shape: MarkerShape, size = 64): string {
	if (shape === 'none') return '';
	return symbol(SYMBOLS[shape], size)() ?? '';
}
/* ---------- Text ---------- */

/**
 * Approximate rendered width of `text` in a sans-serif at `fontSize` px, on the wide side (DejaVu
 * Sans, the widest common fallback), so that labels laid out with it do not collide in any font.
 */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) {
		if ("il.,:;|!'’".includes(ch)) em += 0.3;
		else if (ch === ' ') em += 0.32;
		else if ('fjrt()[]-'.includes(ch)) em += 0.4;
		else if ('mwMW%@'.includes(ch)) em += 0.92;
		else if (ch >= 'A' && ch <= 'Z') em += 0.7;
		else if (ch >= '0' && ch <= '9') em += 0.64;
		else em += 0.6;
	}
	return em * fontSize;
}

/**
 * Break a label into at most `maxLines` lines of at most `maxWidth` px, at spaces; the last line
 * ends in an ellipsis when the text does not fit. A single word longer than the width stays whole.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (let i = 0; i < words.length; i++) {
		const next = line ? `${line} ${words[i]}` : words[i];
		if (!line || textWidth(next, fontSize) <= maxWidth) {
			line = next;
			continue;
		}
		lines.push(line);
		line = words[i];
		if (lines.length === maxLines) {
			const last = lines.pop() ?? '';
			lines.push(ellipsis(`${last} ${words.slice(i).join(' ')}`, maxWidth, fontSize));
			return lines;
		}
	}
	if (line) lines.push(line);
	return lines;
}

function ellipsis(text: string, maxWidth: number, fontSize: number): string {
	if (textWidth(text, fontSize) <= maxWidth) return text;
	let t = text;
	while (t.length > 1 && textWidth(`${t}…`, fontSize) > maxWidth) t = t.slice(0, -1);
	return `${t.trimEnd()}…`;
}
/* ---------- Legend ---------- */

export const LEGEND_SWATCH = 30;

/** Lay out legend items left to right, wrapping into rows that fit `width`. */
export function legendLayout(
	items: LegendItem[],
	width: number,
	fontSize = 14
): { positions: Array<{ x: number; y: number }>; height: number } {
	const rowH = Math.round(fontSize * 1.7);
	const gap = 18;
	const positions: Array<{ x: number; y: number }> = [];
	let x = 0;
	let y = 0;
	for (const item of items) {
		const w = LEGEND_SWATCH + 6 + textWidth(item.label, fontSize);
		if (x > 0 && x + w > width) {
			x = 0;
			y += rowH;
		}
		positions.push({ x, y });
		x += w + gap;
	}
	return { positions, height: items.length ? y + rowH : 0 };
}
/* ---------- Ticks and domains ---------- */

/** How many ticks fit in `px` pixels with about `spacing` px between them (2..10). */
export function tickCount(px: number, spacing = 80): number {
	return Math.max(2, Math.min(10, Math.floor(px / spacing)));
}

/**
 * Min and max of the finite numbers given (d3's extent, which skips NaN and missing values), made
 * drawable: [0, 1] when there are none, and a single value widened to include zero.
 */
export function domainOf(values: Iterable<number | undefined | null>): [number, number] {
	const [lo, hi] = extent(values, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
	if (lo === undefined || hi === undefined) return [0, 1];
	if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
	return [lo, hi];
}

/** Widen [lo, hi] by `pad` of its span on each side, and to include zero when `zero`. */
export function padDomain([lo, hi]: [number, number], pad = 0.05, zero = false): [number, number] {
	const span = hi - lo || Math.abs(hi) || 1;
	let a = lo - span * pad;
	let b = hi + span * pad;
	if (zero) {
		if (lo >= 0) a = 0;
		if (hi <= 0) b = 0;
	}
	return [a, b];
}
/* ---------- Label placement ---------- */

/**
 * Push labels apart vertically so that no two centres are closer than `gap`, keeping them inside
 * [lo, hi] and as close to their wanted positions as possible (order preserved).
 */
export function spreadLabels(wanted: number[], gap: number, lo = -Infinity, hi = Infinity): number[] {
	const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
	const ys = order.map((o) => o.y);
	// Forward pass: each label at least `gap` below the previous; then backward from the bottom bound.
	for (let k = 0; k < ys.length; k++) ys[k] = Math.max(ys[k], k === 0 ? lo : ys[k - 1] + gap);
	for (let k = ys.length - 1; k >= 0; k--)
		ys[k] = Math.min(ys[k], k === ys.length - 1 ? hi : ys[k + 1] - gap);
	for (let k = 0; k < ys.length; k++) ys[k] = Math.max(ys[k], k === 0 ? lo : ys[k - 1] + gap);
	const out = new Array<number>(wanted.length);
	order.forEach((o, k) => (out[o.i] = ys[k]));
	return out;
}

/** A label's or a mark's box in plot px: top-left corner, width, height. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Area two boxes share (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
	const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/** Whether `inner` lies wholly inside `outer`. */
export function inside(inner: Box, outer: Box): boolean {
	return (
		inner.x >= outer.x - 1e-9 &&
		inner.y >= outer.y - 1e-9 &&
		inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
		inner.y + inner.h <= outer.y + outer.h + 1e-9
	);
}

/**
 * Pick a label's place among `candidates` (in order of preference): the first that stays inside
 * `bounds` and touches no obstacle, else the one inside `bounds` that covers the least of them.
 * `null` when no candidate fits in `bounds` (the caller leaves the label to the legend or table).
 */
export function placeLabel(
	candidates: Box[],
	obstacles: Box[],
	bounds: Box
): { box: Box; index: number; overlap: number } | null {
	let best: { box: Box; index: number; overlap: number } | null = null;
	for (let index = 0; index < candidates.length; index++) {
		const box = candidates[index];
		if (!inside(box, bounds)) continue;
		let overlap = 0;
		for (const o of obstacles) overlap += overlapArea(box, o);
		if (best === null || overlap < best.overlap) best = { box, index, overlap };
		if (overlap === 0) break;
	}
	return best;
}

/**
 * Boxes around a line's marks, one per segment between consecutive points (with a band's extent
 * when given): what a label must not sit on. Points are in plot px; undefined or NaN ones break the line.
 */
export function lineObstacles(
	points: Array<{ x: number; y: number; y0?: number; y1?: number }>,
	pad = 2
): Box[] {
	const ok = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
	const span = (p: (typeof ok)[number]) => {
		const ys = [p.y, p.y0 ?? p.y, p.y1 ?? p.y].filter(Number.isFinite);
		return [Math.min(...ys), Math.max(...ys)];
	};
	const out: Box[] = [];
	for (let i = 0; i < ok.length; i++) {
		const a = ok[i];
		const b = ok[Math.min(i + 1, ok.length - 1)];
		const [a0, a1] = span(a);
		const [b0, b1] = span(b);
		const top = Math.min(a0, b0) - pad;
		const x0 = Math.min(a.x, b.x) - pad;
		out.push({ x: x0, y: top, w: Math.abs(b.x - a.x) + 2 * pad, h: Math.max(a1, b1) + pad - top });
	}
	return out;
}

/** The box of a one-line label of `text` anchored at (x, baseline y), as SVG draws it. */
export function textBox(
	text: string,
	x: number,
	y: number,
	fontSize: number,
	anchor: 'start' | 'middle' | 'end' = 'start'
): Box {
	const w = textWidth(text, fontSize);
	const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
	return { x: left, y: y - fontSize * 0.8, w, h: fontSize };
}

/** A placed one-line label: its text, anchor point (x, baseline y), SVG text-anchor and box. */
export interface PlacedLabel {
	text: string;
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	box: Box;
}

function firstClear(
	text: string,
	spots: Array<{ x: number; y: number; anchor: PlacedLabel['anchor'] }>,
	obstacles: Box[],
	bounds: Box,
	fontSize: number
): PlacedLabel | null {
	const boxes = spots.map((c) => textBox(text, c.x, c.y, fontSize, c.anchor));
	const pick = placeLabel(boxes, obstacles, bounds);
	if (!pick || pick.overlap > 0) return null;
	return { text, ...spots[pick.index], box: pick.box };
}

/**
 * A label for a horizontal reference line at `yLine` in a plot `width` x `height`: just above or
 * below the line, at its right end, its left end or its middle, wherever it covers no mark.
 * `null` when every spot covers one: the legend names the line instead.
 */
export function placeLineLabel(
	text: string,
	yLine: number,
	width: number,
	height: number,
	obstacles: Box[],
	fontSize = 13
): PlacedLabel | null {
	const above = yLine - 5;
	const below = yLine + fontSize + 2;
	const spots: Array<{ x: number; y: number; anchor: PlacedLabel['anchor'] }> = [];
	for (const [x, anchor] of [
		[width - 4, 'end'],
		[4, 'start'],
		[width / 2, 'middle']
	] as const)
		spots.push({ x, y: above, anchor }, { x, y: below, anchor });
	return firstClear(text, spots, obstacles, { x: 0, y: 0, w: width, h: height }, fontSize);
}

/**
 * A label beside a point mark at (px, py) of radius `r`: right, left, above or below it, wherever
 * it covers no mark and stays in the plot; `null` when none is clear.
 */
export function placePointLabel(
	text: string,
	px: number,
	py: number,
	r: number,
	width: number,
	height: number,
	obstacles: Box[],
	fontSize = 13
): PlacedLabel | null {
	const mid = py + fontSize * 0.35;
	const spots: Array<{ x: number; y: number; anchor: PlacedLabel['anchor'] }> = [
		{ x: px + r + 4, y: mid, anchor: 'start' },
		{ x: px - r - 4, y: mid, anchor: 'end' },
		{ x: px, y: py - r - 4, anchor: 'middle' },
		{ x: px, y: py + r + fontSize, anchor: 'middle' },
		{ x: px + r + 2, y: py - r - 2, anchor: 'start' },
		{ x: px - r - 2, y: py - r - 2, anchor: 'end' },
		{ x: px + r + 2, y: py + r + fontSize, anchor: 'start' },
		{ x: px - r - 2, y: py + r + fontSize, anchor: 'end' }
	];
	return firstClear(text, spots, obstacles, { x: 0, y: 0, w: width, h: height }, fontSize);
}
