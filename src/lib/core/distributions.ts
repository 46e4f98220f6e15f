/**
 * Distributions of non-negative quantities (seconds), each given by mean and coefficient of variation:
 * deterministic, exponential, lognormal, gamma, empirical table, and "never" (Infinity). Each exposes
 * its mean and variance, and a sampler driven by ONE uniform where an inverse CDF exists
 * (exponential, lognormal via an inverse normal CDF, empirical, deterministic) so that a customer's
 * pre-drawn uniform maps to the same value under every draft. Gamma (no closed-form inverse) uses
 * Marsaglia-Tsang and draws what it needs from a stream.
 */
import { DistKind, type Dist } from './engine-config';
import { U_OPEN_MIN, type Stream } from './rng';

export function deterministic(value: number): Dist {
	return { kind: DistKind.DETERMINISTIC, mean: value, cv: 0 };
}
export function exponential(mean: number): Dist {
	return { kind: DistKind.EXPONENTIAL, mean, cv: 1 };
}
export function lognormal(mean: number, cv: number): Dist {
	return { kind: DistKind.LOGNORMAL, mean, cv };
}
export function gamma(mean: number, cv: number): Dist {
	return { kind: DistKind.GAMMA, mean, cv };
}
export function never(): Dist {
	return { kind: DistKind.NEVER, mean: Infinity, cv: 0 };
}
/** An empirical table: `values[i]` with weight `weights[i]`. Mean and cv are computed. */
export function empirical(values: ArrayLike<number>, weights: ArrayLike<number>): Dist {
	if (values.length === 0 || values.length !== weights.length)
		throw new Error('empirical: values and weights must be non-empty and of equal length');
	const v = Float64Array.from(values);
	const w = Float64Array.from(weights);
	let sw = 0;
	for (let i = 0; i < w.length; i++) {
		if (!(w[i] >= 0)) throw new Error('empirical: weights must be >= 0');
		sw += w[i];
	}
	if (!(sw > 0)) throw new Error('empirical: weights must not all be 0');
	let m = 0;
	for (let i = 0; i < v.length; i++) m += (v[i] * w[i]) / sw;
	let s2 = 0;
	for (let i = 0; i < v.length; i++) s2 += ((v[i] - m) * (v[i] - m) * w[i]) / sw;
	return { kind: DistKind.EMPIRICAL, mean: m, cv: m > 0 ? Math.sqrt(s2) / m : 0, values: v, probs: w };
}

export function distMean(d: Dist): number {
	return d.kind === DistKind.NEVER ? Infinity : d.mean;
}
export function distVariance(d: Dist): number {
	switch (d.kind) {
		case DistKind.NEVER:
		case DistKind.DETERMINISTIC:
			return 0;
		case DistKind.EXPONENTIAL:
			return d.mean * d.mean;
		default:
			return d.mean * d.cv * d.mean * d.cv;
	}
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9),
 * u in (0, 1). Only the tails (u < 0.02425 or > 0.97575) take a log and a square root.
 */
export function invNormal(u: number): number {
	if (u < 0.02425 || u > 0.97575) {
		// the tails are mirror images: the lower one at min(u, 1 - u), negated for the upper one
		const lower = u < 0.5;
		const q = Math.sqrt(-2 * Math.log(lower ? u : 1 - u));
		const x =
			(((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q -
				2.549732539343734) *
				q +
				4.374664141464968) *
				q +
				2.938163982698783) /
			((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) *
				q +
				1);
		return lower ? x : -x;
	}
	const q = u - 0.5;
	const r = q * q;
	return (
		((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r +
			1.38357751867269e2) *
			r -
			3.066479806614716e1) *
			r +
			2.506628277459239) *
			q) /
		(((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r +
			6.680131188771972e1) *
			r -
			1.328068155288572e1) *
			r +
			1)
	);
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), normals by inverse CDF; shape < 1 by the boost
 * Gamma(a) = Gamma(a + 1) * U^(1/a).
 */
export function gammaStd(shape: number, rng: Stream): number {
	let boost = 1;
	let a = shape;
	if (a < 1) {
		boost = Math.pow(rng.nextOpen(), 1 / a);
		a += 1;
	}
	const d = a - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const x = invNormal(rng.nextOpen());
		const v0 = 1 + c * x;
		if (v0 <= 0) continue;
		const v = v0 * v0 * v0;
		const u = rng.nextOpen();
		const x2 = x * x;
		if (u < 1 - 0.0331 * x2 * x2) return d * v * boost;
		if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * boost;
	}
}

/**
 * A distribution compiled for the hot path: `kind`, two numeric parameters and the empirical table
 * (cumulative probabilities and values; empty arrays otherwise), all monomorphic.
 *   DETERMINISTIC: a = value. EXPONENTIAL: a = mean. LOGNORMAL: a = mu, b = sigma.
 *   GAMMA: a = shape, b = scale. EMPIRICAL: cdf/values. NEVER: -.
 */
