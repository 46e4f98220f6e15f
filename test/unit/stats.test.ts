import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import {
	RunAccumulator,
	Welford,
	erfc,
	incompleteBeta,
	logitInterval,
	normalQuantile,
	percentile,
	percentileSorted,
	precisionReached,
	probability,
	summarise,
	tCdf,
	tCritical95,
	tQuantile,
	twoPass,
	wilson,
	type ReplicationRow
} from '../../src/lib/core/stats';
import { METRIC_COUNT, METRIC_INDEX } from '../../src/lib/core/metrics';

function sample(seed: string, n: number, scale = 1, offset = 0): Float64Array {
	const rng = seedrandom.alea(seed);
	const out = new Float64Array(n);
	// Lognormal-ish, skewed, with a large offset to stress cancellation.
	for (let i = 0; i < n; i++) out[i] = offset + scale * Math.exp(1.5 * (rng() + rng() + rng() - 1.5));
	return out;
}

describe('Welford', () => {
	it('matches the two-pass mean and variance, also with a large offset', () => {
		// Tolerance: Welford's relative variance error grows like n * eps * (mean / sd).
		for (const [offset, scale, tol] of [
			[0, 1, 1e-12],
			[1e9, 1, 1e-6],
			[-3e6, 250, 1e-10]
		]) {
			const x = sample(`w${offset}`, 5000, scale, offset);
			const w = new Welford();
			for (const v of x) w.push(v);
			const ref = twoPass(x);
			expect(w.n).toBe(5000);
			expect(Math.abs(w.mean - ref.mean) / Math.abs(ref.mean)).toBeLessThan(1e-13);
			expect(Math.abs(w.variance - ref.variance) / ref.variance).toBeLessThan(tol);
			expect(w.min).toBe(Math.min(...x));
			expect(w.max).toBe(Math.max(...x));
		}
	});

	it('Chan merge of two accumulators equals one pass, for any split', () => {
		const x = sample('merge', 1000, 10, 1e6);
		const one = new Welford();
		for (const v of x) one.push(v);
		for (const cut of [0, 1, 17, 500, 999, 1000]) {
			const a = new Welford();
			const b = new Welford();
			for (let i = 0; i < cut; i++) a.push(x[i]);
			for (let i = cut; i < x.length; i++) b.push(x[i]);
			a.merge(b);
			expect(a.n).toBe(one.n);
			expect(Math.abs(a.mean - one.mean) / one.mean).toBeLessThan(1e-13);
			expect(Math.abs(a.variance - one.variance) / one.variance).toBeLessThan(1e-9);
			expect(a.min).toBe(one.min);
			expect(a.max).toBe(one.max);
		}
	});

	it('variance is NaN below two values; a constant has zero variance and a zero-width interval', () => {
		const w = new Welford();
		expect(w.variance).toBeNaN();
		w.push(3);
		expect(w.variance).toBeNaN();
		w.push(3);
		w.push(3);
		expect(w.variance).toBe(0);
		expect(w.halfWidth95).toBe(0);
	});
});

