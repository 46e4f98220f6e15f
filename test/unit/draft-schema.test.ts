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
		expect(e).toContain(': unknown field');
		expect(e.some((s) => s.startsWith('price:'))).toBe(true);
	});

	it('missing required fields say "is required" and what is expected', () => {
		expect(issues({})).toEqual(['name: is required (text)', 'price: is required (a price model and a rate)']);
		expect(issues({ name: 'x', price: {}, metrics: [{ metric: 'csat' }] })).toEqual([
			'metrics.0.target: is required (a number)',
			'metrics.0.direction: is required ("At least" or "At most")',
			'price.model: is required ("Per handled contact", "Per handled minute", "Per productive hour", "Per staffed hour" or "Per FTE")',
			'price.rate: is required (a number)'
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
		expect(e).toContain('name: must not be empty');
		expect(e.find((s) => s.startsWith('price.model:'))).toMatch(/Per handled contact/);
		expect(e).toContain('price.rate: must be at least 0');
		expect(e).toContain(
			'atRisk.percentOfInvoice: must be at most 100 % (in a scenario file, a share from 0 to 1: 0.8 for 80 %)'
		);
		expect(e).toContain('vendor.staffingPolicyFactor: must be at least 0.3 (30 % of the plan)');
		expect(e).toContain('volumeRelief.band: must be at least 0 %');
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
			'metrics.0.metric: must be "Service level", "ASA", "Abandon rate", "AHT", "FCR", "Repeat contact rate", "CSAT" or "QA score"'
		);
		expect(e).toContain(
			'metrics.1.target: must be at most 100 % (in a scenario file, a share from 0 to 1: 0.8 for 80 %)'
		);
		expect(e.find((s) => s.startsWith('metrics.2.direction:'))).toMatch(/At least.*At most/);
		expect(e).toContain('metrics.3: unknown field');
		expect(e).toContain(
			'metrics.4.share: is required when the month counts windows that met the target (e.g. 90 %)'
		);
		expect(e).toContain(
			'metrics.5.share: is only used when the month counts windows that met the target: leave it empty'
		);
		expect(e).toContain('metrics.6.credit.perPoint: is required when the credit slides per point');
		expect(e).toContain('metrics.7.windowDays: must be a whole number of days');
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
			"metrics.1.definition.thresholdSeconds: must be the same seconds as the draft's first service-level target (one is simulated)",
			"metrics.3.windowDays: must be the same days as the draft's first first-contact-resolution target (one is simulated)"
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
		const either =
			'a bonus is either a fixed amount or a share of the invoice: fill in exactly one of the two';
		expect(e).toContain(`bonuses.0: ${either}`);
		expect(e).toContain(`bonuses.1.percentOfInvoice: ${either}`);
		expect(e).toContain('bonuses.2.threshold: must be at most 100 % for FCR');
		expect(e).toContain('scorecard.weights: unknown field');
		const m = issues({ ...minimal, scorecard: { mode: 'manual' } });
		expect(m).toEqual(['scorecard.weights: are required for a manual scorecard']);
		const z0 = issues({ ...minimal, scorecard: { mode: 'manual', weights: { aht: 0 } } });
		expect(z0).toEqual(['scorecard.weights: a manual scorecard needs at least one weight above 0']);
	});

	it('customer-outcome floor (for the shared assumptions): defaults match the contract', async () => {
		const { DEFAULT_OUTCOME_FLOOR } = await import('../../src/lib/core/contract/inputs');
		expect(CustomerOutcomeFloorSchema.parse({})).toEqual(DEFAULT_OUTCOME_FLOOR);
		const r = CustomerOutcomeFloorSchema.safeParse({ fcr: 70 });
		expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
			'fcr: must be at most 100 % (in a scenario file, a share from 0 to 1: 0.8 for 80 %)'
		]);
	});

	it('scorecard keys stay in sync with the pressure module', async () => {
		const { PUSH_SIDE } = await import('../../src/lib/core/pressure');
		expect([...SCORECARD_KEYS].sort()).toEqual(Object.keys(PUSH_SIDE).sort());
	});
});
