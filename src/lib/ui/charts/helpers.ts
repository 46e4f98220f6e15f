/**
 * Pure layout logic of the charts: no DOM, no Svelte, so it is unit-tested in Node
 * (test/unit/charts.test.ts). The components only turn these numbers into SVG.
 */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle } from 'd3';
import type {
	LegendItem,
	MarkerShape,
	RepeatFlowData,
	TipItem,
	TipRow,
	TornadoRow,
	WaterfallStep
} from './types';

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

/** Min and max of the finite numbers given (NaN/undefined skipped); [0, 1] when there are none. */
export function extent(values: Iterable<number | undefined | null>): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of values) {
		if (typeof v !== 'number' || !Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	if (lo === Infinity) return [0, 1];
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

/* ---------- Tooltip targets ---------- */

/**
 * The tooltip target under the pointer at (px, py): an item whose box holds the point (the
 * smallest, if boxes nest), else the item with the nearest anchor (by x only when `mode` is 'x').
 * -1 when there are no items.
 */
export function nearestTip(items: TipItem[], px: number, py: number, mode: 'x' | 'xy' = 'xy'): number {
	let best = -1;
	let bestArea = Infinity;
	for (let i = 0; i < items.length; i++) {
		const it = items[i];
		if (it.x0 === undefined || it.x1 === undefined) continue;
		const inX = px >= Math.min(it.x0, it.x1) && px <= Math.max(it.x0, it.x1);
		const hasY = it.y0 !== undefined && it.y1 !== undefined;
		const inY = !hasY || (py >= Math.min(it.y0!, it.y1!) && py <= Math.max(it.y0!, it.y1!));
		if (inX && inY && (mode === 'x' || hasY)) {
			const area = Math.abs(it.x1 - it.x0) * (hasY ? Math.abs(it.y1! - it.y0!) : 1);
			if (area < bestArea) {
				best = i;
				bestArea = area;
			}
		}
	}
	if (best >= 0) return best;
	let bestD = Infinity;
	for (let i = 0; i < items.length; i++) {
		const dx = items[i].x - px;
		const dy = mode === 'x' ? 0 : items[i].y - py;
		const d = dx * dx + dy * dy;
		if (d < bestD) {
			bestD = d;
			best = i;
		}
	}
	return best;
}

/** Next index for a key press in a list of `n` targets, or null when the key is not a navigation key. */
export function stepIndex(key: string, current: number, n: number): number | null {
	if (n === 0) return null;
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
			return current < 0 ? 0 : Math.min(n - 1, current + 1);
		case 'ArrowLeft':
		case 'ArrowUp':
			return current < 0 ? 0 : Math.max(0, current - 1);
		case 'Home':
			return 0;
		case 'End':
			return n - 1;
		case 'PageDown':
			return current < 0 ? 0 : Math.min(n - 1, current + 10);
		case 'PageUp':
			return current < 0 ? 0 : Math.max(0, current - 10);
		default:
			return null;
	}
}

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

/* ---------- Series over a shared x (fan chart, line sweep) ---------- */

/** Every x of the series' points, once each, ascending. */
export function seriesXs(series: Array<{ points: Array<{ x: number }> }>): number[] {
	return [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
}

/** One legend entry per series, in its style (colour, dash, marker), its swatch drawn as `kind`. */
export function seriesLegend(
	series: Array<{ label: string }>,
	styles: SeriesStyle[],
	kind: 'line' | 'band'
): LegendItem[] {
	return series.map((s, i) => ({
		label: s.label,
		color: styles[i].color,
		dash: styles[i].dash,
		marker: styles[i].marker,
		kind
	}));
}

/**
 * One tooltip target per x of series drawn over a shared x: a box reaching half-way to the
 * neighbouring x on either side, a row for each series that has a point there (then `extraRows`),
 * and a ring on each such point whose `py` is defined; the anchor is the topmost ring.
 */
export function xSeriesTips<P extends { x: number }>(opts: {
	xs: number[];
	series: Array<{ label: string; points: P[] }>;
	styles: SeriesStyle[];
	innerWidth: number;
	/** Horizontal position of x, px. */
	px: (x: number) => number;
	/** Vertical position of a point's ring, px; undefined for no ring. */
	py: (p: P) => number | undefined;
	/** A series row's value text. */
	value: (p: P) => string;
	title: (x: number) => string;
	/** Rows after the series' rows (reference lines, marked drafts). */
	extraRows?: (x: number) => TipRow[];
}): TipItem[] {
	const { xs, series, styles, innerWidth } = opts;
	const half = xs.length > 1 ? innerWidth / (xs.length - 1) / 2 : innerWidth / 2;
	return xs.map((xv) => {
		const px = opts.px(xv);
		const rows: TipRow[] = [];
		const dots: Array<{ y: number; color: string }> = [];
		for (let i = 0; i < series.length; i++) {
			const p = series[i].points.find((q) => q.x === xv);
			if (!p) continue;
			rows.push({
				label: series[i].label,
				value: opts.value(p),
				color: styles[i].color,
				dash: styles[i].dash
			});
			const y = opts.py(p);
			if (y !== undefined) dots.push({ y, color: styles[i].color });
		}
		if (opts.extraRows) rows.push(...opts.extraRows(xv));
		return {
			x: px,
			y: dots.length ? Math.min(...dots.map((d) => d.y)) : 0,
			x0: px - half,
			x1: px + half,
			title: opts.title(xv),
			rows,
			dots
		};
	});
}

/* ---------- Waterfall ---------- */

export interface WaterfallBar {
	label: string;
	kind: WaterfallStep['kind'];
	/** The step's own value (the delta, or the absolute amount). */
	value: number;
	/** Where the bar starts and ends on the value axis. */
	from: number;
	to: number;
	/** The 95 % whisker on the value axis, at the bar's end, if the step has an interval. */
	whiskerLo?: number;
	whiskerHi?: number;
	note?: string;
}

/**
 * Running totals of a waterfall. A `start` or `total` bar goes from 0 to its value and resets the
 * running total to it; a `delta` bar goes from the running total to running + value. A step's
 * interval [lo, hi] is placed at the bar's end (for a delta: running + lo .. running + hi).
 */
export function waterfallLayout(steps: WaterfallStep[]): WaterfallBar[] {
	let running = 0;
	return steps.map((s) => {
		const hasCI = Number.isFinite(s.lo) && Number.isFinite(s.hi);
		if (s.kind === 'delta') {
			const from = running;
			running += s.value;
			return {
				label: s.label,
				kind: s.kind,
				value: s.value,
				from,
				to: running,
				whiskerLo: hasCI ? from + (s.lo as number) : undefined,
				whiskerHi: hasCI ? from + (s.hi as number) : undefined,
				note: s.note
			};
		}
		running = s.value;
		return {
			label: s.label,
			kind: s.kind,
			value: s.value,
			from: 0,
			to: s.value,
			whiskerLo: hasCI ? s.lo : undefined,
			whiskerHi: hasCI ? s.hi : undefined,
			note: s.note
		};
	});
}

/** The value-axis extent of a waterfall: every bar end, whisker end and zero. */
export function waterfallExtent(bars: WaterfallBar[]): [number, number] {
	const vals: number[] = [0];
	for (const b of bars) vals.push(b.from, b.to, b.whiskerLo ?? b.to, b.whiskerHi ?? b.to);
	return extent(vals);
}

/* ---------- Distribution ---------- */

export function mean(values: ArrayLike<number>): number {
	let s = 0;
	let n = 0;
	for (let i = 0; i < values.length; i++) {
		if (Number.isFinite(values[i])) {
			s += values[i];
			n++;
		}
	}
	return n ? s / n : NaN;
}

/** Share of (finite) values strictly above, or strictly below, the threshold. */
export function shareBeyond(
	values: ArrayLike<number>,
	threshold: number,
	direction: 'above' | 'below'
): number {
	let k = 0;
	let n = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (!Number.isFinite(v)) continue;
		n++;
		if (direction === 'above' ? v > threshold : v < threshold) k++;
	}
	return n ? k / n : NaN;
}

export interface Bin {
	x0: number;
	x1: number;
	count: number;
	/** count / number of values of the series. */
	share: number;
	/** True when the whole bin lies beyond the threshold (strictly above / below it). */
	beyond: boolean;
}

/**
 * Bin several series on the same edges, chosen as "nice" steps over all values. When a threshold is
 * given it is one of the edges, and the bins are closed on the side that keeps the threshold value
 * itself out of the "beyond" bins: for 'above', bins are (x0, x1] (so 0 credit is not a credit);
 * for 'below', [x0, x1). Each side of the threshold that holds values gets at least one bin.
 */
export function histogramBins(
	series: Array<ArrayLike<number>>,
	targetBins = 24,
	threshold?: { value: number; direction: 'above' | 'below' }
): { edges: number[]; bins: Bin[][] } {
	const all: number[] = [];
	for (const s of series) for (let i = 0; i < s.length; i++) if (Number.isFinite(s[i])) all.push(s[i]);
	let [lo, hi] = extent(all);
	if (threshold) {
		lo = Math.min(lo, threshold.value);
		hi = Math.max(hi, threshold.value);
	}
	const step = niceStep((hi - lo) / Math.max(1, targetBins));
	const t0 = threshold ? threshold.value : 0;
	// Edges on the grid t0 + k * step, covering [lo, hi].
	let kLo = Math.floor((lo - t0) / step + 1e-9);
	let kHi = Math.ceil((hi - t0) / step - 1e-9);
	if (threshold) {
		const above = threshold.direction === 'above';
		// Values equal to the threshold need a bin on the not-beyond side.
		if (above && kLo === 0 && all.some((v) => v <= threshold.value)) kLo = -1;
		if (!above && kHi === 0 && all.some((v) => v >= threshold.value)) kHi = 1;
	}
	if (kHi <= kLo) kHi = kLo + 1;
	const edges: number[] = [];
	for (let k = kLo; k <= kHi; k++) edges.push(roundTo(t0 + k * step, step));
	const leftOpen = threshold?.direction === 'above';
	const nb = edges.length - 1;
	const bins = series.map((s) => {
		const counts = new Array<number>(nb).fill(0);
		let n = 0;
		for (let i = 0; i < s.length; i++) {
			const v = s[i];
			if (!Number.isFinite(v)) continue;
			n++;
			counts[binIndex(v, edges, leftOpen)]++;
		}
		return counts.map((count, b) => ({
			x0: edges[b],
			x1: edges[b + 1],
			count,
			share: n ? count / n : 0,
			beyond: threshold
				? threshold.direction === 'above'
					? edges[b] >= threshold.value - step * 1e-9
					: edges[b + 1] <= threshold.value + step * 1e-9
				: false
		}));
	});
	return { edges, bins };
}

function binIndex(v: number, edges: number[], leftOpen: boolean): number {
	const nb = edges.length - 1;
	// Binary search for the bin; then the closed side decides values on an edge.
	let a = 0;
	let b = nb - 1;
	while (a < b) {
		const m = (a + b) >> 1;
		if (v >= edges[m + 1]) a = m + 1;
		else b = m;
	}
	if (leftOpen && a > 0 && v === edges[a]) return a - 1;
	return Math.max(0, Math.min(nb - 1, a));
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
	if (!(raw > 0) || !Number.isFinite(raw)) return 1;
	const p = Math.pow(10, Math.floor(Math.log10(raw)));
	for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw * (1 - 1e-12)) return m * p;
	return 10 * p;
}

