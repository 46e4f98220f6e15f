import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_ASSUMPTIONS } from '../../src/lib/core/schema/assumptions';
import { parseScenario, ScenarioSchema, type ScenarioError } from '../../src/lib/core/schema/scenario';

const draft = (name: string) => ({ name, price: { model: 'perHandledContact', rate: 4 } });
function good(): Record<string, unknown> {
	return {
		version: 1,
		name: 'test',
		description: 'a test',
		currency: 'EUR',
		seed: 'seed-1',
		replications: 20,
		assumptions: structuredClone(DEFAULT_ASSUMPTIONS),
		drafts: [draft('A'), draft('B')]
	};
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function errorsOf(json: unknown): ScenarioError[] {
	const r = parseScenario(json);
	if (r.ok) throw new Error('expected errors');
	return r.errors;
}
const has = (errs: ScenarioError[], path: string, re: RegExp) =>
	expect(
		errs.some((e) => e.path === path && re.test(e.message)),
		`${path} ~ ${re}\n${JSON.stringify(errs, null, 1)}`
	).toBe(true);

describe('parseScenario', () => {
	it('accepts the defaults with two drafts and fills draft defaults', () => {
		const r = parseScenario(good());
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.scenario.drafts[0].atRisk.percentOfInvoice).toBe(0.1);
			expect(r.scenario.assumptions.calendar.days).toBe(30);
		}
	});
	it('reports every error at once, each with its path and rule', () => {
		const s: Any = good();
		s.version = 2;
		s.extra = true;
		delete s.currency;
		s.assumptions.calendar.days = 0;
		s.assumptions.calendar.intervalMinutes = 20;
		s.assumptions.demand.busynessCV = 'high';
		delete s.assumptions.demand.spikes;
		s.assumptions.intents[1].workSeconds = { kind: 'lognormal', mean: -1 };
		s.assumptions.intents[2].resolvability = 1.5;
		s.assumptions.customers.patienceSeconds = { kind: 'never', mean: 3 };
		s.assumptions.behaviour.minEffort = 2;
		s.assumptions.behaviour.typo = 1;
		delete s.assumptions.behaviour.skillSpread;
		s.assumptions.staffing.method = 'fixed';
		s.assumptions.qa.evaluationsPerAgentPerMonth = -1;
		s.drafts[1].price.rate = -3;
		const errs = errorsOf(s);
		has(errs, 'version', /must be 1/);
		has(errs, 'extra', /unknown field/);
		has(errs, 'currency', /is required/);
		has(errs, 'assumptions.calendar.days', /must be at least 1/);
		has(errs, 'assumptions.calendar.intervalMinutes', /15 or 30/);
		has(errs, 'assumptions.demand.busynessCV', /must be a number/);
		has(errs, 'assumptions.demand.spikes', /is required/);
		has(errs, 'assumptions.intents.1.workSeconds.mean', /must be more than 0/);
		has(errs, 'assumptions.intents.1.workSeconds.cv', /is required/);
		has(errs, 'assumptions.intents.2.resolvability', /must be at most 100 %/);
		has(errs, 'assumptions.customers.patienceSeconds.mean', /unknown field/);
		has(errs, 'assumptions.behaviour.minEffort', /must be at most 1/);
		has(errs, 'assumptions.behaviour.typo', /unknown field/);
		has(errs, 'assumptions.behaviour.skillSpread', /is required/);
		has(errs, 'assumptions.staffing.fixedAgents', /required when the vendor plans a fixed number of agents/);
		has(errs, 'assumptions.qa.evaluationsPerAgentPerMonth', /must be at least 0/);
		has(errs, 'drafts.1.price.rate', /at least 0/);
		expect(errs.length).toBe(17);
	});
	it('rejects 1 draft and 5 drafts, and still reports errors inside them', () => {
		const one: Any = good();
		one.drafts = [draft('A')];
		has(errorsOf(one), 'drafts', /at least 2 drafts/);
		const five: Any = good();
		five.drafts = ['A', 'B', 'C', 'D', 'E'].map(draft);
		five.drafts[3].price.model = 'perBanana';
		const errs = errorsOf(five);
		has(errs, 'drafts', /at most 4 drafts/);
		expect(errs.some((e) => e.path.startsWith('drafts.3.price.model'))).toBe(true);
	});
	it('rejects duplicate draft names', () => {
		const s: Any = good();
		s.drafts = [draft('Same'), draft('Same')];
		has(
			errorsOf(s),
			'drafts.1.name',
			/must differ from the other drafts' names \(draft 1 has the same name\)/
		);
	});
	it('checks cross-field rules: hours vs intervals, profile length, spikes in the horizon, fixed pattern', () => {
		const s: Any = good();
		s.assumptions.calendar.closeHour = 19.75;
		s.assumptions.demand.spikes = [{ day: 40, fromHour: 10, toHour: 9, multiplier: 2 }];
		s.assumptions.staffing.method = 'fixed';
		s.assumptions.staffing.fixedAgents = [1, 2, 3];
		const errs = errorsOf(s);
		has(errs, 'assumptions.calendar.closeHour', /whole number of 30-minute intervals/);
		has(errs, 'assumptions.demand.spikes.0.toHour', /later than the start/);
		has(errs, 'assumptions.demand.spikes.0.day', /before the last simulated day \(less than 30/);
		const t: Any = good();
		t.assumptions.calendar.intradayProfile = [1, 2, 3];
		has(
			errorsOf(t),
			'assumptions.calendar.intradayProfile',
			/one entry per open hour \(12\) or per interval \(24\)/
		);
		const u: Any = good();
		u.assumptions.staffing.method = 'fixed';
		u.assumptions.staffing.fixedAgents = [1, 2, 3];
		has(errorsOf(u), 'assumptions.staffing.fixedAgents', /one entry per interval of the day \(24\)/);
	});
	it('reports wrong types and missing sections with their paths', () => {
		has(errorsOf(null), '', /must be an object/);
		const errs = errorsOf({});
		for (const k of [
			'version',
			'name',
			'description',
			'currency',
			'seed',
			'replications',
			'assumptions',
			'drafts'
		])
			has(errs, k, /is required/);
		const s: Any = good();
		s.replications = 2.5;
		s.seed = { x: 1 };
		s.currency = 'euro';
		s.assumptions.intents = 'three';
		const e2 = errorsOf(s);
		has(e2, 'replications', /whole number/);
		has(e2, 'seed', /a word or a whole number/);
		has(e2, 'currency', /3-letter/);
		has(e2, 'assumptions.intents', /must be a list/);
	});
});

describe('JSON Schema', () => {
	it('is generated by zod and lists required fields and draft counts', () => {
		const js = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Any;
		expect(js.required).toContain('assumptions');
		expect(js.properties.drafts.minItems).toBe(2);
		expect(js.properties.drafts.maxItems).toBe(4);
		expect(js.additionalProperties).toBe(false);
	});
});

describe('presets', () => {
	const dir = join(__dirname, '../../scenarios');
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	it('exist', () => {
		for (const f of ['ecommerce-case.json', 'pricing.json', 'forecast-risk.json']) expect(files).toContain(f);
	});
	for (const f of files)
		it(`${f} is a valid scenario`, () => {
			const r = parseScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')));
			if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
			expect(r.scenario.description.length).toBeGreaterThan(50);
		});
});