describe('Student t and normal quantiles', () => {
	// Reference values: standard t tables / R qt(0.975, df), qt(0.95, df), qt(0.995, df).
	const t975: [number, number][] = [
		[1, 12.706204736174707],
		[2, 4.302652729749464],
		[3, 3.182446305284263],
		[4, 2.7764451051977934],
		[5, 2.5705818356363146],
		[9, 2.2621571627982053],
		[10, 2.2281388519862744],
		[19, 2.093024054408309],
		[29, 2.045229642132703],
		[30, 2.0422724563012373],
		[99, 1.9842169515086827],
		[1000, 1.9623390808264078]
	];
	it.each(t975)('qt(0.975, %i)', (df, v) => {
		expect(tQuantile(0.975, df)).toBeCloseTo(v, 9);
		expect(tCritical95(df)).toBeCloseTo(v, 9);
		expect(tQuantile(0.025, df)).toBeCloseTo(-v, 9);
	});
	it('other probabilities and real degrees of freedom', () => {
		expect(tQuantile(0.95, 10)).toBeCloseTo(1.8124611228107335, 9);
		expect(tQuantile(0.995, 5)).toBeCloseTo(4.032142983557536, 8);
		expect(tQuantile(0.9, 3)).toBeCloseTo(1.6377443536962102, 9);
		expect(tQuantile(0.999, 2)).toBeCloseTo(22.327124770119866, 8);
		expect(tQuantile(0.5, 7)).toBe(0);
		// Non-integer df: the CDF at the quantile returns the probability.
		expect(tCdf(tQuantile(0.975, 7.3), 7.3)).toBeCloseTo(0.975, 12);
		// Large df approaches the normal.
		expect(tQuantile(0.975, 1e8)).toBeCloseTo(1.959963984540054, 8);
	});
	it('normal quantile and erfc', () => {
		expect(erfc(0)).toBe(1);
		expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 14);
		expect(erfc(2)).toBeCloseTo(0.004677734981047266, 15);
		expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
		expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
		expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
	});
	it('incomplete beta against closed forms', () => {
		// I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b.
		expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
		expect(incompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13);
		expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 13);
	});
	it('the t interval covers the true mean at about its nominal rate (fixed seed, binomial tolerance)', () => {
		const rng = seedrandom.alea('coverage');
		const trials = 4000;
		let covered = 0;
		for (let t = 0; t < trials; t++) {
			const w = new Welford();
			// Normal(0, 1) by Box-Muller: the t interval is exact for normal data.
			for (let i = 0; i < 5; i++) w.push(Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
			if (Math.abs(w.mean) <= w.halfWidth95) covered++;
		}
		// 95 % +- 4 binomial standard errors (sd = sqrt(.95 * .05 / 4000) = 0.0034).
		expect(covered / trials).toBeGreaterThan(0.95 - 4 * 0.0034);
		expect(covered / trials).toBeLessThan(0.95 + 4 * 0.0034);
	});
});

describe('Wilson interval', () => {
	it('matches known values', () => {
		// 8/10 (R: prop.test(8, 10, correct = FALSE)$conf.int = 0.4901625 0.9433178).
		const [lo, hi] = wilson(8, 10);
		expect(lo).toBeCloseTo(0.4901625, 6);
		expect(hi).toBeCloseTo(0.9433178, 6);
		// 0 of 20: lower bound 0, upper 0.1611252 (z^2 / (n + z^2)).
		const [lo0, hi0] = wilson(0, 20);
		expect(lo0).toBe(0);
		expect(hi0).toBeCloseTo(0.1611252, 6);
		const [lo1, hi1] = wilson(20, 20);
		expect(hi1).toBe(1);
		expect(lo1).toBeCloseTo(1 - 0.1611252, 6);
		expect(wilson(0, 0)).toEqual([0, 1]);
		const p = probability(3, 12);
		expect(p.p).toBe(0.25);
		expect(p.ci95[0]).toBeLessThan(0.25);
		expect(p.ci95[1]).toBeGreaterThan(0.25);
	});
});

describe('percentiles (Hyndman-Fan type 7)', () => {
	it('matches R quantile(type = 7) / numpy.percentile', () => {
		const x = [15, 20, 35, 40, 50];
		expect(percentile(x, 0.05)).toBeCloseTo(16, 12);
		expect(percentile(x, 0.1)).toBeCloseTo(17, 12);
		expect(percentile(x, 0.4)).toBeCloseTo(29, 12);
		expect(percentile(x, 0.5)).toBe(35);
		expect(percentile(x, 0.9)).toBeCloseTo(46, 12);
		expect(percentile(x, 0.95)).toBeCloseTo(48, 12);
		expect(percentile([3, 1, 2], 0.5)).toBe(2);
		expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(percentileSorted([7], 0.9)).toBe(7);
		expect(percentileSorted([], 0.5)).toBeNaN();
		expect(percentile([1, 2, 3, 4], 0)).toBe(1);
		expect(percentile([1, 2, 3, 4], 1)).toBe(4);
	});
});

