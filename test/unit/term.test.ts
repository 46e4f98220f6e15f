/**
 * The multi-month term (src/lib/core/term.ts, contract/governance.ts): carry-over, determinism,
 * a 1-month term against today's single month, learning, habits, and the governance rules.
 * For speed the e-commerce preset runs at 400 first contacts a day and few replications; the
 * governance rules are checked on constructed series.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateWork } from '../../src/lib/core/budget';
import { applyGovernance, governanceTrail } from '../../src/lib/core/contract/governance';
import { METRIC_COUNT, METRIC_INDEX as M } from '../../src/lib/core/metrics';
import { prepareScenario, runReplication } from '../../src/lib/core/replication';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { computeChunk, chunkToRows } from '../../src/lib/pool/chunk';

const preset = JSON.parse(
	readFileSync(new URL('../../scenarios/ecommerce-case.json', import.meta.url), 'utf8')
);

function small(term?: Record<string, unknown>, edit?: (raw: typeof preset) => void): Scenario {
	const raw = structuredClone(preset);
	raw.seed = 'term-test';
	raw.assumptions.demand.firstContactsPerDay = 400;
	if (term) raw.term = term;
	edit?.(raw);
	const p = parseScenario(raw);
	if (!p.ok) throw new Error(JSON.stringify(p.errors));
	return p.scenario;
}

const month = (monthly: Float64Array, m: number) =>
	monthly.subarray(m * METRIC_COUNT, (m + 1) * METRIC_COUNT);

describe('term: carry-over', () => {
	it('every contact and issue is counted once across month boundaries', () => {
		const s = small({ months: 3, warmupDays: 14 });
		const prep = prepareScenario(s);
		const out = runReplication(prep, 2);
		for (const d of out.drafts) {
			const monthly = d.monthly!;
			for (const key of [
				'offered',
				'handled',
				'firstContacts',
				'repeatContacts',
				'redials',
				'giveUps',
				'abandoned'
			] as const) {
				let sum = 0;
				for (let m = 0; m < 3; m++) sum += month(monthly, m)[M[key]];
				expect(sum).toBe(d.scalars[M[key]]);
			}
		}
		// the warm-up's contacts are simulated but not counted in any month
		const counted = out.drafts.reduce((a, d) => a + d.scalars[M.offered], 0);
		expect(out.contacts).toBeGreaterThan(counted);
	});

	it('month 1 starts from a running centre: callbacks of the warm-up arrive on its first day', () => {
		const withWarmup = runReplication(prepareScenario(small({ months: 1, warmupDays: 14 })), 0);
		const empty = runReplication(prepareScenario(small({ months: 1, warmupDays: 0 })), 0);
		// daily rows: [offered, forecast, on phones, required, SL, repeat rate, CSAT, scheduled]
		const firstDayRepeat = (daily: Float64Array) => daily[5];
		expect(firstDayRepeat(withWarmup.drafts[0].daily)).toBeGreaterThan(
			2 * firstDayRepeat(empty.drafts[0].daily)
		);
	});
});

describe('term: work budget', () => {
	it('a term is estimated over its warm-up and months', () => {
		const one = estimateWork(small(), { replications: 10 });
		const six = estimateWork(small({ months: 6, warmupDays: 14 }), { replications: 10 });
		expect(six.contacts / one.contacts).toBeCloseTo((14 + 6 * 30) / 30, 6);
		expect(six.resultBytes).toBeGreaterThan(one.resultBytes);
	});
});

describe('term: determinism', () => {
	it('a replication does not depend on the replications run before it or the chunking', () => {
		const s = small({ months: 2, warmupDays: 7 });
		const used = prepareScenario(s);
		for (let r = 0; r < 3; r++) runReplication(used, r);
		const a = runReplication(used, 3);
		const b = runReplication(prepareScenario(s), 3);
		a.drafts.forEach((d, i) => {
			expect(Array.from(d.scalars)).toEqual(Array.from(b.drafts[i].scalars));
			expect(Array.from(d.monthly!)).toEqual(Array.from(b.drafts[i].monthly!));
		});
		const whole = chunkToRows(computeChunk(runReplication, prepareScenario(s), 0, 4));
		const split = [
			...chunkToRows(computeChunk(runReplication, prepareScenario(s), 0, 1)),
			...chunkToRows(computeChunk(runReplication, prepareScenario(s), 1, 4))
		];
		expect(split[3].drafts[1].monthly).toEqual(whole[3].drafts[1].monthly);
		expect(Array.from(whole[3].drafts[0].monthly!)).toEqual(Array.from(a.drafts[0].monthly!));
	});
});

describe('term: one month against today', () => {
	it('a 1-month term without warm-up is today’s single month, number for number', () => {
		const today = runReplication(prepareScenario(small()), 1);
		const term = runReplication(prepareScenario(small({ months: 1, warmupDays: 0 })), 1);
		today.drafts.forEach((d, i) => {
			const t = term.drafts[i];
			for (let k = 0; k < METRIC_COUNT; k++) {
				if (Number.isNaN(d.scalars[k])) expect(t.scalars[k]).toBeNaN();
				else expect(t.scalars[k]).toBeCloseTo(d.scalars[k], 6);
			}
			expect(Array.from(month(t.monthly!, 0))).toEqual(Array.from(t.scalars));
		});
	});

	it('a 1-month term after a warm-up agrees with today within intervals (queue and behaviour)', () => {
		const R = 8;
		const today = prepareScenario(small());
		const term = prepareScenario(small({ months: 1, warmupDays: 14 }));
		for (const key of ['serviceLevel', 'aht', 'csatTrue', 'fcrTrue'] as const) {
			const a: number[] = [];
			const b: number[] = [];
			for (let r = 0; r < R; r++) {
				a.push(runReplication(today, r).drafts[1].scalars[M[key]]);
				b.push(runReplication(term, r).drafts[1].scalars[M[key]]);
			}
			const mean = (x: number[]) => x.reduce((p, q) => p + q, 0) / x.length;
			const se = (x: number[]) =>
				Math.sqrt(x.reduce((p, q) => p + (q - mean(x)) ** 2, 0) / (x.length - 1) / x.length);
			// 3 standard errors of the difference (several comparisons at once)
			expect(Math.abs(mean(a) - mean(b))).toBeLessThan(3 * Math.hypot(se(a), se(b)) + 1e-9);
		}
	});
});

describe('term: learning and habits', () => {
	it("the client's forecast learns contacts per issue: the miss shrinks after month 1", () => {
		const prep = prepareScenario(small({ months: 3, warmupDays: 14, learning: { smoothing: 0.5 } }));
		const miss = [0, 0, 0];
		for (let r = 0; r < 3; r++) {
			const monthly = runReplication(prep, r).drafts[0].monthly!; // AHT-only: many more repeats than forecast
			for (let m = 0; m < 3; m++)
				miss[m] += Math.abs(month(monthly, m)[M.offered] / month(monthly, m)[M.forecast] - 1);
		}
		expect(miss[0]).toBeGreaterThan(0.05 * 3);
		expect(miss[1]).toBeLessThan(miss[0] * 0.75);
		expect(miss[2]).toBeLessThan(miss[0] * 0.75);
	});

	it("the vendor's plan learns: planning on the client's forecast, its miss shrinks after month 1", () => {
		const s = small({ months: 3, warmupDays: 14 }, (raw) => {
			raw.assumptions.staffing.planningForecast = 'client';
		});
		const monthly = runReplication(prepareScenario(s), 0).drafts[0].monthly!;
		const first = Math.abs(month(monthly, 0)[M.forecastMiss]);
		expect(first).toBeGreaterThan(0.05);
		expect(Math.abs(month(monthly, 2)[M.forecastMiss])).toBeLessThan(first * 0.75);
	});

	it('habits move from the old scorecard to the new one over the adaptation weeks', () => {
		const s = small({ months: 4, warmupDays: 7, habits: { startFrom: 'AHT-only', adaptationWeeks: 12 } });
		const out = runReplication(prepareScenario(s), 0);
		const balanced = out.drafts[1].monthly!;
		const aht = [0, 1, 2, 3].map((m) => month(balanced, m)[M.aht]);
		// Balanced lets agents take longer: AHT rises month by month, then holds
		expect(aht[1]).toBeGreaterThan(aht[0]);
		expect(aht[2]).toBeGreaterThan(aht[1]);
		const settled = runReplication(prepareScenario(small({ months: 4, warmupDays: 7 })), 0).drafts[1]
			.monthly!;
		expect(aht[0]).toBeLessThan(month(settled, 0)[M.aht]);
		expect(Math.abs(aht[3] - month(settled, 3)[M.aht]) / aht[3]).toBeLessThan(0.02);
		// AHT-only's own habits are its scorecard's from the start
		expect(Array.from(out.drafts[0].monthly!)).toEqual(
			Array.from(runReplication(prepareScenario(small({ months: 4, warmupDays: 7 })), 0).drafts[0].monthly!)
		);
	});

	it('governance clauses: bad values are named in plain words', () => {
		const errors = (governance: unknown) => {
			const raw = structuredClone(preset);
			raw.drafts[1].governance = governance;
			const p = parseScenario(raw);
			return p.ok ? [] : p.errors;
		};
		expect(errors({ criticalMetrics: ['speed'] })).toEqual([
			{
				path: 'drafts.1.governance.criticalMetrics.0',
				message: expect.stringMatching(/^must be "Service level", .* or "QA score"$/)
			}
		]);
		expect(errors({ missedMonths: 4, ofLastMonths: 3 })).toEqual([
			{ path: 'drafts.1.governance.missedMonths', message: 'must be at most the months looked back on (3)' }
		]);
	});

	it('the governance example scenario is valid: a 6-month term, Balanced with chronic-failure termination', () => {
		const raw = JSON.parse(
			readFileSync(new URL('../../scenarios/term/ecommerce-governance.json', import.meta.url), 'utf8')
		);
		const p = parseScenario(raw);
		expect(p.ok).toBe(true);
		if (p.ok) {
			expect(p.scenario.term?.months).toBe(6);
			expect(p.scenario.drafts[1].governance?.criticalMetrics).toEqual(['serviceLevel']);
		}
	});

	it('startFrom must name a draft', () => {
		const raw = structuredClone(preset);
		raw.term = { habits: { startFrom: 'Old contract' } };
		const p = parseScenario(raw);
		expect(p.ok).toBe(false);
		if (!p.ok)
			expect(p.errors).toContainEqual({
				path: 'term.habits.startFrom',
				message: 'must be "draft" or the name of a draft ("AHT-only", "Balanced")'
			});
	});
});

describe('governance: chronic failure, cure period, termination', () => {
	const rule = { missedMonths: 2, ofLastMonths: 3, cureMonths: 1 };

	it('k of the last n months, then the cure period', () => {
		// failed months 0 and 2: chronic at 2; on the watch list in 3, which passes: cured
		expect(governanceTrail([1, 0, 1, 0, 0, 0], rule)).toEqual({
			watch: Uint8Array.from([0, 0, 0, 1, 0, 0]),
			rightAt: -1
		});
		// chronic at 2, month 3 on the list fails too: the right arises at the end of the cure period
		expect(governanceTrail([0, 1, 1, 1, 0, 0], rule)).toEqual({
			watch: Uint8Array.from([0, 0, 0, 1, 0, 0]),
			rightAt: 3
		});
		expect(governanceTrail([0, 1, 1, 1, 0, 0], { ...rule, cureMonths: 2 }).rightAt).toBe(4);
		// chronic at 1, cured in 2; months 1..3 hold two failures again: back on the list in 4, which fails
		expect(governanceTrail([1, 1, 0, 1, 1, 1], rule)).toEqual({
			watch: Uint8Array.from([0, 0, 1, 0, 1, 0]),
			rightAt: 4
		});
		// failures too far apart are never chronic
		expect(governanceTrail([1, 0, 0, 1, 0, 0, 1], rule)).toEqual({ watch: new Uint8Array(7), rightAt: -1 });
		// no cure period: the right arises the month failure becomes chronic
		expect(governanceTrail([0, 1, 0, 1], { ...rule, cureMonths: 0 }).rightAt).toBe(3);
		// NaN (not measured) is not a failure
		expect(governanceTrail([1, NaN, NaN, 1], { ...rule, cureMonths: 0 }).rightAt).toBe(-1);
		// 1 of 1: every failed month is chronic
		expect(governanceTrail([0, 0, 1], { missedMonths: 1, ofLastMonths: 1, cureMonths: 0 }).rightAt).toBe(2);
	});

	it('termination costs: the vendor loses the remaining margin and pays the fee, the client pays its transition', () => {
		const s = small(undefined, (raw) => {
			raw.drafts[1].governance = {
				criticalMetrics: ['serviceLevel'],
				missedMonths: 1,
				ofLastMonths: 1,
				cureMonths: 0,
				terminationFeeMonths: 0.5,
				transitionCostMonths: 2
			};
		});
		const draft = s.drafts[1];
		const months = [1, 0, 1, 1].map((met) => {
			const row = new Float64Array(METRIC_COUNT);
			row[M.metServiceLevel] = met;
			row[M.fees] = 100;
			row[M.vendorMargin] = 10;
			row[M.clientTotalCost] = 150;
			return row;
		});
		const term = new Float64Array(METRIC_COUNT);
		applyGovernance(draft, months, term);
		expect(term[M.terminationRisk]).toBe(1);
		expect(months.map((r) => r[M.terminationRisk])).toEqual([0, 1, 1, 1]);
		expect(term[M.vendorTerminationCost]).toBe(50 + 20); // fee + months 3 and 4's margin
		expect(term[M.clientTerminationCost]).toBe(200 - 50);
		expect(term[M.vendorTermMargin]).toBe(10 + 10 - 50);
		expect(term[M.clientTermCost]).toBe(4 * 150 + 150);
		expect(term[M.watchList]).toBe(0);
		// without governance: nothing arises, nothing is lost
		const plain = new Float64Array(METRIC_COUNT);
		applyGovernance(s.drafts[0], months, plain);
		expect(plain[M.terminationRisk]).toBeNaN();
		expect(plain[M.vendorTermMargin]).toBe(40);
		expect(plain[M.clientTermCost]).toBe(600);
	});

	it('a minimum-staffing commitment keeps the staffing lever up', () => {
		const s = small({ months: 1, warmupDays: 0 }, (raw) => {
			raw.drafts[1].vendor = { staffingPolicyFactor: 0.7 };
			raw.drafts[0].vendor = { staffingPolicyFactor: 0.7 };
			raw.drafts[1].governance = { minimumStaffing: 1 };
		});
		const out = runReplication(prepareScenario(s), 0);
		const free = runReplication(prepareScenario(small({ months: 1, warmupDays: 0 })), 0);
		// draft 1 committed to the full plan: it staffs as it would at factor 1
		expect(out.drafts[1].scalars[M.vendorCost]).toBeCloseTo(free.drafts[1].scalars[M.vendorCost], 6);
		expect(out.drafts[0].scalars[M.vendorCost]).toBeLessThan(free.drafts[0].scalars[M.vendorCost] * 0.8);
	});
});
