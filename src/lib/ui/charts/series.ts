/**
 * Series drawn over a shared x (the fan chart and the line sweep): their xs, legend entries and
 * one tooltip target per x.
 */
import type { SeriesStyle } from './basics';
import type { LegendItem, TipItem, TipRow } from './types';

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