export class Sampler {
	kind: number;
	a = 0;
	b = 0;
	cdf: Float64Array;
	values: Float64Array;

	constructor(d: Dist) {
		// a lognormal or gamma with cv 0 is its mean
		if ((d.kind === DistKind.LOGNORMAL || d.kind === DistKind.GAMMA) && d.cv === 0) d = deterministic(d.mean);
		this.kind = d.kind;
		this.cdf = new Float64Array(0);
		this.values = new Float64Array(0);
		switch (d.kind) {
			case DistKind.DETERMINISTIC:
			case DistKind.EXPONENTIAL:
				this.a = d.mean;
				break;
			case DistKind.LOGNORMAL: {
				const s2 = Math.log(1 + d.cv * d.cv);
				this.a = Math.log(d.mean) - s2 / 2;
				this.b = Math.sqrt(s2);
				break;
			}
			case DistKind.GAMMA:
				this.a = 1 / (d.cv * d.cv);
				this.b = d.mean / this.a;
				break;
			case DistKind.EMPIRICAL: {
				const w = d.probs!;
				const v = d.values!;
				let s = 0;
				for (let i = 0; i < w.length; i++) s += w[i];
				this.cdf = new Float64Array(w.length);
				let acc = 0;
				for (let i = 0; i < w.length; i++) this.cdf[i] = acc += w[i] / s;
				this.cdf[w.length - 1] = 1;
				this.values = Float64Array.from(v);
				break;
			}
		}
	}

	/** A value from one uniform u in [0, 1) (GAMMA draws from `rng` instead). */
	sample(u: number, rng: Stream): number {
		switch (this.kind) {
			case DistKind.EXPONENTIAL:
				return -this.a * Math.log(1 - u);
			case DistKind.DETERMINISTIC:
				return this.a;
			case DistKind.LOGNORMAL:
				return Math.exp(this.a + this.b * invNormal(u > 0 ? u : U_OPEN_MIN));
			case DistKind.GAMMA:
				return gammaStd(this.a, rng) * this.b;
			case DistKind.EMPIRICAL: {
				const cdf = this.cdf;
				let i = 0;
				while (u >= cdf[i] && i < cdf.length - 1) i++;
				return this.values[i];
			}
			default:
				return Infinity;
		}
	}
}

/*
 * Exponential(1) by the ziggurat method (Marsaglia & Tsang 2000, 256 layers), one alea draw per value in
 * ~98.9 % of cases, no logarithm. Following Doornik (2005), the layer comes from the low 8 bits of the
 * 32-bit draw and the position within the layer from the other 24 bits, so the two are independent.
 * For processes that need an exponential but no inverse CDF (the first-contact arrival stream); a
 * customer's own quantities keep inverse CDFs of one uniform (see engine.ts, CRN).
 */
const ZIG_M = 16777216; // 2^24
const zigK = new Float64Array(256);
const zigW = new Float64Array(256);
const zigF = new Float64Array(256);
const ZIG_R = 7.697117470131487;
{
	const ve = 3.949659822581572e-3;
	let de = ZIG_R;
	let te = de;
	const q = ve / Math.exp(-de);
	zigK[0] = (de / q) * ZIG_M;
	zigK[1] = 0;
	zigW[0] = q / ZIG_M;
	zigW[255] = de / ZIG_M;
	zigF[0] = 1;
	zigF[255] = Math.exp(-de);
	for (let i = 254; i >= 1; i--) {
		de = -Math.log(ve / de + Math.exp(-de));
		zigK[i + 1] = (de / te) * ZIG_M;
		te = de;
		zigF[i] = Math.exp(-de);
		zigW[i] = de / ZIG_M;
	}
}

/** The ziggurat's tables, for an inline copy of `expZiggurat` (engine-textbook.ts). */
export const ZIGGURAT = { k: zigK, w: zigW, f: zigF, r: ZIG_R } as const;

/** Exponential(1) from `rng` by the ziggurat (a variable number of draws, one in ~98.9 % of cases). */
export function expZiggurat(rng: Stream): number {
	for (;;) {
		const j = rng.next() * 4294967296; // the draw's 32 bits, as an integer
		const iz = j & 255;
		const jv = j >>> 8; // the other 24 bits
		const x = jv * zigW[iz];
		if (jv < zigK[iz]) return x;
		if (iz === 0) return ZIG_R - Math.log(rng.nextOpen()); // the tail beyond R, by memorylessness
		if (zigF[iz] + rng.next() * (zigF[iz - 1] - zigF[iz]) < Math.exp(-x)) return x;
	}
}
