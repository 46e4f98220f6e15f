import { describe, expect, it } from 'vitest';
import { erlangAMetrics, erlangCMetrics } from '../../src/lib/core/erlang';
import { staffingPlan, type StaffingPlanInput } from '../../src/lib/core/staffing';

const base: StaffingPlanInput = {
	method: 'erlangC',
	forecast: Float64Array.from([100, 0, 50, 100, 200]),
	intervalSec: 1800,
	intervalsPerDay: 5,
	plannedAhtSec: 180,
	targetServiceLevel: 0.8,
	targetSec: 20,
	occupancyCap: 1,
	patienceMeanSec: 120,
	shrinkage: 0.3,
	absenteeism: 0,
	policyFactor: 1,
	minAgents: 1
};

describe('staffingPlan', () => {
	it('Erlang C: the textbook interval needs 14 agents; 0 with no forecast; shrinkage divides', () => {
		const p = staffingPlan(base);
		expect(p.agentsRequired[0]).toBe(14);
		expect(p.agentsRequired[3]).toBe(14);
		expect(p.agentsRequired[1]).toBe(0);
		expect(p.agentsPlanned[0]).toBe(14);
		expect(p.agentsScheduled[0]).toBeCloseTo(14 / 0.7, 12);
		for (let k = 0; k < 5; k++) {
			if (base.forecast[k] === 0) continue;
			const r = p.agentsRequired[k];
			const m = (n: number) =>
				erlangCMetrics({ arrivalRate: base.forecast[k] / 1800, aht: 180, agents: n, slThreshold: 20 })
					.serviceLevel;
			expect(m(r)).toBeGreaterThanOrEqual(0.8);
			expect(m(r - 1)).toBeLessThan(0.8);
		}
	});
	it('Erlang A needs no more than Erlang C and meets the target', () => {
		const c = staffingPlan(base);
		const a = staffingPlan({ ...base, method: 'erlangA' });
		for (let k = 0; k < 5; k++) {
			expect(a.agentsRequired[k]).toBeLessThanOrEqual(c.agentsRequired[k]);
			if (base.forecast[k] > 0)
				expect(
					erlangAMetrics({
						arrivalRate: base.forecast[k] / 1800,
						aht: 180,
						agents: a.agentsRequired[k],
						slThreshold: 20,
						patienceMean: 120
					}).serviceLevel
				).toBeGreaterThanOrEqual(0.8);
		}
	});
	it('policy factor scales the planned agents; occupancy cap raises them', () => {
		const p = staffingPlan({ ...base, policyFactor: 0.8 });
		expect(p.agentsPlanned[0]).toBe(Math.round(14 * 0.8));
		expect(p.agentsRequired[0]).toBe(14);
		const capped = staffingPlan({ ...base, occupancyCap: 0.6 });
		expect(capped.agentsRequired[0]).toBe(17); // 10 / 17 = 0.588 <= 0.6
		const absent = staffingPlan({ ...base, absenteeism: 0.1 });
		expect(absent.agentsPlanned[0]).toBe(Math.round(14 / 0.9));
	});
	it('minimum agents while forecast > 0', () => {
		const p = staffingPlan({ ...base, forecast: Float64Array.from([0.01, 0]), minAgents: 2 });
		expect(p.agentsPlanned[0]).toBe(2);
		expect(p.agentsPlanned[1]).toBe(0);
	});
	it('fixed agents: one number or a pattern per interval of the day', () => {
		const one = staffingPlan({ ...base, method: 'fixed', fixedAgents: 9, policyFactor: 2 });
		expect(Array.from(one.agentsPlanned)).toEqual([9, 9, 9, 9, 9]);
		const pat = staffingPlan({
			...base,
			method: 'fixed',
			forecast: new Float64Array(10),
			fixedAgents: [1, 2, 3, 4, 5]
		});
		expect(Array.from(pat.agentsPlanned)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
		expect(pat.agentsScheduled[4]).toBeCloseTo(5 / 0.7, 12);
	});
});
