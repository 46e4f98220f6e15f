import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { F, FIELD_COUNT, type FieldName } from '../../src/lib/core/fields';
import { METRICS, METRIC_COUNT, METRIC_INDEX } from '../../src/lib/core/metrics';
import { CONTRACT_METRICS, DraftSchema, type DraftInput } from '../../src/lib/core/schema/draft';
import { ContractEvaluator, evaluateContract } from '../../src/lib/core/contract/evaluator';
import type { ContractAssumptions } from '../../src/lib/core/contract/inputs';

const ASSUME: ContractAssumptions = {
	currency: 'EUR',
	agentCostPerPaidHour: 20,
	clientCostPerRepeat: 6,
	customerLifetimeValue: 300
};

type Row = Partial<Record<FieldName, number>>;

/** A plain interval: 100 offered, SL 0.85 of offered, handled 95 at 300 s, 20 agents scheduled. */
function goodRow(extra: Row = {}): Row {
	return {
		FORECAST: 100,
		OFFERED: 100,
		OFFERED_FIRST: 88,
		OFFERED_REPEAT: 10,
		OFFERED_REDIAL: 2,
		ANSWERED: 95,
		ANSWERED_WITHIN_T: 85,
		ABANDONED: 5,
		ABANDONED_SHORT: 1,
		WAIT_SUM_ANSWERED: 950,
		HANDLED: 95,
		HANDLE_SUM: 95 * 300,
		RESOLVED: 76,
		REPEAT_WITHIN_N: 19,
		HANDLED_REPEAT: 10,
		ISSUES_HANDLED: 85,
		SAT_PROB_SUM: 95 * 0.8,
		SURVEYS: 10,
		SURVEYS_SATISFIED: 8,
		QA_EVALS: 1,
		QA_SCORE_SUM: 0.9,
		QA_TRUE_SUM: 95 * 0.85,
		AGENTS_SCHEDULED: 20,
		STAFFED_SECONDS: 14 * 1800,
		BUSY_SECONDS: 95 * 300,
		CHURNED: 1,
		...extra
	};
}

/** Table of days x ipd rows, each row from `rowOf(day, interval)`. */
function makeTable(days: number, ipd: number, rowOf: (d: number, i: number) => Row): Float64Array {
	const t = new Float64Array(days * ipd * FIELD_COUNT);
	for (let d = 0; d < days; d++)
		for (let i = 0; i < ipd; i++) {
			const r = rowOf(d, i);
			const b = (d * ipd + i) * FIELD_COUNT;
			for (const [k, v] of Object.entries(r)) t[b + F[k as FieldName]] = v as number;
		}
	return t;
}

function draft(input: Partial<DraftInput>) {
	return DraftSchema.parse({ name: 'test', price: { model: 'perHandledContact', rate: 10 }, ...input });
}

const M = METRIC_INDEX;