function roundTo(v: number, step: number): number {
	const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
	return Number(v.toFixed(Math.min(12, digits)));
}

/* ---------- Repeat flow ---------- */

export type FlowSegmentKind = 'callbacks' | 'resolved' | 'open' | 'giveUps' | 'churned' | 'stayed';

export interface FlowSegment {
	kind: FlowSegmentKind;
	/** Stage index, or -1 for the final "gave up" column. */
	stage: number;
	count: number;
	y0: number;
	y1: number;
}

export interface FlowColumn {
	label: string;
	/** Contacts of the stage, or all give-ups for the final column. */
	count: number;
	x: number;
	y0: number;
	y1: number;
	segments: FlowSegment[];
}

export interface FlowRibbon {
	kind: 'callbacks' | 'giveUps';
	stage: number;
	count: number;
	x0: number;
	y0a: number;
	y0b: number;
	x1: number;
	y1a: number;
	y1b: number;
}

export interface FlowLayout {
	columns: FlowColumn[];
	ribbons: FlowRibbon[];
	barWidth: number;
	/** Sum of give-ups over all stages. */
	giveUps: number;
	/** Sum of resolved over all stages. */
	resolved: number;
}

const ORDINAL = ['1st', '2nd', '3rd'];
export function stageLabel(k: number): string {
	return k === 0 ? '1st contact' : `${ORDINAL[k] ?? `${k + 1}th`} attempt`;
}

