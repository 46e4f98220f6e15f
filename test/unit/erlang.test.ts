import { describe, expect, it } from 'vitest';
import {
	erlangAMetrics,
	erlangAWaitTail,
	erlangB,
	erlangC,
	erlangCMetrics,
	requiredAgents
} from '../../src/lib/core/erlang';
import { lnGamma, lnLowerGamma } from '../../src/lib/core/special';

const textbook = { arrivalRate: 100 / 1800, aht: 180, agents: 14, slThreshold: 20 };

describe('Erlang B', () => {
	it('matches published Erlang B table values', () => {
		// Classic loss tables (e.g. Cooper, Introduction to Queueing Theory, table I)
		expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
		expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
		expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
		expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
		expect(erlangB(10, 7)).toBeCloseTo(0.07874, 5);
		// 1 % blocking at 20 circuits is about 12.03 Erlangs
		expect(erlangB(20, 12.031)).toBeCloseTo(0.01, 4);
	});
	it('is stable for large n and decreasing in n', () => {
		const b = erlangB(5000, 4900);
		expect(b).toBeGreaterThan(0);
		expect(b).toBeLessThan(0.05);
		let prev = 1;
		for (let n = 0; n < 60; n++) {
			const v = erlangB(n, 30);
			expect(v).toBeLessThanOrEqual(prev);
			prev = v;
		}
	});
});

describe('Erlang C', () => {
	it('reproduces the textbook case: 100 calls / 30 min, AHT 180 s, 14 agents', () => {
		const m = erlangCMetrics(textbook);
		expect(m.pWait).toBeCloseTo(0.1741, 4);
		expect(m.serviceLevel).toBeCloseTo(0.8884, 4);
		expect(m.asa).toBeCloseTo(7.84, 2);
		expect(m.occupancy).toBeCloseTo(10 / 14, 12);
		expect(m.pAbandon).toBe(0);
	});
	it('is unstable at load >= agents', () => {
		expect(erlangC(10, 10)).toBe(1);
		const m = erlangCMetrics({ ...textbook, agents: 10 });
		expect(m.stable).toBe(false);
		expect(m.serviceLevel).toBe(0);
		expect(m.asa).toBe(Infinity);
	});
	it('handles large teams (n = 2000) without overflow', () => {
		const m = erlangCMetrics({ arrivalRate: 1950 / 300, aht: 300, agents: 2000, slThreshold: 20 });
		expect(Number.isFinite(m.asa)).toBe(true);
		expect(m.pWait).toBeGreaterThan(0);
		expect(m.pWait).toBeLessThan(1);
	});
});

describe('special functions', () => {
	it('lnGamma matches factorials', () => {
		expect(lnGamma(1)).toBeCloseTo(0, 12);
		expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
		expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
	});
	it('lower incomplete gamma: gamma(1, z) = 1 - e^-z on both branches', () => {
		for (const z of [0.1, 1, 1.9, 2.5, 10, 40])
			expect(Math.exp(lnLowerGamma(1, z))).toBeCloseTo(1 - Math.exp(-z), 12);
		// gamma(2, z) = 1 - (1 + z) e^-z
		for (const z of [0.5, 3, 8])
			expect(Math.exp(lnLowerGamma(2, z))).toBeCloseTo(1 - (1 + z) * Math.exp(-z), 12);
	});
});