function fakeRows(n: number, drafts: number, metrics: number, days = 0): ReplicationRow[] {
	const rows: ReplicationRow[] = [];
	for (let r = 0; r < n; r++) {
		const rng = seedrandom.alea(`rows/${r}`);
		const common = rng();
		rows.push({
			rep: r,
			contacts: 100 + r,
			drafts: Array.from({ length: drafts }, (_, d) => {
				const scalars = new Float64Array(metrics);
				for (let m = 0; m < metrics; m++) scalars[m] = 1000 * (m + 1) + 50 * common + d * 10 + 5 * rng();
				scalars[metrics - 1] = rng() < 0.3 + 0.2 * d ? 1 : 0; // a flag
				const daily = days
					? Float64Array.from({ length: days * 2 }, (_, j) => j + common * 10 + d)
					: undefined;
				return { scalars, daily };
			})
		});
	}
	return rows;
}

describe('RunAccumulator and summarise', () => {
	it('summarises per metric with t intervals, percentiles and flag shares', () => {
		const rows = fakeRows(200, 2, 4, 3);
		const s = summarise(rows, { bands: true });
		expect(s.n).toBe(200);
		expect(s.contacts).toBe(rows.reduce((a, r) => a + r.contacts, 0));
		const col = rows.map((r) => r.drafts[1].scalars[2]);
		const ref = twoPass(col);
		const m = s.drafts[1].metrics[2];
		expect(m.mean).toBeCloseTo(ref.mean, 9);
		expect(m.sd).toBeCloseTo(Math.sqrt(ref.variance), 9);
		expect(m.ci95[0]).toBeCloseTo(ref.mean - tCritical95(199) * Math.sqrt(ref.variance / 200), 9);
		expect(m.p50).toBe(percentile(col, 0.5));
		expect(m.p5).toBe(percentile(col, 0.05));
		expect(m.p95).toBe(percentile(col, 0.95));
		expect(m.share).toBeUndefined();
		const flag = s.drafts[0].metrics[3];
		const k = rows.filter((r) => r.drafts[0].scalars[3] === 1).length;
		expect(flag.share?.k).toBe(k);
		expect(flag.share?.ci95).toEqual(wilson(k, 200));
		expect(flag.mean).toBeCloseTo(k / 200, 12);
		// Paired differences: the common part cancels, so the interval is much narrower than either draft's.
		const diff = s.pairs[0].metrics[0];
		const dref = twoPass(rows.map((r) => r.drafts[1].scalars[0] - r.drafts[0].scalars[0]));
		expect(diff.mean).toBeCloseTo(dref.mean, 9);
		expect(diff.sd).toBeCloseTo(Math.sqrt(dref.variance), 9);
		expect(diff.significant).toBe(true);
		expect(diff.halfWidth).toBeLessThan(s.drafts[0].metrics[0].halfWidth / 3);
		// Bands.
		const b = s.drafts[0].bands!;
		expect(b.p50.length).toBe(6);
		expect(b.p10[4]).toBe(
			percentile(
				rows.map((r) => r.drafts[0].daily![4]),
				0.1
			)
		);
		expect(b.p90[4]).toBe(
			percentile(
				rows.map((r) => r.drafts[0].daily![4]),
				0.9
			)
		);
	});

	it('with METRIC_COUNT columns, only flag metrics get a share (an all-zero money metric does not)', () => {
		const rows: ReplicationRow[] = Array.from({ length: 10 }, (_, rep) => {
			const scalars = new Float64Array(METRIC_COUNT).fill(7);
			scalars[METRIC_INDEX.credits] = 0;
			scalars[METRIC_INDEX.slaMet] = rep % 2;
			return { rep, contacts: 1, drafts: [{ scalars }] };
		});
		const s = summarise(rows);
		expect(s.drafts[0].metrics[METRIC_INDEX.credits].share).toBeUndefined();
		expect(s.drafts[0].metrics[METRIC_INDEX.slaMet].share?.k).toBe(5);
	});

	it('three drafts give three pairs (0-1, 0-2, 1-2)', () => {
		const s = summarise(fakeRows(20, 3, 3));
		expect(s.pairs.map((p) => [p.a, p.b])).toEqual([
			[0, 1],
			[0, 2],
			[1, 2]
		]);
	});

	it('incremental summaries equal one-pass summaries at every prefix, bit for bit', () => {
		const rows = fakeRows(60, 2, 5, 2);
		const acc = new RunAccumulator(2, 5);
		for (let i = 0; i < rows.length; i++) {
			acc.add(rows[i]);
			if (i % 7 === 0 || i === rows.length - 1)
				expect(acc.summary({ bands: true })).toEqual(summarise(rows.slice(0, i + 1), { bands: true }));
		}
	});

	it('refuses out-of-order replications', () => {
		const rows = fakeRows(3, 1, 2);
		const acc = new RunAccumulator(1, 2);
		acc.add(rows[0]);
		expect(() => acc.add(rows[2])).toThrow(/expected replication 1/);
	});

	it('stopping rule: first n at which every draft is within the relative precision', () => {
		const rows = fakeRows(400, 2, 3);
		const rule = { metric: 0, relHalfWidth: 0.002, minReps: 10 };
		const s = summarise(rows, { stop: rule });
		expect(s.precisionReachedAt).not.toBeNull();
		expect(s.n).toBe(s.precisionReachedAt);
		// It did not hold one replication earlier, and does hold now.
		const check = (n: number) => {
			const ws = [0, 1].map((d) => {
				const w = new Welford();
				for (let i = 0; i < n; i++) w.push(rows[i].drafts[d].scalars[0]);
				return w;
			});
			return precisionReached(ws, rule);
		};
		expect(check(s.n)).toBe(true);
		expect(check(s.n - 1)).toBe(false);
		// An unreachable target runs to the cap.
		const all = summarise(rows, { stop: { metric: 0, relHalfWidth: 1e-9 } });
		expect(all.n).toBe(400);
		expect(all.precisionReachedAt).toBeNull();
	});
});

