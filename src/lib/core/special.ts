/**
 * Special functions in log space, shared by the queueing formulas (erlang.ts) and the statistics
 * (stats.ts): ln Gamma and the incomplete gamma functions.
 */

const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/** ln Gamma(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function lnGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
	const z = x - 1;
	let s = LANCZOS[0];
	for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln of the lower series sum: gamma(a,z) = z^a e^-z sum_{k>=0} z^k / (a (a+1) ... (a+k)). */
function lnLowerSeries(a: number, z: number): number {
	let term = 1 / a;
	let sum = term;
	for (let k = 1; k < 100000; k++) {
		term *= z / (a + k);
		sum += term;
		if (term < sum * 1e-17) break;
	}
	return a * Math.log(z) - z + Math.log(sum);
}

/** ln of the upper continued fraction: Gamma(a,z) = z^a e^-z * CF (modified Lentz); for z >= a + 1. */
function lnUpperFraction(a: number, z: number): number {
	const tiny = 1e-300;
	let b = z + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 1000000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 1e-16) break;
	}
	return a * Math.log(z) - z + Math.log(h);
}

/**
 * ln of the (unregularised) lower incomplete gamma function gamma(a, z) = int_0^z t^(a-1) e^-t dt,
 * for a > 0, z >= 0. Series for z < a + 1, the upper continued fraction otherwise.
 * Returns -Infinity for z = 0.
 */
export function lnLowerGamma(a: number, z: number): number {
	if (z <= 0) return -Infinity;
	if (z < a + 1) return lnLowerSeries(a, z);
	const lg = lnGamma(a);
	return lg + Math.log1p(-Math.exp(lnUpperFraction(a, z) - lg));
}

/** ln of the (unregularised) upper incomplete gamma function Gamma(a, z), for a > 0, z >= 0. */
export function lnUpperGamma(a: number, z: number): number {
	if (z >= a + 1) return lnUpperFraction(a, z);
	const lg = lnGamma(a);
	if (z <= 0) return lg;
	return lg + Math.log1p(-Math.exp(lnLowerSeries(a, z) - lg));
}
