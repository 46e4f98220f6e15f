/**
 * The plain data every chart shares (tooltips, legend, props, data table); each chart's own data
 * shape is in its folder. Nothing here knows the engine: the results view maps the simulation's
 * summaries into these shapes.
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