describe('paired differences of flags', () => {
	it('keep their 95 % interval inside [-1, 1] (a t-interval on 3 replications would not)', () => {
		const row = (rep: number, a: number, b: number) => ({
			rep,
			contacts: 0,
			drafts: [{ scalars: Float64Array.of(a, 0.5 + rep) }, { scalars: Float64Array.of(b, 1.5 + rep) }]
		});
		const s = summarise([row(0, 0, 1), row(1, 0, 1), row(2, 1, 1)]);
		const flag = s.pairs[0].metrics[0];
		expect(flag.mean).toBeCloseTo(2 / 3, 12);
		expect(flag.ci95[0]).toBeGreaterThanOrEqual(-1);
		expect(flag.ci95[1]).toBe(1);
		// A metric that is not a flag keeps its plain t-interval.
		expect(s.pairs[0].metrics[1].ci95).toEqual([1, 1]);
	});
});

/** METRIC_COUNT-long rows of one draft (or two), every metric `fill` unless `set` says otherwise. */
function metricRows(sets: Record<string, number>[][], fill = 0.5): ReplicationRow[] {
	return sets.map((drafts, rep) => ({
		rep,
		contacts: 0,
		drafts: drafts.map((set) => {
			const scalars = new Float64Array(METRIC_COUNT).fill(fill);
			for (const [k, v] of Object.entries(set)) scalars[METRIC_INDEX[k as keyof typeof METRIC_INDEX]] = v;
			return { scalars };
		})
	}));
}

