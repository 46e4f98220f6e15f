/** The histogram's layout: shared bins for several distributions, and the share beyond a threshold. */
import { domainOf, textWidth, wrapLabel } from '../basics';

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
	let [lo, hi] = domainOf(all);
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

/**
 * 1, 2, 2.5 or 5 times a power of ten, at least `raw`. Not d3's tickStep: that one rounds to the
 * nearest 1, 2 or 5 (so bins could be wider or narrower than asked) and never gives 2.5.
 */
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

/** Font sizes of a panel's heading: the draft's name, and its summary (mean, chance beyond the threshold). */
export const HEADING_FONT = 14;
export const SUMMARY_FONT = 13;
const LINE = 17;
/** Space above a panel's plot for a one-line heading, px. */
export const HEADING_ONE_LINE = 24;

export interface PanelHeading {
	/** The summary follows the name on its line; else it takes `summaryLines` below it. */
	sameLine: boolean;
	summaryLines: string[];
	/** Height above the plot, px: every line sits above the panel, never on its bars or its axis. */
	height: number;
}

/**
 * A panel's heading in a plot `width` px wide: the name and the summary on one line when both fit
 * (with a gap), else the summary wrapped on up to two lines below the name.
 */
export function panelHeading(label: string, summary: string, width: number): PanelHeading {
	// the colour swatch before the name takes about 20 px, the gap before the summary 10
	if (!summary || 20 + textWidth(label, HEADING_FONT) + 10 + textWidth(summary, SUMMARY_FONT) <= width)
		return { sameLine: true, summaryLines: [], height: HEADING_ONE_LINE };
	const summaryLines = wrapLabel(summary.replace(' · ', ', '), width, SUMMARY_FONT, 2);
	return { sameLine: false, summaryLines, height: HEADING_ONE_LINE + LINE * summaryLines.length };
}

/** Panels stacked top to bottom with their headings above them and `gap` px between. */
export function stackPanels(
	headings: number[],
	innerHeight: number,
	gap: number
): Array<{ top: number; h: number }> {
	const n = headings.length;
	const h = Math.max(10, (innerHeight - gap * (n - 1) - headings.reduce((a, b) => a + b, 0)) / n);
	const out: Array<{ top: number; h: number }> = [];
	let y = 0;
	for (const head of headings) {
		out.push({ top: y + head, h });
		y += head + h + gap;
	}
	return out;
}
