/** The fan chart's data: medians with their 10th-90th percentile band over days or intervals. */
import type { MarkerShape } from '../types';

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
