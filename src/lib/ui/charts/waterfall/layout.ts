/** The waterfall's layout: running totals of its steps, and the value axis they need. */
import { domainOf } from '../basics';

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
	return domainOf(vals);
}