/**
 * A hand-laid Sankey of the repeat loop in a `width` x `height` box: one column per attempt, tops
 * aligned, each split top to bottom into called back (flows on to the next attempt), resolved,
 * still open and gave up; a last column of all give-ups, split into churned and stayed, bottom
 * aligned with the first column. Heights are proportional to counts on one scale.
 */
export function flowLayout(data: RepeatFlowData, width: number, height: number): FlowLayout {
	const stages = data.stages.filter((s) => s.contacts > 0 || s === data.stages[0]);
	const K = stages.length;
	const nCols = K + 1;
	const barWidth = Math.max(24, Math.min(90, (width / nCols) * (width < 800 ? 0.28 : 0.34)));
	const stepX = nCols > 1 ? (width - barWidth) / (nCols - 1) : 0;
	const c0 = Math.max(1e-9, stages[0]?.contacts ?? 0);
	const scale = height / c0;
	const columns: FlowColumn[] = [];
	const ribbons: FlowRibbon[] = [];
	let giveUps = 0;
	let resolved = 0;
	stages.forEach((s, k) => {
		const cb = Math.max(0, s.callbacks);
		const parts: Array<[FlowSegmentKind, number]> = [
			['callbacks', cb],
			['resolved', Math.max(0, s.resolved)],
			['open', Math.max(0, (s.open ?? 0) + remainder(s))],
			['giveUps', Math.max(0, s.giveUps)]
		];
		giveUps += Math.max(0, s.giveUps);
		resolved += Math.max(0, s.resolved);
		let y = 0;
		const segments: FlowSegment[] = [];
		for (const [kind, count] of parts) {
			if (count <= 0) continue;
			segments.push({ kind, stage: k, count, y0: y * scale, y1: (y + count) * scale });
			y += count;
		}
		columns.push({
			label: s.label ?? stageLabel(k),
			count: s.contacts,
			x: k * stepX,
			y0: 0,
			y1: y * scale,
			segments
		});
	});
	// Callback ribbons: from the top segment of column k to the whole of column k + 1.
	for (let k = 0; k + 1 < K; k++) {
		const seg = columns[k].segments.find((s) => s.kind === 'callbacks');
		if (!seg) continue;
		ribbons.push({
			kind: 'callbacks',
			stage: k,
			count: seg.count,
			x0: columns[k].x + barWidth,
			y0a: seg.y0,
			y0b: seg.y1,
			x1: columns[k + 1].x,
			y1a: columns[k + 1].y0,
			y1b: columns[k + 1].y1
		});
	}
	// Final column: all give-ups, bottom-aligned with the first column; slots stacked from the bottom.
	const bottom = columns[0]?.y1 ?? 0;
	const finalTop = bottom - giveUps * scale;
	const churned = Math.max(0, Math.min(giveUps, data.churned));
	const finalSegs: FlowSegment[] = [];
	if (giveUps - churned > 0)
		finalSegs.push({
			kind: 'stayed',
			stage: -1,
			count: giveUps - churned,
			y0: finalTop,
			y1: bottom - churned * scale
		});
	if (churned > 0)
		finalSegs.push({ kind: 'churned', stage: -1, count: churned, y0: bottom - churned * scale, y1: bottom });
	const finalX = K * stepX;
	columns.push({
		label: 'Gave up',
		count: giveUps,
		x: finalX,
		y0: finalTop,
		y1: bottom,
		segments: finalSegs
	});
	let slot = bottom;
	columns.slice(0, K).forEach((col, k) => {
		const seg = col.segments.find((s) => s.kind === 'giveUps');
		if (!seg) return;
		const h = seg.y1 - seg.y0;
		ribbons.push({
			kind: 'giveUps',
			stage: k,
			count: seg.count,
			x0: col.x + barWidth,
			y0a: seg.y0,
			y0b: seg.y1,
			x1: finalX,
			y1a: slot - h,
			y1b: slot
		});
		slot -= h;
	});
	return { columns, ribbons, barWidth, giveUps, resolved };
}

function remainder(s: RepeatFlowData['stages'][number]): number {
	const r = s.contacts - s.resolved - s.callbacks - s.giveUps - (s.open ?? 0);
	return r > 1e-9 ? r : 0;
}

/** A ribbon between two vertical edges, as a closed path with horizontal-tangent curves. */
export function ribbonPath(r: Pick<FlowRibbon, 'x0' | 'y0a' | 'y0b' | 'x1' | 'y1a' | 'y1b'>): string {
	const xm = (r.x0 + r.x1) / 2;
	const f = (n: number) => Math.round(n * 10) / 10;
	return (
		`M${f(r.x0)},${f(r.y0a)}C${f(xm)},${f(r.y0a)} ${f(xm)},${f(r.y1a)} ${f(r.x1)},${f(r.y1a)}` +
		`L${f(r.x1)},${f(r.y1b)}C${f(xm)},${f(r.y1b)} ${f(xm)},${f(r.y0b)} ${f(r.x0)},${f(r.y0b)}Z`
	);
}

/* ---------- Tornado ---------- */

/** Tornado rows, widest swing first. */
export function tornadoOrder(rows: TornadoRow[]): TornadoRow[] {
	return [...rows].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
}