describe('credit arithmetic: the public worked example', () => {
	// One 30-day month, one interval a day. Handled 10,000 x 10 = fees 100,000.
	// credit = pool allocation 50 % x metric allocation 40 % x (10 % x 100,000) = 2,000.
	const cal = { days: 30, intervalsPerDay: 1, intervalSeconds: 1800 };
	const table = makeTable(30, 1, () => goodRow({ HANDLED: 10000 / 30 }));
	const slMetric = (target: number, credit?: object) => ({
		metric: 'serviceLevel' as const,
		target,
		direction: 'atLeast' as const,
		poolAllocation: 0.4,
		...(credit ? { credit } : {})
	});

	it('50 % x 40 % x (10 % of 100,000) = 2,000 when SL is missed', () => {
		const d = draft({ atRisk: { percentOfInvoice: 0.1, poolAllocation: 0.5 }, metrics: [slMetric(0.9)] });
		const { scalars, details } = evaluateContract(d, ASSUME, table, cal, undefined, { details: true });
		expect(scalars[M.fees]).toBeCloseTo(100000, 6);
		expect(scalars[M.serviceLevel]).toBeCloseTo(0.85, 12);
		expect(scalars[M.credits]).toBeCloseTo(2000, 6);
		expect(scalars[M.vendorRevenue]).toBeCloseTo(98000, 6);
		expect(scalars[M.slaMet]).toBe(0);
		expect(details!.metrics[0].months[0].met).toBe(false);
		expect(details!.months[0].atRiskAmount).toBeCloseTo(10000, 6);
	});

	it('no credit when the target is met (0.85 >= 0.85, with float slack)', () => {
		const d = draft({ atRisk: { percentOfInvoice: 0.1, poolAllocation: 0.5 }, metrics: [slMetric(0.85)] });
		const { scalars } = evaluateContract(d, ASSUME, table, cal);
		expect(scalars[M.credits]).toBe(0);
		expect(scalars[M.slaMet]).toBe(1);
	});

	it('sliding per point: 5 points short x 10 % per point = 50 % of 2,000 = 1,000; cap 0.3 -> 600', () => {
		const base = { atRisk: { percentOfInvoice: 0.1, poolAllocation: 0.5 } };
		const s = evaluateContract(
			draft({ ...base, metrics: [slMetric(0.9, { type: 'slidingPerPoint', perPoint: 0.1 })] }),
			ASSUME,
			table,
			cal
		).scalars;
		expect(s[M.credits]).toBeCloseTo(1000, 6);
		const c = evaluateContract(
			draft({ ...base, metrics: [slMetric(0.9, { type: 'slidingPerPoint', perPoint: 0.1, cap: 0.3 })] }),
			ASSUME,
			table,
			cal
		).scalars;
		expect(c[M.credits]).toBeCloseTo(600, 6);
	});

	it('sliding on seconds: ASA 10 s vs target 8 s is 25 points (1 % of target each)', () => {
		const d = draft({
			atRisk: { percentOfInvoice: 0.1, poolAllocation: 0.5 },
			metrics: [
				{
					metric: 'asa',
					target: 8,
					direction: 'atMost',
					poolAllocation: 0.4,
					credit: { type: 'slidingPerPoint', perPoint: 0.02 }
				}
			]
		});
		const { scalars, details } = evaluateContract(d, ASSUME, table, cal, undefined, { details: true });
		expect(details!.metrics[0].months[0].shortfallPoints).toBeCloseTo(25, 9);
		expect(scalars[M.credits]).toBeCloseTo(2000 * 0.5, 6);
	});

	it('the month cap: two missed metrics of 60 % each are capped at the at-risk amount x cap', () => {
		const metrics = [
			{ metric: 'serviceLevel' as const, target: 0.9, direction: 'atLeast' as const, poolAllocation: 0.6 },
			{ metric: 'aht' as const, target: 60, direction: 'atMost' as const, poolAllocation: 0.6 } // AHT 85.5 s
		];
		// raw: 0.6 x 10,000 + 0.6 x 10,000 = 12,000 > at-risk 10,000
		const full = evaluateContract(draft({ metrics }), ASSUME, table, cal, undefined, { details: true });
		expect(full.scalars[M.credits]).toBeCloseTo(10000, 6);
		expect(full.details!.metrics[0].months[0].creditRaw).toBeCloseTo(6000, 6);
		expect(full.details!.metrics[0].months[0].credit).toBeCloseTo(5000, 6);
		const half = evaluateContract(draft({ metrics, atRisk: { cap: 0.5 } }), ASSUME, table, cal).scalars;
		expect(half[M.credits]).toBeCloseTo(5000, 6);
	});
});