describe('Erlang A (M/M/n+M)', () => {
	it('tends to Erlang C as patience -> infinity', () => {
		const c = erlangCMetrics(textbook);
		const a = erlangAMetrics({ ...textbook, patienceMean: 1e8 });
		expect(a.pWait).toBeCloseTo(c.pWait, 5);
		expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
		expect(a.asa).toBeCloseTo(c.asa, 3);
		expect(a.pAbandon).toBeLessThan(1e-6);
		// Infinity is exactly Erlang C
		expect(erlangAMetrics({ ...textbook, patienceMean: Infinity })).toEqual(c);
	});
	it('tends to Erlang B as patience -> 0 (everybody who must wait abandons)', () => {
		const a = erlangAMetrics({ ...textbook, patienceMean: 1e-6 });
		expect(a.pAbandon).toBeCloseTo(erlangB(14, 10), 5);
		expect(a.pWait).toBeCloseTo(erlangB(14, 10), 5);
	});
	it('with patience mean = AHT the number in system is Poisson(a) (M/M/infinity)', () => {
		const p = { arrivalRate: 10 / 180, aht: 180, agents: 12, slThreshold: 20, patienceMean: 180 };
		const m = erlangAMetrics(p);
		let pk = Math.exp(-10);
		let pw = 0;
		let queue = 0;
		for (let k = 0; k < 200; k++) {
			if (k > 0) pk *= 10 / k;
			if (k >= 12) {
				pw += pk;
				queue += (k - 12) * pk;
			}
		}
		expect(m.pWait).toBeCloseTo(pw, 10);
		// abandon flux theta E[Q] over arrival flux lambda
		expect(m.pAbandon).toBeCloseTo(((1 / 180) * queue) / (10 / 180), 10);
	});
	it('abandonment identity P(ab) = theta E[W] with E[W] integrated from the wait-time tail', () => {
		for (const [agents, patience] of [
			[12, 180],
			[9, 120],
			[3, 60],
			[14, 600]
		]) {
			const p = { arrivalRate: 10 / 180, aht: 180, agents, slThreshold: 20, patienceMean: patience };
			const m = erlangAMetrics(p);
			// E[W] = int_0^inf P(W > t) dt by the midpoint rule; the tail is computed by an independent formula
			let ew = 0;
			const dt = 0.05;
			for (let t = 0; t < 40 * patience; t += dt) ew += erlangAWaitTail(p, t + dt / 2) * dt;
			expect(ew).toBeCloseTo(m.meanWaitAll, 3);
			expect(m.pAbandon).toBeCloseTo(ew / patience, 5);
		}
	});
	it('SL: answered-within-T grows with T to the answered share; consistent with the tail', () => {
		const p = { ...textbook, patienceMean: 300 };
		const m = erlangAMetrics(p);
		const late = erlangAMetrics({ ...p, slThreshold: 1e6 });
		expect(late.serviceLevel).toBeCloseTo(1 - m.pAbandon, 10);
		// P(W <= T) = answered within T + abandoned within T >= SL
		expect(1 - erlangAWaitTail(p, 20)).toBeGreaterThan(m.serviceLevel);
		expect(m.serviceLevelOfAnswered).toBeCloseTo(m.serviceLevel / (1 - m.pAbandon), 12);
		// impatience helps those who stay: better than Erlang C
		expect(m.serviceLevel).toBeGreaterThan(erlangCMetrics(textbook).serviceLevel);
		expect(m.asa).toBeLessThan(erlangCMetrics(textbook).asa);
	});
	it('is defined in overload (load > agents) and for large loads', () => {
		const m = erlangAMetrics({ arrivalRate: 2, aht: 300, agents: 500, slThreshold: 20, patienceMean: 120 });
		expect(m.stable).toBe(true);
		// in heavy overload about (lambda - n mu) / lambda abandon
		expect(m.pAbandon).toBeGreaterThan((600 - 500) / 600 - 0.01);
		expect(m.pAbandon).toBeLessThan((600 - 500) / 600 + 0.02);
		expect(m.occupancy).toBeLessThanOrEqual(1);
		const big = erlangAMetrics({
			arrivalRate: 20,
			aht: 300,
			agents: 6100,
			slThreshold: 20,
			patienceMean: 200
		});
		expect(Number.isFinite(big.serviceLevel)).toBe(true);
		expect(big.serviceLevel).toBeGreaterThan(0.5);
	});
	it('more agents never lower SL, never raise abandonment', () => {
		let prevSl = -1;
		let prevAb = 2;
		for (let n = 1; n < 30; n++) {
			const m = erlangAMetrics({ ...textbook, agents: n, patienceMean: 240 });
			expect(m.serviceLevel).toBeGreaterThanOrEqual(prevSl);
			expect(m.pAbandon).toBeLessThanOrEqual(prevAb);
			prevSl = m.serviceLevel;
			prevAb = m.pAbandon;
		}
	});
});

describe('staffing solver', () => {
	it('finds the fewest agents for 80/20 (Erlang C)', () => {
		const t = { arrivalRate: 100 / 1800, aht: 180, slThreshold: 20, targetServiceLevel: 0.8 };
		const n = requiredAgents(t);
		expect(n).toBe(14); // the textbook answer: 13 agents give SL 0.79
		expect(erlangCMetrics({ ...t, agents: n }).serviceLevel).toBeGreaterThanOrEqual(0.8);
		expect(erlangCMetrics({ ...t, agents: n - 1 }).serviceLevel).toBeLessThan(0.8);
	});
	it('applies the occupancy cap', () => {
		const t = {
			arrivalRate: 100 / 1800,
			aht: 180,
			slThreshold: 20,
			targetServiceLevel: 0.5,
			maxOccupancy: 0.7
		};
		expect(requiredAgents(t)).toBe(15); // 10 / 15 = 0.667 <= 0.7 < 10 / 14
	});
	it('Erlang A needs no more agents than Erlang C and is minimal', () => {
		for (const rate of [0.01, 0.05, 0.5, 3]) {
			const t = { arrivalRate: rate, aht: 300, slThreshold: 20, targetServiceLevel: 0.8, patienceMean: 180 };
			const na = requiredAgents(t);
			const nc = requiredAgents({ ...t, patienceMean: undefined });
			expect(na).toBeLessThanOrEqual(nc);
			expect(erlangAMetrics({ ...t, agents: na }).serviceLevel).toBeGreaterThanOrEqual(0.8);
			if (na > 1) expect(erlangAMetrics({ ...t, agents: na - 1 }).serviceLevel).toBeLessThan(0.8);
		}
	});
	it('no traffic needs no agents', () => {
		expect(requiredAgents({ arrivalRate: 0, aht: 300, slThreshold: 20, targetServiceLevel: 0.8 })).toBe(0);
	});
});
