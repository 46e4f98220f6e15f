/** The editor's units: shares as percentages, the right unit on every field, a manual scorecard's start. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { SCORECARD_KEYS } from '../../src/lib/core/schema/draft';
import { draftBehaviour } from '../../src/lib/core/compile';
import { cleanNumber, rangeText, setIn } from '../../src/lib/ui/form/jsonschema';
import {
	inferUnit,
	isPercentField,
	noteFor,
	percentRule,
	schemaAt
} from '../../src/lib/ui/form/scenario-schema';
import { measuredWeights, mirroredWeights } from '../../src/lib/ui/form/mirror-weights';

const raw = JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8'));
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error('the e-commerce preset does not parse');
const scenario: Scenario = parsed.scenario;

const percent = (path: (string | number)[], input: unknown = scenario) =>
	isPercentField(path, schemaAt(path, input)!, (key) => {
		let cur: unknown = input;
		for (const p of [...path.slice(0, -1), key]) cur = (cur as Record<string | number, unknown>)?.[p];
		return cur;
	});

describe('percentages', () => {
	it('edits shares as percentages and leaves other numbers alone', () => {
		for (const p of [
			['drafts', 0, 'atRisk', 'percentOfInvoice'],
			['drafts', 0, 'atRisk', 'cap'],
			['drafts', 1, 'metrics', 0, 'poolAllocation'],
			['assumptions', 'customers', 'callbackProbability'],
			['assumptions', 'staffing', 'shrinkage'],
			['assumptions', 'staffing', 'absenteeism'],
			['assumptions', 'intents', 0, 'share'],
			['assumptions', 'behaviour', 'serviceSpeedShare']
		])
			expect(percent(p), p.join('.')).toBe(true);
		for (const p of [
			['drafts', 0, 'price', 'rate'],
			['drafts', 0, 'shortAbandonSeconds'],
			['drafts', 0, 'vendor', 'staffingPolicyFactor'],
			['assumptions', 'behaviour', 'pressureMidpoint'],
			['assumptions', 'qa', 'qaBase'],
			['assumptions', 'calendar', 'days']
		])
			expect(percent(p), p.join('.')).toBe(false);
	});

	it('a target is a percentage unless its metric is measured in seconds', () => {
		const metrics = scenario.drafts[1].metrics;
		metrics.forEach((m, i) => {
			const seconds = m.metric === 'aht' || m.metric === 'asa';
			expect(percent(['drafts', 1, 'metrics', i, 'target']), m.metric).toBe(!seconds);
		});
		expect(metrics.some((m) => m.metric === 'aht')).toBe(true);
	});

	it('says ranges in words and in percent, without floating-point noise', () => {
		expect(rangeText({ minimum: 0, maximum: 1 }, 100)).toBe('0 % to 100 %');
		expect(rangeText({ minimum: 0 })).toBe('at least 0');
		expect(rangeText({ exclusiveMinimum: 0 })).toBe('more than 0');
		expect(rangeText({ minimum: 0, maximum: 0.5 }, 100)).toBe('0 % to 50 %');
		expect(cleanNumber(0.07 * 100)).toBe(7);
		expect(cleanNumber(33.3 / 100)).toBe(0.333);
	});

	it('an out-of-range share is refused in percent, not in fractions', () => {
		const input = setIn(raw, ['drafts', 0, 'atRisk', 'percentOfInvoice'], 1.5);
		const p = parseScenario(input);
		expect(p.ok).toBe(false);
		expect(percentRule(['drafts', 0, 'atRisk', 'percentOfInvoice'], input)).toBe(
			'Must be from 0 % to 100 %.'
		);
		// In range, or not a share: the schema's own message stands.
		expect(percentRule(['drafts', 0, 'atRisk', 'percentOfInvoice'], raw)).toBeNull();
		expect(
			percentRule(['drafts', 0, 'price', 'rate'], setIn(raw, ['drafts', 0, 'price', 'rate'], -1))
		).toBeNull();
	});
});

describe('units', () => {
	it('contacts per hour is a weight, not hours; durations keep their unit', () => {
		const path = ['drafts', 0, 'scorecard', 'weights', 'contactsPerHour'];
		expect(noteFor(path)?.unit).toBe('relative weight');
		expect(inferUnit(path, {})).toBeUndefined();
		expect(inferUnit(['assumptions', 'customers', 'callbackDelayHours', 'mean'], {})).toBe('hours');
		expect(inferUnit(['drafts', 0, 'price', 'fteHoursPerMonth'], {})).toBeUndefined();
	});
	it('no note names a file or states a share as a fraction', () => {
		for (const p of [
			['assumptions', 'demand', 'busynessCV'],
			['assumptions', 'customers', 'patienceSeconds'],
			['assumptions', 'staffing', 'planningForecast'],
			['assumptions', 'customers', 'churnOnGiveUp']
		]) {
			const n = noteFor(p);
			expect(`${n?.unit} ${n?.source}`, p.join('.')).not.toMatch(/MODEL\.md|\bfraction\b|\b0\.\d/);
		}
	});
});

describe('a manual scorecard starts from the mirrored weights', () => {
	it('weighs each measure by the money on its clauses, the heaviest at 1', () => {
		const w = mirroredWeights(scenario, 1);
		const measured = new Set(
			[...scenario.drafts[1].metrics, ...scenario.drafts[1].bonuses].map((m) => m.metric)
		);
		for (const k of SCORECARD_KEYS) {
			if (!measured.has(k as never)) expect(w[k], k).toBe(0);
			expect(w[k]).toBeGreaterThanOrEqual(0);
			expect(w[k]).toBeLessThanOrEqual(1);
		}
		expect(Math.max(...Object.values(w))).toBe(1);
		// AHT-only puts all its money on handle time.
		const aht = mirroredWeights(scenario, 0);
		expect(aht.aht).toBe(1);
		expect(SCORECARD_KEYS.filter((k) => aht[k] > 0)).toEqual(['aht']);
	});

	it('the switched draft is valid and pushes the way the mirrored one did', () => {
		for (const i of [0, 1]) {
			const weights = mirroredWeights(scenario, i);
			const input = setIn(raw, ['drafts', i, 'scorecard'], { mode: 'manual', weights });
			const p = parseScenario(input);
			expect(p.ok, JSON.stringify(p.ok ? '' : p.errors)).toBe(true);
			if (!p.ok) continue;
			const before = draftBehaviour(scenario, i).pressure;
			const after = draftBehaviour(p.scenario, i).pressure;
			// Same direction: a speed-only contract stays speed-heavy, a balanced one stays balanced.
			expect(Math.sign(after - 0.5), `draft ${i}: ${before} -> ${after}`).toBe(Math.sign(before - 0.5));
		}
	});

	it('an invalid scenario still gets valid weights: the measures the draft names', () => {
		const w = measuredWeights({
			metrics: [{ metric: 'fcr' }, { metric: 'aht' }],
			bonuses: [{ metric: 'csat' }]
		});
		expect(SCORECARD_KEYS.filter((k) => w[k] > 0)).toEqual(['aht', 'fcr', 'csat']);
	});
});
