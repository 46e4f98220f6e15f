/**
 * The chart context: `ChartFrame` measures itself, builds the scales and publishes them here;
 * layer components (axes, grid lines, reference lines) read them with `getChartContext()` and only
 * draw. The object's properties are getters over the frame's reactive state, so layers update when
 * the frame resizes or the data change.
 */
import { getContext, setContext } from 'svelte';
import { tickCount } from './basics';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The minimal scale shape the layers need: a d3 scale (linear, band, point, ...). */
export interface AnyScale {
	(value: never): number | undefined;
	range(): number[];
	domain(): unknown[];
	ticks?: (count?: number) => unknown[];
	bandwidth?: () => number;
}

export interface ChartContext<X = AnyScale, Y = AnyScale> {
	readonly x: X;
	readonly y: Y;
	/** Outer width of the svg, px. */
	readonly width: number;
	/** Outer height of the svg, px. */
	readonly height: number;
	/** Plot area width (outer minus left/right margins), px. */
	readonly innerWidth: number;
	/** Plot area height (outer minus top/bottom margins and the legend), px. */
	readonly innerHeight: number;
	readonly margin: Margin;
	/** True on narrow containers (< 600 px): layers use fewer ticks and shorter labels. */
	readonly compact: boolean;
}

const KEY = Symbol('sla-chart');

export function setChartContext<X, Y>(ctx: ChartContext<X, Y>): ChartContext<X, Y> {
	return setContext(KEY, ctx);
}

export function getChartContext<X = AnyScale, Y = AnyScale>(): ChartContext<X, Y> {
	const ctx = getContext<ChartContext<X, Y> | undefined>(KEY);
	if (!ctx) throw new Error('Chart layers must be placed inside <ChartFrame>.');
	return ctx;
}

/** What `ChartFrame` hands to its children snippet: the scales and the plot area's size. */
export interface ChartScope<X = AnyScale, Y = AnyScale> {
	x: X;
	y: Y;
	innerWidth: number;
	innerHeight: number;
	width: number;
	compact: boolean;
}

/** Where an axis draws the tick of value `v`, px: its position, the middle of its band on a band scale. */
export function tickPosition(scale: AnyScale, v: unknown): number {
	const sc = scale as unknown as ((v: unknown) => number) & { bandwidth?: () => number };
	return (sc(v) ?? 0) + (sc.bandwidth ? sc.bandwidth() / 2 : 0);
}

/**
 * The values an axis labels: `ticks` when given, a band (or tick-less) scale's categories, else the
 * scale's own ticks about `spacing` px apart along `length` px.
 */
export function axisValues(
	scale: AnyScale,
	ticks: unknown[] | undefined,
	length: number,
	spacing: number
): unknown[] {
	if (ticks) return ticks;
	if (scale.bandwidth || !scale.ticks) return scale.domain();
	return scale.ticks(tickCount(length, spacing));
}
