/**
 * The plain data the chart components take. Nothing here knows the engine: the results view maps
 * the simulation's summaries (metrics.ts, fields.ts) into these shapes.
 */
import type { ValueKind } from '../format';

export type { ValueKind };

/** A row of the tooltip: "Offered: 1,234 (P10-P90 1,100-1,350)". */
export interface TipRow {
	label: string;
	value: string;
	/** CSS colour of the row's swatch (a series colour), if any. */
	color?: string;
	/** Dash pattern of the swatch when the series is a line. */
	dash?: string;
}

/**
 * One target of the tooltip, in plot-area pixels (origin at the plot's top-left). The pointer picks
 * the target whose box [x0, x1] x [y0, y1] holds it, else the nearest anchor; the arrow keys step
 * through the targets in order.
 */
export interface TipItem {
	/** Anchor of the tooltip, px. */
	x: number;
	y: number;
	/** Optional box, px: hovering inside it selects this item; it is outlined when active. */
	x0?: number;
	x1?: number;
	y0?: number;
	y1?: number;
	title: string;
	rows: TipRow[];
	/** Points to ring when active (e.g. each series' median at this x), px. */
	dots?: Array<{ y: number; color: string }>;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'none';

export interface LegendItem {
	label: string;
	color: string;
	/** How the swatch is drawn: a line (with dash and marker), a filled box, or a band with a line. */
	kind?: 'line' | 'box' | 'band';
	dash?: string;
	marker?: MarkerShape;
}

/** The props every chart takes and hands on to its ChartFrame. */
export interface ChartProps {
	/** Short title, shown above the chart and as the SVG's <title>. */
	title: string;
	/** Text alternative; a description is generated from the data when not given. */
	desc?: string;
	/** Outer height of the SVG, px (each chart has its own default). */
	height?: number;
	/** File name for PNG / SVG export; no buttons when not set. */
	exportName?: string;
	/** Show the title as a visible caption (default); set false when the page already has a heading. */
	caption?: boolean;
	/** A short note under the chart (source, how to read it). */
	note?: string;
}

/** A data table for screen readers and for anyone who prefers numbers (shown on demand). */
export interface DataTable {
	caption: string;
	columns: string[];
	rows: Array<Array<string | number>>;
}

/* ---------- Fan chart ---------- */

/** One x of a fan: the median and, optionally, the 10th and 90th percentiles across replications. */
export interface FanPoint {
	/** Day number (1-based) or interval index (0-based), by the chart's `xUnit`. */
	x: number;
	median: number;
	p10?: number;
	p90?: number;
}

export interface FanSeries {
	/** Legend and tooltip label, e.g. a draft's name or "Offered". */
	label: string;
	points: FanPoint[];
	/** CSS colour; defaults to the palette colour of the series' position (var(--c1), ...). */
	color?: string;
	/** SVG dash pattern; defaults to the position's pattern so overlapping lines stay apart. */
	dash?: string;
	marker?: MarkerShape;
}

/** A reference line: a constant (target 80 %) or one value per x (the forecast per day). */
export interface ReferenceLine {
	label: string;
	value?: number;
	points?: Array<{ x: number; y: number }>;
	/** CSS colour; defaults to the ink colour. */
	color?: string;
}

/* ---------- Waterfall ---------- */

/**
 * A step of a waterfall. `start` and `total` are absolute amounts drawn from zero; `delta` is a
 * signed change from the running total (credits are negative for the client: -12,000).
 * `lo`/`hi` is the 95 % interval of the step's own value (the delta, or the total), if known.
 */
export interface WaterfallStep {
	label: string;
	kind: 'start' | 'delta' | 'total';
	value: number;
	lo?: number;
	hi?: number;
	/** Extra line in the tooltip, e.g. "Earn-back returned 2 of 5 credits". */
	note?: string;
}

/* ---------- Distribution ---------- */

export interface DistributionSeries {
	/** The draft's name. */
	label: string;
	/** One value per replication. */
	values: ArrayLike<number>;
	color?: string;
}

/** "Chance of any credit" = share of replications with value > 0: { value: 0, direction: 'above' }. */
export interface Threshold {
	value: number;
	direction: 'above' | 'below';
	/** Reads after "Chance of": e.g. "any credit", "a loss". */
	label: string;
}

/* ---------- Repeat flow ---------- */

/**
 * One attempt of the repeat loop: the contacts of attempt k (k = 1: first contacts) and where
 * they went. `contacts` should equal resolved + callbacks + giveUps + open; any remainder is drawn
 * as "still open" so the bar always has the height of `contacts`.
 */
export interface RepeatFlowStage {
	/** Defaults to "1st contact", "2nd attempt", ... */
	label?: string;
	contacts: number;
	/** Issues resolved on this attempt. */
	resolved: number;
	/** Unresolved customers who come back: the contacts of the next attempt. */
	callbacks: number;
	/** Unresolved customers who give up after this attempt. */
	giveUps: number;
	/** Unresolved and still open at the end of the period (neither called back nor gave up yet). */
	open?: number;
}

export interface RepeatFlowData {
	stages: RepeatFlowStage[];
	/** Of all give-ups: customers who churned. */
	churned: number;
}

/* ---------- Sensitivity ---------- */

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

export interface SweepPoint {
	x: number;
	mean: number;
	lo?: number;
	hi?: number;
}

export interface SweepSeries {
	label: string;
	points: SweepPoint[];
	color?: string;
	dash?: string;
	marker?: MarkerShape;
}

/** A draft's position on the sweep: its clause value and outcome, drawn as a labelled point. */
export interface SweepMarker {
	label: string;
	x: number;
	y: number;
	color?: string;
}
