import { describe, expect, it } from 'vitest';
import {
	Sampler,
	deterministic,
	distMean,
	distVariance,
	empirical,
	expZiggurat,
	exponential,
	gamma,
	invNormal,
	lognormal,
	never
} from '../../src/lib/core/distributions';
import type { Dist } from '../../src/lib/core/engine-config';
import { Stream } from '../../src/lib/core/rng';

/**
 * Sample mean and variance against the distribution's own mean and variance. Tolerances: the mean within
 * 4 standard errors (sd / sqrt(n)); the variance within 4 standard errors of the sample variance,
 * estimated from the sample's 4th central moment (Var(s^2) ~ (m4 - s^4) / n).
 */
function check(d: Dist, n = 400_000, seed = 1): void {
	const s = new Sampler(d);
	const rng = Stream.named(seed, 0, 'dist-test');
	const xs = new Float64Array(n);
	let sum = 0;
	for (let i = 0; i < n; i++) {
		xs[i] = s.sample(rng.next(), rng);
		sum += xs[i];
	}
	const m = sum / n;
	let m2 = 0;
	let m4 = 0;
	for (let i = 0; i < n; i++) {
		const e = xs[i] - m;
		m2 += e * e;
		m4 += e * e * e * e;
	}
	m2 /= n;
	m4 /= n;
	const mean = distMean(d);
	const v = distVariance(d);
	if (v === 0) {
		for (let i = 0; i < 10; i++) expect(xs[i]).toBe(mean);
		return;
	}
	expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(m2 / n));
	expect(Math.abs(m2 - v)).toBeLessThan(4 * Math.sqrt((m4 - m2 * m2) / n));
}

describe('distributions: means and variances', () => {
	it('exponential', () => check(exponential(180)));
	it('lognormal (cv 0.6 and 1.0)', () => {
		check(lognormal(240, 0.6));
		check(lognormal(21600, 1), 400_000, 2);
	});
	it('gamma (shape > 1, shape < 1)', () => {
		check(gamma(720, 0.5));
		check(gamma(100, 1.5), 400_000, 3);
	});
	it('deterministic', () => check(deterministic(42)));
	it('empirical table', () => {
		const d = empirical([10, 20, 60], [1, 2, 1]);
		expect(d.mean).toBeCloseTo(27.5, 12);
		check(d);
	});
	it('never is infinite', () => {
		const s = new Sampler(never());
		expect(s.sample(0.3, Stream.named(1, 0, 'x'))).toBe(Infinity);
		expect(distMean(never())).toBe(Infinity);
	});
	it('inverse normal CDF matches known quantiles', () => {
		expect(invNormal(0.5)).toBeCloseTo(0, 9);
		expect(invNormal(0.975)).toBeCloseTo(1.959963985, 7);
		expect(invNormal(0.01)).toBeCloseTo(-2.326347874, 7);
		expect(invNormal(1e-6)).toBeCloseTo(-4.753424309, 6);
	});
	it('ziggurat exponential: mean, variance and the CDF at layer edges, in the tail and beyond R', () => {
		// mean 1 and E x^2 = 2 within 4 SE (Var(x) = 1, Var(x^2) = 24 - 4 = 20); the empirical CDF at
		// each point within 4 binomial SE; 2M draws reach the tail beyond R = 7.697 about 900 times
		const n = 2_000_000;
		const rng = Stream.named(5, 0, 'zig-test');
		const pts = [0.01, 0.1, 0.5, 1, 2, 3, 5, 7, 7.697, 8.5, 10];
		const below = pts.map(() => 0);
		let sum = 0;
		let sum2 = 0;
		for (let i = 0; i < n; i++) {
			const x = expZiggurat(rng);
			expect(x >= 0).toBe(true);
			sum += x;
			sum2 += x * x;
			for (let k = 0; k < pts.length; k++) if (x <= pts[k]) below[k]++;
		}
		const m = sum / n;
		expect(Math.abs(m - 1)).toBeLessThan(4 / Math.sqrt(n));
		expect(Math.abs(sum2 / n - 2)).toBeLessThan(4 * Math.sqrt(20 / n));
		pts.forEach((x, k) => {
			const p = 1 - Math.exp(-x);
			expect(Math.abs(below[k] / n - p), `P(X <= ${x})`).toBeLessThan(
				4 * Math.sqrt((p * (1 - p)) / n) + 1e-12
			);
		});
	});
});
