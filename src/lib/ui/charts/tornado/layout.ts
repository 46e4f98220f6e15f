/** The tornado's layout: rows ordered by swing. */

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