describe('earn-back', () => {
	// Three 30-day months, fees 100,000 each; SL allocation 40 % of a 10 % pool -> 4,000 when missed.
	const cal = { days: 90, intervalsPerDay: 1, intervalSeconds: 1800 };
	const sl = [
		{ metric: 'serviceLevel' as const, target: 0.8, direction: 'atLeast' as const, poolAllocation: 0.4 }
	];
	const table = (missed: number[]) =>
		makeTable(90, 1, (d) =>
			goodRow({ HANDLED: 10000 / 30, ANSWERED_WITHIN_T: missed.includes(Math.floor(d / 30)) ? 70 : 85 })
		);

	it('without earn-back, a missed month 1 costs 4,000', () => {
		const s = evaluateContract(draft({ metrics: sl }), ASSUME, table([0]), cal).scalars;
		expect(s[M.credits]).toBeCloseTo(4000, 6);
	});

	it('month 1 missed, months 2-3 met, earn-back over 2 months: the 4,000 is returned', () => {
		const d = draft({ metrics: sl, earnBack: { enabled: true, months: 2 } });
		const r = evaluateContract(d, ASSUME, table([0]), cal, undefined, { details: true });
		expect(r.scalars[M.credits]).toBeCloseTo(0, 6);
		expect(r.details!.metrics[0].months[0].earnedBack).toBeCloseTo(4000, 6);
		expect(r.details!.months[0].earnedBack).toBeCloseTo(4000, 6);
		// the SLA still read missed in month 1
		expect(r.scalars[M.slaMet]).toBe(0);
	});

	it('months 1 and 3 missed: month 1 kept (month 3 failed), month 3 pending past the horizon', () => {
		const d = draft({ metrics: sl, earnBack: { enabled: true, months: 2 } });
		const r = evaluateContract(d, ASSUME, table([0, 2]), cal, undefined, { details: true });
		expect(r.scalars[M.credits]).toBeCloseTo(8000, 6);
		expect(r.details!.pendingEarnBack).toBeCloseTo(4000, 6);
		// 'anyFollowing': month 2 was met, so month 1's credit comes back; month 3 still pending
		const any = draft({ metrics: sl, earnBack: { enabled: true, months: 2, rule: 'anyFollowing' } });
		expect(evaluateContract(any, ASSUME, table([0, 2]), cal).scalars[M.credits]).toBeCloseTo(4000, 6);
	});

	it('with a one-month horizon nothing can be earned back: the credit stands, reported as pending', () => {
		const cal1 = { days: 30, intervalsPerDay: 1, intervalSeconds: 1800 };
		const t1 = makeTable(30, 1, () => goodRow({ HANDLED: 10000 / 30, ANSWERED_WITHIN_T: 70 }));
		const d = draft({ metrics: sl, earnBack: { enabled: true, months: 1 } });
		const r = evaluateContract(d, ASSUME, t1, cal1, undefined, { details: true });
		expect(r.scalars[M.credits]).toBeCloseTo(4000, 6);
		expect(r.details!.pendingEarnBack).toBeCloseTo(4000, 6);
	});
});

describe('volume relief', () => {
	// 30 daily windows, SL must reach 0.8 on >= 90 % of days. Days 0-3 miss (SL 0.7);
	// on days 0 and 1 offered is 120 against a forecast of 100 (+20 % > band 10 %).
	// Without relief 26/30 = 86.7 % < 90 % -> missed: credit 40 % x 10 % x fees.
	// With relief days 0 and 1 are excused: 28/30 = 93.3 % -> met, no credit.
	const cal = { days: 30, intervalsPerDay: 1, intervalSeconds: 1800 };
	const table = makeTable(30, 1, (d) =>
		goodRow({
			HANDLED: 10000 / 30,
			OFFERED: d < 2 ? 120 : 100,
			ANSWERED_WITHIN_T: d < 4 ? (d < 2 ? 84 : 70) : 85
		})
	);
	const metrics = [
		{
			metric: 'serviceLevel' as const,
			target: 0.8,
			direction: 'atLeast' as const,
			window: 'day' as const,
			rollUp: 'shareOfWindows' as const,
			share: 0.9,
			poolAllocation: 0.4
		}
	];

	it('excuses over-forecast days: 26/30 missed -> 28/30 met', () => {
		const off = evaluateContract(draft({ metrics }), ASSUME, table, cal, undefined, { details: true });
		expect(off.details!.metrics[0].months[0].value).toBeCloseTo(26 / 30, 12);
		expect(off.scalars[M.credits]).toBeCloseTo(4000, 6);
		const on = evaluateContract(
			draft({ metrics, volumeRelief: { enabled: true, band: 0.1 } }),
			ASSUME,
			table,
			cal,
			undefined,
			{
				details: true
			}
		);
		const m = on.details!.metrics[0];
		expect(m.months[0].value).toBeCloseTo(28 / 30, 12);
		expect(m.months[0].rawValue).toBeCloseTo(26 / 30, 12);
		expect(m.months[0].windowsRelieved).toBe(2);
		expect(Array.from(m.windowStatus.slice(0, 5))).toEqual([2, 2, 0, 0, 1]);
		expect(on.scalars[M.credits]).toBe(0);
		expect(on.scalars[M.slaMet]).toBe(1);
	});

	it('a band of 25 % does not cover +20 %; a metric with volumeRelief false is not covered', () => {
		const wide = draft({ metrics, volumeRelief: { enabled: true, band: 0.25 } });
		expect(evaluateContract(wide, ASSUME, table, cal).scalars[M.credits]).toBeCloseTo(4000, 6);
		const notCovered = draft({
			metrics: [{ ...metrics[0], volumeRelief: false }],
			volumeRelief: { enabled: true }
		});
		expect(evaluateContract(notCovered, ASSUME, table, cal).scalars[M.credits]).toBeCloseTo(4000, 6);
	});
});

