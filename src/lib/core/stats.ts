/**
 * Statistics across replications: Welford accumulators, Student-t and Wilson intervals, percentiles,
 * paired differences between drafts (common random numbers), daily fan-chart bands, and the
 * stopping rule. Pure core: no DOM, no Node.
 *
 * Determinism: `RunAccumulator` takes replications strictly in replication order (rep 0, 1, 2, ...)
 * and every statistic is a function of that ordered sequence only. The pool buffers out-of-order
 * chunks and feeds the accumulator the contiguous prefix, so a summary is bit-identical for any
 * number of workers and any chunk size. (Chan's merge of two accumulators is provided and tested,
 * but merging per-chunk accumulators would make the last bits depend on the chunking, so the
 * summaries do not use it.)
 *
 * Missing data: a replication with no data for a metric (no surveys returned, no contact offered,
 * a clause the draft does not have) writes NaN in its row. The summaries leave NaN out of that
 * metric only: its mean, interval, percentiles and paired differences use the replications that had
 * data, `n` counts them (of `replications`), and with none the summary's numbers are NaN (`null` in
 * JSON, "n/a" in the app).
 *
 * Percentile definition: Hyndman & Fan type 7 (the default of R, NumPy and Excel's PERCENTILE.INC):
 * for sorted x[0..n-1] and probability p, h = (n - 1) p, value = x[floor h] + (h - floor h) *
 * (x[floor h + 1] - x[floor h]).
 */

import { METRICS, METRIC_COUNT, type MetricKind } from './metrics';
import { lnGamma, lnUpperGamma } from './special';

/* ------------------------------------------------------------------------------------------ */
/* Welford                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** Running mean and variance (Welford 1962); mergeable by Chan et al.'s pairwise formula. */
export class Welford {
	n = 0;
	mean = 0;
	/** Sum of squared deviations from the running mean. */
	m2 = 0;
	min = Infinity;
	max = -Infinity;

	push(x: number): void {
		this.n++;
		const d = x - this.mean;
		this.mean += d / this.n;
		this.m2 += d * (x - this.mean);
		if (x < this.min) this.min = x;
		if (x > this.max) this.max = x;
	}

	/** Fold `other` into this accumulator (Chan, Golub & LeVeque 1979). Returns this. */
	merge(other: Welford): this {
		if (other.n === 0) return this;
		if (this.n === 0) {
			this.n = other.n;
			this.mean = other.mean;
			this.m2 = other.m2;
			this.min = other.min;
			this.max = other.max;
			return this;
		}
		const n = this.n + other.n;
		const d = other.mean - this.mean;
		this.mean += (d * other.n) / n;
		this.m2 += other.m2 + (d * d * this.n * other.n) / n;
		this.n = n;
		if (other.min < this.min) this.min = other.min;
		if (other.max > this.max) this.max = other.max;
		return this;
	}

	/** Sample variance (n - 1 denominator); NaN when n < 2. */
	get variance(): number {
		return this.n > 1 ? this.m2 / (this.n - 1) : NaN;
	}

	get sd(): number {
		return Math.sqrt(this.variance);
	}

	/** Half-width of the 95 % Student-t interval of the mean; NaN when n < 2. */
	get halfWidth95(): number {
		return this.n > 1 ? (tCritical95(this.n - 1) * this.sd) / Math.sqrt(this.n) : NaN;
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Distributions: log-gamma, incomplete beta, Student t, normal                                */
/* ------------------------------------------------------------------------------------------ */

/** Continued fraction of the incomplete beta (modified Lentz). */
function betaCf(a: number, b: number, x: number): number {
	const TINY = 1e-300;
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < TINY) d = TINY;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 10000; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 1e-16) break;
	}
	return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const lbt = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
	if (x < (a + 1) / (a + b + 2)) return (Math.exp(lbt) * betaCf(a, b, x)) / a;
	return 1 - (Math.exp(lbt) * betaCf(b, a, 1 - x)) / b;
}

