import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	CustomerOutcomeFloorSchema,
	DraftSchema,
	SCORECARD_KEYS,
	draftFcrWindowDays,
	draftSlThresholdSeconds
} from '../../src/lib/core/schema/draft';

const minimal = { name: 'AHT-only', price: { model: 'perHandledContact', rate: 4.2 } };

/** Issues as "path: message" lines. */
function issues(input: unknown): string[] {
	const r = DraftSchema.safeParse(input);
	expect(r.success).toBe(false);
	return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('DraftSchema defaults', () => {
	it('a minimal draft gets every documented default', () => {
		const d = DraftSchema.parse(minimal);
		expect(d).toEqual({
			name: 'AHT-only',
			description: '',
			metrics: [],
			shortAbandonSeconds: 5,
			price: { model: 'perHandledContact', rate: 4.2, repeatsBillable: true, fteHoursPerMonth: 160 },
			atRisk: { percentOfInvoice: 0.1, poolAllocation: 1, cap: 1 },
			earnBack: { enabled: false, months: 3, rule: 'allFollowing' },
			bonuses: [],
			volumeRelief: { enabled: false, band: 0.1 },
			scorecard: { mode: 'mirror' },
			vendor: { staffingPolicyFactor: 1, coachingSpeedBias: 0 }
		});
		expect(draftSlThresholdSeconds(d)).toBe(20);
		expect(draftFcrWindowDays(d)).toBe(7);
	});

	it('metric defaults: month window, period value, binary credit, relief on queue metrics only', () => {
		const d = DraftSchema.parse({
			...minimal,
			metrics: [
				{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast' },
				{ metric: 'fcr', target: 0.75, direction: 'atLeast', windowDays: 3 },
				{ metric: 'abandonRate', target: 0.05, direction: 'atMost' }
			]
		});
		const [sl, fcr, ab] = d.metrics;
		expect(sl).toMatchObject({
			window: 'month',
			rollUp: 'periodValue',
			poolAllocation: 0,
			credit: { type: 'binary', cap: 1 },
			volumeRelief: true,
			definition: { base: 'offered', excludeShortAbandons: false, thresholdSeconds: 20 }
		});
		expect(fcr).toMatchObject({ windowDays: 3, volumeRelief: false });
		expect(ab).toMatchObject({ excludeShortAbandons: false, volumeRelief: true });
		expect(draftFcrWindowDays(d)).toBe(3);
	});

	it('has an input JSON Schema for editors', () => {
		const js = z.toJSONSchema(DraftSchema, { io: 'input' }) as { required: string[] };
		expect(js.required).toEqual(['name', 'price']);
	});
});

describe('DraftSchema errors name the path and the rule', () => {
	it('unknown and missing fields', () => {
		const e = issues({ name: 'x', colour: 'red' });
		expect(e).toContain(': Unrecognized key: "colour"');
		expect(e.some((s) => s.startsWith('price:'))).toBe(true);
	});

	it('missing required fields say "is required" and what is expected', () => {
		expect(issues({})).toEqual([
			'name: name is required (a string)',
			'price: price is required (an object with model and rate)'
		]);
		expect(issues({ name: 'x', price: {}, metrics: [{ metric: 'csat' }] })).toEqual([
			'metrics.0.target: target is required (a number)',
			'metrics.0.direction: direction is required (atLeast or atMost)',
			'price.model: price.model is required (one of perHandledContact, perHandledMinute, perProductiveHour, perStaffedHour, perFte)',
			'price.rate: price.rate is required (a number)'
		]);
	});

	it('ranges and enums', () => {
		const e = issues({
			name: ' ',
			price: { model: 'perCall', rate: -1 },
			atRisk: { percentOfInvoice: 12 },
			vendor: { staffingPolicyFactor: 0 },
			volumeRelief: { band: -0.1 }
		});
		expect(e).toContain('name: name must not be empty');
		expect(e.find((s) => s.startsWith('price.model:'))).toMatch(/perHandledContact/);
		expect(e).toContain('price.rate: price.rate must be >= 0');
		expect(e).toContain(
			'atRisk.percentOfInvoice: atRisk.percentOfInvoice must be <= 1 (a fraction 0..1, e.g. 0.8 for 80 %)'
		);
		expect(e).toContain('vendor.staffingPolicyFactor: staffingPolicyFactor must be >= 0.3');
		expect(e).toContain('volumeRelief.band: volumeRelief.band must be >= 0');
	});

	it('metric rules', () => {
		const e = issues({
			...minimal,
			metrics: [
				{ metric: 'speed', target: 1, direction: 'atLeast' },
				{ metric: 'csat', target: 80, direction: 'atLeast' },
				{ metric: 'asa', target: 20, direction: 'below' },
				{ metric: 'aht', target: 300, direction: 'atMost', definition: { base: 'answered' } },
				{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast', rollUp: 'shareOfWindows' },
				{ metric: 'fcr', target: 0.7, direction: 'atLeast', share: 0.9 },
				{ metric: 'qaScore', target: 0.8, direction: 'atLeast', credit: { type: 'slidingPerPoint' } },
				{ metric: 'fcr', target: 0.7, direction: 'atLeast', windowDays: 2.5 }
			]
		});
		expect(e).toContain(
			'metrics.0.metric: metric must be one of serviceLevel, asa, abandonRate, aht, fcr, repeatContactRate, csat, qaScore'
		);
		expect(e).toContain('metrics.1.target: target must be <= 1 (a fraction 0..1, e.g. 0.8 for 80 %)');
		expect(e.find((s) => s.startsWith('metrics.2.direction:'))).toMatch(/atLeast.*atMost/);
		expect(e).toContain('metrics.3: Unrecognized key: "definition"');
		expect(e).toContain("metrics.4.share: share is required when rollUp is 'shareOfWindows' (e.g. 0.9)");
		expect(e).toContain("metrics.5.share: share is only used when rollUp is 'shareOfWindows'");
		expect(e).toContain(
			"metrics.6.credit.perPoint: perPoint is required when credit.type is 'slidingPerPoint'"
		);
		expect(e).toContain('metrics.7.windowDays: windowDays must be a whole number of days');
	});

	it('one SL threshold and one FCR window per draft (the engine measures one of each)', () => {
		const e = issues({
			...minimal,
			metrics: [
				{ metric: 'serviceLevel', target: 0.8, direction: 'atLeast' },
				{ metric: 'serviceLevel', target: 0.9, direction: 'atLeast', definition: { thresholdSeconds: 30 } },
				{ metric: 'fcr', target: 0.7, direction: 'atLeast' },
				{ metric: 'fcr', target: 0.7, direction: 'atLeast', windowDays: 14 }
			]
		});
		expect(e).toEqual([
			'metrics.1.definition.thresholdSeconds: all serviceLevel metrics of a draft must use the same thresholdSeconds',
			'metrics.3.windowDays: all fcr metrics of a draft must use the same windowDays'
		]);
	});

	it('bonuses and scorecard', () => {
		const e = issues({
			...minimal,
			bonuses: [
				{ metric: 'csat', threshold: 0.8, direction: 'atLeast' },
				{ metric: 'fcr', threshold: 0.8, direction: 'atLeast', amount: 100, percentOfInvoice: 0.01 },
				{ metric: 'fcr', threshold: 80, direction: 'atLeast', amount: 100 }
			],
			scorecard: { mode: 'manual', weights: { aht: 0, speed: 1 } }
		});
		expect(e).toContain('bonuses.0: a bonus needs exactly one of amount or percentOfInvoice');
		expect(e).toContain(
			'bonuses.1.percentOfInvoice: a bonus needs exactly one of amount or percentOfInvoice'
		);
		expect(e).toContain('bonuses.2.threshold: threshold for fcr must be a fraction <= 1');
		expect(e).toContain('scorecard.weights: Unrecognized key: "speed"');
		const m = issues({ ...minimal, scorecard: { mode: 'manual' } });
		expect(m).toEqual(["scorecard.weights: weights are required when mode is 'manual'"]);
		const z0 = issues({ ...minimal, scorecard: { mode: 'manual', weights: { aht: 0 } } });
		expect(z0).toEqual(["scorecard.weights: at least one weight must be > 0 when mode is 'manual'"]);
	});

	it('customer-outcome floor (for the shared assumptions): defaults match the contract', async () => {
		const { DEFAULT_OUTCOME_FLOOR } = await import('../../src/lib/core/contract/inputs');
		expect(CustomerOutcomeFloorSchema.parse({})).toEqual(DEFAULT_OUTCOME_FLOOR);
		const r = CustomerOutcomeFloorSchema.safeParse({ fcr: 70 });
		expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
			'fcr: customerOutcomeFloor.fcr must be <= 1 (a fraction 0..1, e.g. 0.8 for 80 %)'
		]);
	});

	it('scorecard keys stay in sync with the pressure module', async () => {
		const { PUSH_SIDE } = await import('../../src/lib/core/pressure');
		expect([...SCORECARD_KEYS].sort()).toEqual(Object.keys(PUSH_SIDE).sort());
	});
});