describe('replications without data (NaN in the row)', () => {
	it('are left out of that metric only: mean, interval and median of the others, counted in n', () => {
		const s = summarise(metricRows([[{ qaScore: 0.8 }], [{ qaScore: NaN }], [{ qaScore: 0.9 }]]));
		const qa = s.drafts[0].metrics[METRIC_INDEX.qaScore];
		expect(qa.n).toBe(2);
		expect(qa.replications).toBe(3);
		expect(qa.mean).toBeCloseTo(0.85, 12);
		expect(qa.p50).toBeCloseTo(0.85, 12);
		expect(qa.min).toBe(0.8);
		expect(qa.max).toBe(0.9);
		expect(Number.isFinite(qa.ci95[0]) && Number.isFinite(qa.ci95[1])).toBe(true);
		expect(qa.ci95[0]).toBeGreaterThanOrEqual(0);
		expect(qa.ci95[1]).toBeLessThanOrEqual(1);
		// Other metrics of the same replications keep all three.
		expect(s.drafts[0].metrics[METRIC_INDEX.asa].n).toBe(3);
	});

	it('with no replication having data, the summary is NaN (null in JSON) and not a share', () => {
		const s = summarise(metricRows([[{ csat: NaN, slaMet: NaN }], [{ csat: NaN, slaMet: NaN }]]));
		for (const key of ['csat', 'slaMet'] as const) {
			const m = s.drafts[0].metrics[METRIC_INDEX[key]];
			expect(m.n).toBe(0);
			expect(m.share).toBeUndefined();
			expect(JSON.parse(JSON.stringify([m.mean, m.ci95, m.p5, m.p50, m.p95]))).toEqual([
				null,
				[null, null],
				null,
				null,
				null
			]);
		}
	});

	it('flags count only the replications that measured them', () => {
		const s = summarise(metricRows([[{ slaMet: 1 }], [{ slaMet: NaN }], [{ slaMet: 0 }], [{ slaMet: 1 }]]));
		const f = s.drafts[0].metrics[METRIC_INDEX.slaMet];
		expect(f.share).toEqual(probability(2, 3));
		expect(f.ci95).toEqual(wilson(2, 3));
	});

	it('paired differences use the replications where both drafts have data', () => {
		const s = summarise(
			metricRows([
				[{ csat: 0.7 }, { csat: 0.8 }],
				[{ csat: NaN }, { csat: 0.9 }],
				[{ csat: 0.6 }, { csat: 0.8 }]
			])
		);
		const d = s.pairs[0].metrics[METRIC_INDEX.csat];
		expect(d.n).toBe(2);
		expect(d.mean).toBeCloseTo(0.15, 12);
	});

	it('daily bands ignore days without data', () => {
		const rows: ReplicationRow[] = [0.2, NaN, 0.4, NaN].map((x, rep) => ({
			rep,
			contacts: 0,
			drafts: [{ scalars: Float64Array.of(1), daily: Float64Array.of(x) }]
		}));
		const b = summarise(rows, { bands: true }).drafts[0].bands!;
		expect(b.p50[0]).toBeCloseTo(0.3, 12);
		expect(b.p10[0]).toBeCloseTo(0.22, 12);
	});
});

describe('intervals of fractions stay inside [0, 1]', () => {
	it('a service level of 0.95, 0.99, 1.0 over 3 replications (the t interval would reach 1.05)', () => {
		const s = summarise(
			metricRows([[{ serviceLevel: 0.95 }], [{ serviceLevel: 0.99 }], [{ serviceLevel: 1 }]])
		);
		const sl = s.drafts[0].metrics[METRIC_INDEX.serviceLevel];
		expect(sl.mean + sl.halfWidth).toBeGreaterThan(1);
		expect(sl.ci95[0]).toBeGreaterThan(0.5);
		expect(sl.ci95[0]).toBeLessThan(sl.mean);
		expect(sl.ci95[1]).toBeGreaterThan(sl.mean);
		expect(sl.ci95[1]).toBeLessThan(1);
	});

	it('every value on a bound gives a zero-width interval on it; one value gives none', () => {
		const w = new Welford();
		for (let i = 0; i < 3; i++) w.push(1);
		expect(logitInterval(w)).toEqual([1, 1]);
		const one = new Welford();
		one.push(0.4);
		expect(logitInterval(one).every(Number.isNaN)).toBe(true);
	});

	it('covers the true mean about 95 % of the time (Beta(18, 2) fractions, 10 replications)', () => {
		// Coverage over 4000 seeded trials; its sampling sd is sqrt(.95 .05 / 4000) = 0.0034, and the
		// logit interval's small-sample error at n = 10 is about a point: [0.93, 0.97] is wide enough.
		const rng = seedrandom.alea('logit-coverage');
		const gamma = (k: number) => {
			let s = 0;
			for (let i = 0; i < k; i++) s -= Math.log(1 - rng());
			return s;
		};
		const mu = 18 / 20;
		let covered = 0;
		const trials = 4000;
		for (let t = 0; t < trials; t++) {
			const w = new Welford();
			for (let i = 0; i < 10; i++) {
				const a = gamma(18);
				w.push(a / (a + gamma(2)));
			}
			const [lo, hi] = logitInterval(w);
			if (lo <= mu && mu <= hi) covered++;
			expect(lo).toBeGreaterThanOrEqual(0);
			expect(hi).toBeLessThanOrEqual(1);
		}
		expect(covered / trials).toBeGreaterThan(0.93);
		expect(covered / trials).toBeLessThan(0.97);
	});
});