/** Student-t cumulative distribution function with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
	const x = df / (df + t * t);
	const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

/** Student-t density. */
export function tPdf(t: number, df: number): number {
	const lc = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
	return Math.exp(lc - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Standard normal quantile (Acklam's rational approximation refined by one Halley step). */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
	const a = [
		-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
		2.506628277459239
	];
	const b = [
		-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572
	];
	const c = [
		-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
		2.938163982698783
	];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const pl = 0.02425;
	let x: number;
	if (p < pl) {
		const q = Math.sqrt(-2 * Math.log(p));
		x =
			(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p <= 1 - pl) {
		const q = p - 0.5;
		const r = q * q;
		x =
			((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x =
			-(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	// Halley refinement with Phi(x) = 0.5 erfc(-x / sqrt 2).
	const e = 0.5 * erfc(-x / Math.SQRT2) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	return x - u / (1 + (x * u) / 2);
}

/** Complementary error function via the regularised incomplete gamma: erfc(x) = Q(1/2, x^2) for x >= 0. */
export function erfc(x: number): number {
	const q = Math.exp(lnUpperGamma(0.5, x * x) - lnGamma(0.5));
	return x >= 0 ? q : 2 - q;
}

/**
 * Student-t quantile: the t with P(T <= t) = p for `df` > 0 degrees of freedom (real df allowed).
 * Exact closed forms for df = 1 and 2; otherwise Newton iterations on the exact CDF (incomplete
 * beta) from a Cornish-Fisher start, safeguarded by bisection. Accurate to about 1e-12.
 */
export function tQuantile(p: number, df: number): number {
	if (!(df > 0) || !(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	if (p === 0.5) return 0;
	if (df === 1) return Math.tan(Math.PI * (p - 0.5));
	if (df === 2) {
		const a = 4 * p * (1 - p);
		return 2 * (p - 0.5) * Math.sqrt(2 / a);
	}
	if (df > 1e7) return normalQuantile(p);
	// Solve in the upper tail for symmetry and accuracy.
	const upper = p > 0.5;
	const q = upper ? p : 1 - p;
	const z = normalQuantile(q);
	const z2 = z * z;
	// Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5).
	let x =
		z +
		(z * (z2 + 1)) / (4 * df) +
		(z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
		(z * (3 * z2 * z2 * z2 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df * df * df);
	let lo = 0;
	let hi = Math.max(2 * x, 1);
	while (tCdf(hi, df) < q) hi *= 2;
	if (!(x > lo && x < hi)) x = (lo + hi) / 2;
	for (let i = 0; i < 100; i++) {
		const f = tCdf(x, df) - q;
		if (f < 0) lo = x;
		else hi = x;
		let next = x - f / tPdf(x, df);
		if (!(next > lo && next < hi)) next = (lo + hi) / 2;
		if (Math.abs(next - x) <= 1e-14 * Math.max(1, Math.abs(x))) {
			x = next;
			break;
		}
		x = next;
	}
	return upper ? x : -x;
}

const T95_CACHE: number[] = [];

/** The 97.5 % t quantile for a two-sided 95 % interval with `df` degrees of freedom (cached for integer df). */
export function tCritical95(df: number): number {
	if (Number.isInteger(df) && df > 0 && df < 100000) {
		const hit = T95_CACHE[df];
		if (hit !== undefined) return hit;
		return (T95_CACHE[df] = tQuantile(0.975, df));
	}
	return tQuantile(0.975, df);
}

/** z for a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/* ------------------------------------------------------------------------------------------ */
/* Intervals, percentiles, probabilities                                                       */
/* ------------------------------------------------------------------------------------------ */

/** Wilson score interval for k successes in n trials (default 95 %). [0, 1] when n = 0. */
export function wilson(k: number, n: number, z = Z95): [number, number] {
	if (n <= 0) return [0, 1];
	const p = k / n;
	const z2 = z * z;
	const den = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / den;
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
	return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface Probability {
	/** Replications where the event happened. */
	k: number;
	n: number;
	p: number;
	/** Wilson 95 % interval of p. */
	ci95: [number, number];
}

/** The probability of an event from k occurrences in n replications, with its Wilson interval. */
export function probability(k: number, n: number): Probability {
	return { k, n, p: n > 0 ? k / n : NaN, ci95: wilson(k, n) };
}

/** Percentile of an ascending-sorted sample, Hyndman & Fan type 7 (see the file header). NaN when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	if (n === 1 || p <= 0) return sorted[0];
	if (p >= 1) return sorted[n - 1];
	const h = (n - 1) * p;
	const i = Math.floor(h);
	const frac = h - i;
	return frac === 0 ? sorted[i] : sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

/** Percentile of an unsorted sample (copies and sorts). */
export function percentile(values: ArrayLike<number>, p: number): number {
	return percentileSorted(Float64Array.from(values).sort(), p);
}

/** Two-pass mean and sample variance (reference implementation, used by tests). */
export function twoPass(values: ArrayLike<number>): { n: number; mean: number; variance: number } {
	const n = values.length;
	let s = 0;
	for (let i = 0; i < n; i++) s += values[i];
	const mean = s / n;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
	return { n, mean, variance: n > 1 ? ss / (n - 1) : NaN };
}

/** A 95 % Student-t interval of the mean from an accumulator; [NaN, NaN] when n < 2. */
export function tInterval(w: Welford): [number, number] {
	const h = w.halfWidth95;
	return [w.mean - h, w.mean + h];
}

/**
 * A 95 % interval of the mean of values in [0, 1] (a fraction per replication) that stays inside
 * [0, 1]: the Student-t interval on the logit scale by the delta method (half-width
 * t s / (sqrt(n) m (1 - m))), mapped back. Away from the bounds it equals the t interval to first
 * order; near them it is asymmetric, as the sampling distribution is. A mean on a bound (every
 * value 0, or every value 1) has sd 0 and a zero-width interval. [NaN, NaN] when n < 2.
 */
export function logitInterval(w: Welford): [number, number] {
	const h = w.halfWidth95;
	const m = w.mean;
	if (!(h > 0) || !(m > 0 && m < 1)) {
		const [lo, hi] = tInterval(w);
		return [Math.max(0, lo), Math.min(1, hi)];
	}
	const centre = Math.log(m / (1 - m));
	const hl = h / (m * (1 - m));
	return [1 / (1 + Math.exp(hl - centre)), 1 / (1 + Math.exp(-centre - hl))];
}

/* ------------------------------------------------------------------------------------------ */
/* Summaries                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** One metric of one draft across replications. */
export interface MetricSummary {
	/** Replications with data for this metric (NaN in a row means none); the rest are left out of it. */
	n: number;
	/** Replications summarised, with or without data for this metric. */
	replications: number;
	mean: number;
	sd: number;
	/**
	 * 95 % interval of the mean: Student t; for fractions the logit interval (inside [0, 1]); for
	 * flags the Wilson interval of the share.
	 */
	ci95: [number, number];
	/** Half-width of the Student-t interval (NaN when n < 2). */
	halfWidth: number;
	p5: number;
	p10: number;
	p50: number;
	p90: number;
	p95: number;
	min: number;
	max: number;
	/**
	 * Present for flags (slaMet, watermelon, the per-metric met flags: metrics of kind 'flag' when the
	 * rows are METRIC_COUNT long; otherwise any column whose values are all 0 or 1): the share of
	 * replications with the flag set, with its Wilson interval (better than t near 0 and 1).
	 */
	share?: Probability;
}

/** A paired difference (draft b - draft a) of one metric on common random numbers. */
export interface DiffSummary {
	n: number;
	/** Mean of the per-replication differences b - a. */
	mean: number;
	sd: number;
	/** 95 % Student-t interval of the mean difference. */
	ci95: [number, number];
	halfWidth: number;
	/** True when ci95 excludes 0. */
	significant: boolean;
}

/** Fan-chart bands of a draft's daily table: P10/P50/P90 across replications, same layout as one daily row. */
export interface DailyBands {
	p10: Float64Array;
	p50: Float64Array;
	p90: Float64Array;
}

export interface DraftSummary {
	/** One entry per metric, indexed like the scalars row (METRIC_INDEX). */
	metrics: MetricSummary[];
	/** Only when bands were requested and the rows carry daily tables. */
	bands?: DailyBands;
	/** Per-replication values of the requested metrics (metric index -> values in replication order), for distributions. */
	values?: Record<number, Float64Array>;
}

export interface PairSummary {
	a: number;
	b: number;
	/** Per metric: draft b minus draft a. */
	metrics: DiffSummary[];
}

export interface RunSummary {
	/** Replications summarised (0..n-1). */
	n: number;
	/** Contacts simulated over those replications (all drafts). */
	contacts: number;
	/** n at which the stopping rule's precision was first met, or null. */
	precisionReachedAt: number | null;
	drafts: DraftSummary[];
	/** Every pair a < b of drafts. */
	pairs: PairSummary[];
}

/** One replication's output, the unit the statistics consume (replication.ts's ReplicationOutput plus its rep). */
export interface ReplicationRow {
	rep: number;
	contacts: number;
	/** `monthly`: a term's months x metrics (replication.ts). */
	drafts: { scalars: Float64Array; daily?: Float64Array; monthly?: Float64Array }[];
}

/** Stopping rule: stop once the chosen metric's 95 % CI half-width / |mean| <= relHalfWidth in every draft. */
export interface StoppingRule {
	/** Index of the metric in the scalars row (e.g. METRIC_INDEX.clientTotalCost). */
	metric: number;
	/** Target relative half-width, e.g. 0.01 for "within 1 %". */
	relHalfWidth: number;
	/** Never stop before this many replications (default 10): guards against a lucky small sample. */
	minReps?: number;
}

/** Relative half-width of a 95 % interval: halfWidth / |mean| (0 when both are 0, Infinity when n < 2). */
export function relativeHalfWidth(w: Welford): number {
	if (w.n < 2) return Infinity;
	const h = w.halfWidth95;
	if (h === 0) return 0;
	return h / Math.abs(w.mean);
}

/** Has the stopping rule's precision been reached by these per-draft accumulators of its metric? */
export function precisionReached(perDraft: Welford[], rule: StoppingRule): boolean {
	if (perDraft.length === 0 || perDraft[0].n < Math.max(2, rule.minReps ?? 10)) return false;
	for (const w of perDraft) if (!(relativeHalfWidth(w) <= rule.relHalfWidth)) return false;
	return true;
}

/** Sorted copy of `values` without its NaNs (typed-array sort puts NaN last). */
function sortedData(values: Float64Array): Float64Array {
	const sorted = values.slice().sort();
	let n = sorted.length;
	while (n > 0 && sorted[n - 1] !== sorted[n - 1]) n--;
	return sorted.subarray(0, n);
}

/** `kind` 'flag' makes `ones` the count of ones; -1 means the column is not a 0/1 flag. */
function summariseColumn(
	w: Welford,
	column: Float64Array,
	ones: number,
	kind: MetricKind | null
): MetricSummary {
	const sorted = sortedData(column);
	const share = ones >= 0 && w.n > 0 ? probability(ones, w.n) : undefined;
	const s: MetricSummary = {
		n: w.n,
		replications: column.length,
		mean: w.n > 0 ? w.mean : NaN,
		sd: w.sd,
		ci95: share ? [share.ci95[0], share.ci95[1]] : kind === 'fraction' ? logitInterval(w) : tInterval(w),
		halfWidth: w.halfWidth95,
		p5: percentileSorted(sorted, 0.05),
		p10: percentileSorted(sorted, 0.1),
		p50: percentileSorted(sorted, 0.5),
		p90: percentileSorted(sorted, 0.9),
		p95: percentileSorted(sorted, 0.95),
		min: w.n > 0 ? w.min : NaN,
		max: w.n > 0 ? w.max : NaN
	};
	if (share) s.share = share;
	return s;
}

/**
 * The summary of a paired difference accumulated in `w`: mean, t interval, and whether it excludes 0.
 * `bounded`: both sides lie in [0, 1] (flags, fractions), so the difference lies in [-1, 1] and so does its interval.
 */
export function summariseDiff(w: Welford, bounded = false): DiffSummary {
	const ci95 = tInterval(w);
	if (bounded) {
		ci95[0] = Math.max(-1, ci95[0]);
		ci95[1] = Math.min(1, ci95[1]);
	}
	return {
		n: w.n,
		mean: w.n > 0 ? w.mean : NaN,
		sd: w.sd,
		ci95,
		halfWidth: w.halfWidth95,
		significant: w.n > 1 && (ci95[0] > 0 || ci95[1] < 0)
	};
}

/**
 * Accumulates replications strictly in replication order and summarises them. Keeps each
 * metric's column (for percentiles) and each draft's daily rows (for bands).
 */
export class RunAccumulator {
	readonly draftCount: number;
	readonly metricCount: number;
	n = 0;
	contacts = 0;
	/** n at which the stopping rule first held (checked after every replication), or null. */
	precisionReachedAt: number | null = null;
	private readonly welf: Welford[];
	private readonly diffs: Welford[];
	private readonly pairs: [number, number][] = [];
	private columns: Float64Array[];
	/** Count of ones per column, or -1 once a value other than 0/1 was seen. */
	private readonly ones: Float64Array;
	private readonly daily: Float64Array[][];
	private readonly stop?: StoppingRule;
	/** Each draft's accumulator of the stopping rule's metric (empty without a rule). */
	private readonly stopMetric: Welford[];
	/** Each metric's kind (from metrics.ts) when the rows are METRIC_COUNT long, else null (0/1 columns are detected). */
	private readonly kinds: MetricKind[] | null;

	constructor(draftCount: number, metricCount: number, stop?: StoppingRule) {
		this.draftCount = draftCount;
		this.metricCount = metricCount;
		this.stop = stop;
		const cells = draftCount * metricCount;
		this.welf = Array.from({ length: cells }, () => new Welford());
		this.columns = Array.from({ length: cells }, () => new Float64Array(16));
		this.ones = new Float64Array(cells);
		for (let a = 0; a < draftCount; a++) for (let b = a + 1; b < draftCount; b++) this.pairs.push([a, b]);
		this.diffs = Array.from({ length: this.pairs.length * metricCount }, () => new Welford());
		this.daily = Array.from({ length: draftCount }, () => []);
		this.kinds = metricCount === METRIC_COUNT ? METRICS.map((m) => m.kind) : null;
		this.stopMetric = stop
			? Array.from({ length: draftCount }, (_, d) => this.welf[d * metricCount + stop.metric])
			: [];
	}

	/** Add the next replication; `row.rep` must equal the number already added. */
	add(row: ReplicationRow): void {
		if (row.rep !== this.n) throw new Error(`RunAccumulator: expected replication ${this.n}, got ${row.rep}`);
		if (row.drafts.length !== this.draftCount)
			throw new Error(`RunAccumulator: expected ${this.draftCount} drafts, got ${row.drafts.length}`);
		const M = this.metricCount;
		const i = this.n;
		if (i === this.columns[0].length) {
			this.columns = this.columns.map((c) => {
				const g = new Float64Array(c.length * 2);
				g.set(c);
				return g;
			});
		}
		for (let d = 0; d < this.draftCount; d++) {
			const s = row.drafts[d].scalars;
			if (s.length !== M)
				throw new Error(`RunAccumulator: draft ${d} has ${s.length} scalars, expected ${M}`);
			for (let m = 0; m < M; m++) {
				const cell = d * M + m;
				const x = s[m];
				this.columns[cell][i] = x;
				if (x !== x) continue; // no data in this replication
				this.welf[cell].push(x);
				if (this.ones[cell] >= 0) {
					if (x === 1) this.ones[cell]++;
					else if (x !== 0) this.ones[cell] = -1;
				}
			}
			const daily = row.drafts[d].daily;
			if (daily) this.daily[d].push(daily);
		}
		for (let p = 0; p < this.pairs.length; p++) {
			const a = row.drafts[this.pairs[p][0]].scalars;
			const b = row.drafts[this.pairs[p][1]].scalars;
			for (let m = 0; m < M; m++) {
				const d = b[m] - a[m];
				if (d === d) this.diffs[p * M + m].push(d);
			}
		}
		this.n++;
		this.contacts += row.contacts;
		if (this.stop && this.precisionReachedAt === null && precisionReached(this.stopMetric, this.stop))
			this.precisionReachedAt = this.n;
	}

	/** The values of one draft's metric in replication order (a view; do not keep across add()). */
	column(draft: number, metric: number): Float64Array {
		return this.columns[draft * this.metricCount + metric].subarray(0, this.n);
	}

	/** P10/P50/P90 per cell of the daily table across replications, or undefined without daily rows. */
	bands(draft: number): DailyBands | undefined {
		const rows = this.daily[draft];
		if (rows.length === 0) return undefined;
		const L = rows[0].length;
		const out: DailyBands = { p10: new Float64Array(L), p50: new Float64Array(L), p90: new Float64Array(L) };
		const tmp = new Float64Array(rows.length);
		for (let j = 0; j < L; j++) {
			for (let r = 0; r < rows.length; r++) tmp[r] = rows[r][j];
			const sorted = sortedData(tmp);
			out.p10[j] = percentileSorted(sorted, 0.1);
			out.p50[j] = percentileSorted(sorted, 0.5);
			out.p90[j] = percentileSorted(sorted, 0.9);
		}
		return out;
	}

	/** Does this draft's metric lie in [0, 1]: a fraction, or a flag (a 0/1 column when kinds are unknown)? */
	private bounded(draft: number, metric: number): boolean {
		const kind = this.kinds?.[metric];
		if (kind === 'fraction') return true;
		if (kind && kind !== 'flag') return false;
		return this.ones[draft * this.metricCount + metric] >= 0;
	}

	/** The summary of the replications added so far. */
	summary(opts: { bands?: boolean; values?: readonly number[] } = {}): RunSummary {
		const M = this.metricCount;
		const drafts: DraftSummary[] = [];
		for (let d = 0; d < this.draftCount; d++) {
			const metrics: MetricSummary[] = [];
			for (let m = 0; m < M; m++) {
				const cell = d * M + m;
				const kind = this.kinds ? this.kinds[m] : null;
				const ones = kind && kind !== 'flag' ? -1 : this.ones[cell];
				metrics.push(summariseColumn(this.welf[cell], this.column(d, m), ones, kind));
			}
			const ds: DraftSummary = { metrics };
			if (opts.values?.length)
				ds.values = Object.fromEntries(opts.values.map((m) => [m, this.column(d, m).slice()]));
			if (opts.bands) {
				const b = this.bands(d);
				if (b) ds.bands = b;
			}
			drafts.push(ds);
		}
		const pairs: PairSummary[] = this.pairs.map(([a, b], p) => ({
			a,
			b,
			metrics: Array.from({ length: M }, (_, m) =>
				summariseDiff(this.diffs[p * M + m], this.bounded(a, m) && this.bounded(b, m))
			)
		}));
		return { n: this.n, contacts: this.contacts, precisionReachedAt: this.precisionReachedAt, drafts, pairs };
	}
}

/**
 * Summarise replications given in replication order (rows[i].rep === i), in one pass.
 * With a stopping rule, only the replications up to the point where it held are summarised.
 */
export function summarise(
	rows: readonly ReplicationRow[],
	opts: { stop?: StoppingRule; bands?: boolean; values?: readonly number[] } = {}
): RunSummary {
	if (rows.length === 0) throw new Error('summarise: no replications');
	const acc = new RunAccumulator(rows[0].drafts.length, rows[0].drafts[0].scalars.length, opts.stop);
	for (const row of rows) {
		if (acc.precisionReachedAt !== null) break;
		acc.add(row);
	}
	return acc.summary({ bands: opts.bands, values: opts.values });
}