describe('windows', () => {
	it('empty windows are neither met nor missed', () => {
		// Two intervals a day; the second is closed (no contacts). SL per interval, 90 % of windows.
		const cal = { days: 30, intervalsPerDay: 2, intervalSeconds: 1800 };
		const table = makeTable(30, 2, (_d, i) => (i === 0 ? goodRow() : { AGENTS_SCHEDULED: 0 }));
		const d = draft({
			metrics: [
				{
					metric: 'serviceLevel',
					target: 0.8,
					direction: 'atLeast',
					window: 'interval',
					rollUp: 'shareOfWindows',
					share: 0.9,
					poolAllocation: 1
				},
				{ metric: 'csat', target: 0.7, direction: 'atLeast', window: 'interval' }
			]
		});
		const r = evaluateContract(d, ASSUME, table, cal, undefined, { details: true });
		const m = r.details!.metrics[0];
		expect(m.months[0].windows).toBe(30);
		expect(m.months[0].value).toBe(1);
		expect(m.windowStatus[1]).toBe(3);
		expect(Number.isNaN(m.windowValues[1])).toBe(true);
		expect(r.details!.metrics[1].months[0].value).toBeCloseTo(0.8, 12);
		expect(r.scalars[M.credits]).toBe(0);
	});

	it('a month with no traffic measures nothing: SLA met, watermelon and the met flags are n/a (NaN), not met', () => {
		const cal = { days: 30, intervalsPerDay: 2, intervalSeconds: 1800 };
		const table = makeTable(30, 2, () => ({ AGENTS_SCHEDULED: 0 }));
		const d = draft({
			metrics: [
				{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast', poolAllocation: 1 },
				{ metric: 'csat', target: 0.7, direction: 'atLeast' }
			]
		});
		const r = evaluateContract(d, ASSUME, table, cal);
		for (const key of ['slaMet', 'watermelon', 'metServiceLevel', 'metCsat'] as const)
			expect(r.scalars[M[key]], key).toBeNaN();
		expect(r.scalars[M.credits]).toBe(0);
		// Measured in one month of two and met there: met.
		const two = { days: 60, intervalsPerDay: 1, intervalSeconds: 1800 };
		const half = makeTable(60, 1, (day) => (day < 30 ? goodRow() : { AGENTS_SCHEDULED: 0 }));
		const h = evaluateContract(d, ASSUME, half, two);
		expect(h.scalars[M.slaMet]).toBe(1);
		expect(h.scalars[M.metServiceLevel]).toBe(1);
	});

	it("periodValue over days is the unweighted mean of the days' values", () => {
		const cal = { days: 2, intervalsPerDay: 1, intervalSeconds: 1800 };
		// day 0: SL 90/100 = 0.9; day 1: SL 30/50 = 0.6. Mean of days 0.75; pooled 120/150 = 0.8.
		const table = makeTable(2, 1, (d) =>
			d === 0 ? goodRow({ ANSWERED_WITHIN_T: 90 }) : goodRow({ OFFERED: 50, ANSWERED_WITHIN_T: 30 })
		);
		const byDay = draft({
			metrics: [{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast', window: 'day' }]
		});
		const byMonth = draft({ metrics: [{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast' }] });
		const a = evaluateContract(byDay, ASSUME, table, cal, undefined, { details: true });
		const b = evaluateContract(byMonth, ASSUME, table, cal, undefined, { details: true });
		expect(a.details!.metrics[0].months[0].value).toBeCloseTo(0.75, 12);
		expect(a.scalars[M.slaMet]).toBe(0);
		expect(b.details!.metrics[0].months[0].value).toBeCloseTo(0.8, 12);
		expect(b.scalars[M.slaMet]).toBe(1);
		expect(a.scalars[M.serviceLevel]).toBeCloseTo(0.8, 12);
	});
});

describe('metric definitions and scalars', () => {
	const cal = { days: 1, intervalsPerDay: 2, intervalSeconds: 1800 };
	const table = makeTable(1, 2, () => goodRow());

	it('fills every key with the documented formulas', () => {
		const d = draft({ price: { model: 'perHandledContact', rate: 5 } });
		const s = evaluateContract(d, ASSUME, table, cal).scalars;
		expect(s.length).toBe(METRIC_COUNT);
		// A draft without SLA metrics measures none: SLA met (and so watermelon) is n/a.
		const na = new Set(['slaMet', 'watermelon']);
		for (const m of METRICS) expect(Number.isFinite(s[M[m.key]]), m.key).toBe(!na.has(m.key));
		expect(s[M.slaMet]).toBeNaN();
		expect(s[M.serviceLevel]).toBeCloseTo(0.85, 12);
		expect(s[M.asa]).toBeCloseTo(10, 12);
		expect(s[M.abandonRate]).toBeCloseTo(0.05, 12);
		expect(s[M.aht]).toBeCloseTo(300, 12);
		expect(s[M.fcr]).toBeCloseTo(0.8, 12);
		expect(s[M.fcrTrue]).toBeCloseTo(0.8, 12);
		expect(s[M.repeatContactRate]).toBeCloseTo(0.1, 12);
		expect(s[M.csat]).toBeCloseTo(0.8, 12);
		expect(s[M.csatTrue]).toBeCloseTo(0.8, 12);
		expect(s[M.qaScore]).toBeCloseTo(0.9, 12);
		expect(s[M.qaTrue]).toBeCloseTo(0.85, 12);
		expect(s[M.occupancy]).toBeCloseTo((95 * 300) / (14 * 1800), 12);
		expect(s[M.contactsPerIssue]).toBeCloseTo(95 / 85, 12);
		expect(s[M.offered]).toBe(200);
		expect(s[M.forecast]).toBe(200);
		expect(s[M.handled]).toBe(190);
		expect(s[M.churnedCustomers]).toBe(2);
		expect(s[M.fees]).toBeCloseTo(950, 9);
		expect(s[M.vendorCost]).toBeCloseTo(20 * 0.5 * 2 * 20, 9); // 20 agents x 0.5 h x 2 intervals x 20/h
		expect(s[M.vendorMargin]).toBeCloseTo(950 - 400, 9);
		expect(s[M.repeatCost]).toBeCloseTo(20 * 6, 9);
		expect(s[M.churnCost]).toBeCloseTo(2 * 300, 9);
		expect(s[M.clientTotalCost]).toBeCloseTo(950 + 120 + 600, 9);
		// paid hours override
		expect(evaluateContract(d, ASSUME, table, cal, 100).scalars[M.vendorCost]).toBeCloseTo(2000, 9);
	});

	it('SL and abandon definitions follow the draft', () => {
		const sl = (definition: object) =>
			evaluateContract(
				draft({ metrics: [{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast', definition }] }),
				ASSUME,
				table,
				cal
			).scalars[M.serviceLevel];
		expect(sl({ base: 'answered' })).toBeCloseTo(85 / 95, 12);
		expect(sl({ excludeShortAbandons: true })).toBeCloseTo(85 / 99, 12);
		const ab = evaluateContract(
			draft({
				metrics: [{ metric: 'abandonRate', target: 0.05, direction: 'atMost', excludeShortAbandons: true }]
			}),
			ASSUME,
			table,
			cal
		).scalars[M.abandonRate];
		expect(ab).toBeCloseTo(4 / 99, 12);
	});

	it('price models', () => {
		const fee = (price: object) =>
			evaluateContract(draft({ price: price as never }), ASSUME, table, cal).scalars[M.fees];
		expect(fee({ model: 'perHandledContact', rate: 5, repeatsBillable: false })).toBeCloseTo(5 * 170, 9);
		expect(fee({ model: 'perHandledMinute', rate: 1 })).toBeCloseTo(190 * 5, 9);
		expect(fee({ model: 'perHandledMinute', rate: 1, repeatsBillable: false })).toBeCloseTo(170 * 5, 9);
		expect(fee({ model: 'perProductiveHour', rate: 30 })).toBeCloseTo(30 * ((2 * 95 * 300) / 3600), 9);
		expect(fee({ model: 'perStaffedHour', rate: 30 })).toBeCloseTo(30 * ((2 * 14 * 1800) / 3600), 9);
		expect(fee({ model: 'perFte', rate: 3200, fteHoursPerMonth: 160 })).toBeCloseTo((3200 * 20) / 160, 9);
		// non-billable repeats = handled contacts that are not their issue's first handled contact
		// (a handled redial after an abandon can be the first one: attempt 2, yet billed)
		const redials = makeTable(1, 2, () => goodRow({ HANDLED_REPEAT: 15, ISSUES_HANDLED: 85 }));
		const d = draft({ price: { model: 'perHandledContact', rate: 1, repeatsBillable: false } });
		expect(evaluateContract(d, ASSUME, redials, cal).scalars[M.fees]).toBeCloseTo(170, 9);
	});

	it('bonuses: percent of invoice or a fixed amount pro rata for a partial month', () => {
		const d = draft({
			bonuses: [
				{ metric: 'csat', threshold: 0.75, direction: 'atLeast', percentOfInvoice: 0.02 },
				{ metric: 'fcr', threshold: 0.85, direction: 'atLeast', amount: 3000 },
				{ metric: 'repeatContactRate', threshold: 0.12, direction: 'atMost', amount: 3000 }
			]
		});
		const s = evaluateContract(d, ASSUME, table, cal).scalars;
		// fees 1,900; CSAT 0.8 -> 38; FCR 0.8 < 0.85 -> 0; repeats 0.10 <= 0.12 -> 3,000 x 1/30 days
		expect(s[M.bonuses]).toBeCloseTo(38 + 100, 9);
		expect(s[M.vendorRevenue]).toBeCloseTo(1900 + 138, 9);
	});

	it('watermelon: SLA met while true FCR or CSAT is below the floor', () => {
		const d = draft({ metrics: [{ metric: 'aht', target: 320, direction: 'atMost', poolAllocation: 1 }] });
		const ok = evaluateContract(d, ASSUME, table, cal).scalars;
		expect(ok[M.slaMet]).toBe(1);
		expect(ok[M.watermelon]).toBe(0); // true FCR 0.8 >= 0.7, CSAT 0.8 >= 0.75
		const red = evaluateContract(
			d,
			{ ...ASSUME, customerOutcomeFloor: { fcr: 0.85, csat: 0.5 } },
			table,
			cal
		).scalars;
		expect(red[M.watermelon]).toBe(1);
		const missed = draft({ metrics: [{ metric: 'aht', target: 250, direction: 'atMost' }] });
		const m = evaluateContract(
			missed,
			{ ...ASSUME, customerOutcomeFloor: { fcr: 0.85, csat: 0.5 } },
			table,
			cal
		).scalars;
		expect(m[M.watermelon]).toBe(0);
	});

	it('rejects a table of the wrong size', () => {
		expect(() => evaluateContract(draft({}), ASSUME, new Float64Array(10), cal)).toThrow(/table/);
	});
});

describe('properties on random tables', () => {
	const rng = seedrandom.alea('contract-properties');
	const u = (a: number, b: number) => a + (b - a) * rng();
	function randomTable(days: number, ipd: number): Float64Array {
		return makeTable(days, ipd, () => {
			const forecast = u(50, 150);
			const offered = forecast * u(0.7, 1.4);
			const answered = offered * u(0.8, 1);
			const handled = answered;
			const surveys = Math.round(u(0, 15));
			const evals = Math.round(u(0, 2));
			return {
				FORECAST: forecast,
				OFFERED: offered,
				OFFERED_REPEAT: offered * u(0, 0.3),
				ANSWERED: answered,
				ANSWERED_WITHIN_T: answered * u(0.5, 1),
				ABANDONED: offered - answered,
				ABANDONED_SHORT: (offered - answered) * u(0, 0.3),
				WAIT_SUM_ANSWERED: answered * u(2, 60),
				HANDLED: handled,
				HANDLE_SUM: handled * u(200, 400),
				RESOLVED: handled * u(0.5, 0.95),
				REPEAT_WITHIN_N: handled * u(0.05, 0.4),
				HANDLED_REPEAT: handled * u(0, 0.3),
				ISSUES_HANDLED: handled * u(0.7, 1),
				SAT_PROB_SUM: handled * u(0.5, 0.9),
				SURVEYS: surveys,
				SURVEYS_SATISFIED: Math.round(surveys * u(0.4, 1)),
				QA_EVALS: evals,
				QA_SCORE_SUM: evals * u(0.6, 1),
				QA_TRUE_SUM: handled * u(0.6, 1),
				AGENTS_SCHEDULED: u(10, 30),
				STAFFED_SECONDS: u(10, 20) * 1800,
				BUSY_SECONDS: handled * 300,
				CHURNED: u(0, 2)
			};
		});
	}
	const windows = ['interval', 'day', 'month'] as const;
	function randomDraft(): DraftInput {
		const names = CONTRACT_METRICS;
		const targets = {
			serviceLevel: 0.8,
			asa: 20,
			abandonRate: 0.05,
			aht: 300,
			fcr: 0.75,
			repeatContactRate: 0.15,
			csat: 0.75,
			qaScore: 0.8
		};
		const atMost = new Set(['asa', 'abandonRate', 'aht', 'repeatContactRate']);
		const metrics = names
			.filter(() => rng() < 0.6)
			.map((name) => {
				const share = rng() < 0.5;
				return {
					metric: name,
					target: targets[name] * u(0.9, 1.1),
					direction: atMost.has(name) ? 'atMost' : 'atLeast',
					window: windows[Math.floor(rng() * 3)],
					rollUp: share ? 'shareOfWindows' : 'periodValue',
					...(share ? { share: u(0.5, 0.95) } : {}),
					poolAllocation: u(0, 0.6),
					credit:
						rng() < 0.5
							? { type: 'binary' }
							: { type: 'slidingPerPoint', perPoint: u(0.01, 0.3), cap: u(0.3, 1) }
				};
			});
		return {
			name: 'random',
			metrics,
			price: { model: 'perHandledContact', rate: u(2, 8), repeatsBillable: rng() < 0.5 },
			atRisk: { percentOfInvoice: u(0.05, 0.15), poolAllocation: u(0.3, 1), cap: u(0.5, 1) },
			earnBack: {
				enabled: rng() < 0.5,
				months: 1 + Math.floor(rng() * 2),
				rule: rng() < 0.5 ? 'allFollowing' : 'anyFollowing'
			},
			bonuses:
				rng() < 0.5 ? [{ metric: 'csat', threshold: 0.7, direction: 'atLeast', percentOfInvoice: 0.02 }] : [],
			volumeRelief: { enabled: false, band: u(0, 0.3) }
		} as DraftInput;
	}
	const cal = { days: 60, intervalsPerDay: 4, intervalSeconds: 1800 };

	it('billable repeats never lower the vendor revenue (per contact and per minute)', () => {
		for (let trial = 0; trial < 200; trial++) {
			const table = randomTable(60, 4);
			const base = randomDraft();
			for (const model of ['perHandledContact', 'perHandledMinute'] as const) {
				const rev = (repeatsBillable: boolean) =>
					evaluateContract(
						DraftSchema.parse({ ...base, price: { model, rate: 5, repeatsBillable } }),
						ASSUME,
						table,
						cal
					).scalars[M.vendorRevenue];
				expect(rev(true)).toBeGreaterThanOrEqual(rev(false) - 1e-9);
			}
		}
	});

	it('volume relief never raises credits', () => {
		let relievedSomething = 0;
		for (let trial = 0; trial < 200; trial++) {
			const table = randomTable(60, 4);
			const base = randomDraft();
			const off = evaluateContract(DraftSchema.parse(base), ASSUME, table, cal).scalars[M.credits];
			const on = evaluateContract(
				DraftSchema.parse({ ...base, volumeRelief: { enabled: true, band: base.volumeRelief!.band } }),
				ASSUME,
				table,
				cal
			).scalars[M.credits];
			expect(on).toBeLessThanOrEqual(off + 1e-9);
			if (on < off - 1e-9) relievedSomething++;
		}
		// the property is not vacuous: relief did lower credits in some trials
		expect(relievedSomething).toBeGreaterThan(10);
	});

	it('sliding credit is monotone in the shortfall', () => {
		const cal1 = { days: 30, intervalsPerDay: 1, intervalSeconds: 1800 };
		const d = draft({
			metrics: [
				{
					metric: 'serviceLevel',
					target: 0.8,
					direction: 'atLeast',
					poolAllocation: 0.5,
					credit: { type: 'slidingPerPoint', perPoint: 0.05, cap: 0.8 }
				}
			]
		});
		const ev = new ContractEvaluator(d, ASSUME, cal1);
		let prev = -1;
		let rose = 0;
		for (let sl = 0.9; sl >= 0.3; sl -= 0.005) {
			const table = makeTable(30, 1, () => goodRow({ ANSWERED_WITHIN_T: 100 * sl }));
			const c = ev.evaluate(table).scalars[M.credits];
			expect(c).toBeGreaterThanOrEqual(prev - 1e-9);
			if (c > prev + 1e-9) rose++;
			prev = c;
		}
		expect(rose).toBeGreaterThan(10);
		// capped at 0.8 x 50 % x 10 % x fees (95 handled x 30 days x 10 = 28,500)
		expect(prev).toBeCloseTo(0.8 * 0.5 * 0.1 * 28500, 6);
	});

	it('an evaluator reused across tables gives the same numbers as a fresh one', () => {
		const d = DraftSchema.parse(randomDraft());
		const ev = new ContractEvaluator(d, ASSUME, cal);
		for (let trial = 0; trial < 5; trial++) {
			const table = randomTable(60, 4);
			const a = Array.from(ev.evaluate(table).scalars);
			const b = Array.from(evaluateContract(d, ASSUME, table, cal).scalars);
			expect(a).toEqual(b);
		}
	});
});

describe('contractInputsOf', () => {
	it('maps a scenario to the contract inputs (open intervals only, 30-day months)', async () => {
		const { DEFAULT_ASSUMPTIONS } = await import('../../src/lib/core/schema/assumptions');
		const { contractInputsOf, DEFAULT_OUTCOME_FLOOR } = await import('../../src/lib/core/contract/inputs');
		const scenario = {
			currency: 'EUR',
			assumptions: DEFAULT_ASSUMPTIONS
		} as unknown as Parameters<typeof contractInputsOf>[0];
		const { assumptions, calendar } = contractInputsOf(scenario);
		expect(assumptions).toEqual({
			currency: 'EUR',
			agentCostPerPaidHour: DEFAULT_ASSUMPTIONS.costs.agentCostPerPaidHour,
			clientCostPerRepeat: DEFAULT_ASSUMPTIONS.costs.clientCostPerRepeatContact,
			customerLifetimeValue: DEFAULT_ASSUMPTIONS.customers.lifetimeValue,
			customerOutcomeFloor: DEFAULT_OUTCOME_FLOOR
		});
		const c = DEFAULT_ASSUMPTIONS.calendar;
		expect(calendar).toEqual({
			days: c.days,
			intervalsPerDay: ((c.closeHour - c.openHour) * 60) / c.intervalMinutes,
			intervalSeconds: c.intervalMinutes * 60,
			daysPerMonth: 30
		});
	});
});
