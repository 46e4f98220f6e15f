import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { readFileSync } from 'node:fs';
import { biasPressure, DEFAULT_BEHAVIOUR, effortFromPressure } from '../../src/lib/core/behaviour';
import { draftBehaviour } from '../../src/lib/core/compile';
import { bindingOf, draftPressure, moneyOf, PUSH_SIDE, type Baseline } from '../../src/lib/core/pressure';
import {
	CONTRACT_METRICS,
	DraftSchema,
	SCORECARD_KEYS,
	type ContractMetricName,
	type Draft,
	type DraftInput
} from '../../src/lib/core/schema/draft';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { METRIC_INDEX } from '../../src/lib/core/metrics';
import { prepareScenario, runReplication } from '../../src/lib/core/replication';
import { tInterval, Welford } from '../../src/lib/core/stats';

const d = DEFAULT_BEHAVIOUR;

const BASE: Baseline = {
	values: {
		serviceLevel: 0.82,
		asa: 9,
		abandonRate: 0.045,
		aht: 390,
		fcr: 0.88,
		repeatContactRate: 0.12,
		csat: 0.81,
		qaScore: 0.9
	},
	invoice: 400000
};

const LOWER_IS_BETTER = new Set<ContractMetricName>(['asa', 'abandonRate', 'aht', 'repeatContactRate']);
const SECONDS = new Set<ContractMetricName>(['asa', 'aht']);

/** A random draft whose clauses all point the natural way. */
function randomDraft(rng: () => number): Draft {
	const n = 1 + Math.floor(rng() * 5);
	const metrics = Array.from({ length: n }, () => {
		const metric = CONTRACT_METRICS[Math.floor(rng() * CONTRACT_METRICS.length)];
		const u = BASE.values[metric];
		const target = SECONDS.has(metric)
			? u * (0.6 + 0.8 * rng())
			: Math.min(1, Math.max(0, u + (rng() - 0.5) * 0.4));
		return {
			metric,
			target,
			direction: LOWER_IS_BETTER.has(metric) ? 'atMost' : 'atLeast',
			poolAllocation: rng(),
			...(metric === 'fcr' ? { windowDays: 7 } : {})
		};
	});
	const bonuses =
		rng() < 0.5
			? []
			: [
					{
						metric: 'csat',
						threshold: 0.6 + 0.3 * rng(),
						direction: 'atLeast',
						percentOfInvoice: 0.05 * rng()
					}
				];
	return DraftSchema.parse({
		name: 'random',
		metrics,
		bonuses,
		price: { model: 'perHandledContact', rate: 5 },
		atRisk: { percentOfInvoice: 0.2 * rng() }
	} as DraftInput);
}

const clone = (x: Draft): Draft => structuredClone(x);

/** The same draft with clause i's target moved by `step` towards "easier to meet". */
function loosen(draft: Draft, i: number, step: number): Draft {
	const out = clone(draft);
	const m = out.metrics[i];
	const rel = SECONDS.has(m.metric) ? m.target * step : step;
	m.target = LOWER_IS_BETTER.has(m.metric) ? m.target + rel : Math.max(0, m.target - rel);
	return out;
}

describe('pressure: the pieces', () => {
	it('every scorecard key has a side', () => {
		expect(Object.keys(PUSH_SIDE).sort()).toEqual([...SCORECARD_KEYS].sort());
	});
	it('binding rises with the gap, money with the stake; both in [0, 1]', () => {
		let prevB = -1;
		let prevM = -1;
		for (let i = 0; i <= 200; i++) {
			const b = bindingOf(-0.5 + i / 200, 0.05);
			const m = moneyOf(i / 1000, 0.03);
			expect(b).toBeGreaterThanOrEqual(prevB);
			expect(m).toBeGreaterThanOrEqual(prevM);
			expect(b).toBeGreaterThanOrEqual(0);
			expect(b).toBeLessThanOrEqual(1);
			expect(m).toBeGreaterThanOrEqual(0);
			expect(m).toBeLessThanOrEqual(1);
			prevB = b;
			prevM = m;
		}
		expect(bindingOf(0, 0.05)).toBe(0.5);
		expect(moneyOf(0, 0.03)).toBe(0);
	});
	it('coaching bias moves pressure towards 1 or 0', () => {
		expect(biasPressure(0.4, 1)).toBe(1);
		expect(biasPressure(0.4, -1)).toBe(0);
		expect(biasPressure(0.4, 0.5)).toBeCloseTo(0.7, 12);
		expect(biasPressure(0.4, -0.5)).toBeCloseTo(0.2, 12);
	});
	it('no money, no pressure; an outcome-only contract has no speed pressure', () => {
		const free = DraftSchema.parse({
			name: 'x',
			metrics: [{ metric: 'aht', target: 300, direction: 'atMost' }],
			price: { model: 'perHandledContact', rate: 5 }
		});
		expect(draftPressure(free, BASE, d).pressure).toBe(0);
		const outcome = DraftSchema.parse({
			name: 'x',
			metrics: [{ metric: 'fcr', target: 0.9, direction: 'atLeast', poolAllocation: 1 }],
			price: { model: 'perHandledContact', rate: 5 }
		});
		const p = draftPressure(outcome, BASE, d);
		expect(p.pressure).toBe(0);
		expect(p.outcome).toBeGreaterThan(0);
	});
});

describe('pressure: monotone in targets and money (random drafts)', () => {
	const rng = seedrandom.alea('pressure-monotone');
	const drafts = Array.from({ length: 300 }, () => randomDraft(rng));
	it("loosening a target never raises its side's push; speed pressure and effort move the right way", () => {
		for (const draft of drafts) {
			const p0 = draftPressure(draft, BASE, d);
			draft.metrics.forEach((m, i) => {
				const p1 = draftPressure(loosen(draft, i, 0.03), BASE, d);
				const side = PUSH_SIDE[m.metric];
				if (side === 'outcome') {
					expect(p1.outcome).toBeLessThanOrEqual(p0.outcome + 1e-12);
					expect(p1.speed).toBeCloseTo(p0.speed, 12);
					expect(effortFromPressure(p1.pressure, d)).toBeLessThanOrEqual(
						effortFromPressure(p0.pressure, d) + 1e-12
					);
				} else {
					expect(p1.speed).toBeLessThanOrEqual(p0.speed + 1e-12);
					expect(p1.pressure).toBeLessThanOrEqual(p0.pressure + 1e-12);
					expect(effortFromPressure(p1.pressure, d)).toBeGreaterThanOrEqual(
						effortFromPressure(p0.pressure, d) - 1e-12
					);
				}
			});
		}
	});
	it('lowering the money at risk never raises either push', () => {
		for (const draft of drafts) {
			const p0 = draftPressure(draft, BASE, d);
			const less = clone(draft);
			less.atRisk.percentOfInvoice *= 0.5;
			for (const b of less.bonuses) if (b.percentOfInvoice !== undefined) b.percentOfInvoice *= 0.5;
			const p1 = draftPressure(less, BASE, d);
			expect(p1.speed).toBeLessThanOrEqual(p0.speed + 1e-12);
			expect(p1.outcome).toBeLessThanOrEqual(p0.outcome + 1e-12);
			draft.metrics.forEach((m, i) => {
				const one = clone(draft);
				one.metrics[i].poolAllocation *= 0.5;
				const p2 = draftPressure(one, BASE, d);
				if (PUSH_SIDE[m.metric] === 'outcome') expect(p2.outcome).toBeLessThanOrEqual(p0.outcome + 1e-12);
				else expect(p2.pressure).toBeLessThanOrEqual(p0.pressure + 1e-12);
			});
		}
	});
});

describe('pressure on the e-commerce case', () => {
	const parsed = parseScenario(JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8')));
	if (!parsed.ok) throw new Error('preset does not parse');
	const s = parsed.scenario;
	const variant = (edit: (d: Draft) => void): Scenario => {
		const v = structuredClone(s);
		edit(v.drafts[0]);
		return v;
	};
	const preset = draftBehaviour(s, 0);
	it('an AHT target that the centre meets anyway, or 1 % at risk, presses less than the preset', () => {
		const loose = draftBehaviour(
			variant((d) => (d.metrics[0].target = 900)),
			0
		);
		const cheap = draftBehaviour(
			variant((d) => (d.atRisk.percentOfInvoice = 0.01)),
			0
		);
		expect(loose.pressure).toBeLessThan(preset.pressure);
		expect(cheap.pressure).toBeLessThan(preset.pressure);
		expect(loose.effort).toBeGreaterThan(preset.effort);
		expect(cheap.effort).toBeGreaterThan(preset.effort);
		expect(loose.pressure).toBeLessThan(0.05);
	});
	it('the vendor re-forecasts more contacts per issue under AHT-only than under Balanced', () => {
		const balanced = draftBehaviour(s, 1);
		expect(preset.expectedContactsPerIssue).toBeGreaterThan(balanced.expectedContactsPerIssue);
		expect(preset.plannedContactsPerIssue).toBe(preset.expectedContactsPerIssue);
		const client = structuredClone(s);
		client.assumptions.staffing.planningForecast = 'client';
		expect(draftBehaviour(client, 0).plannedContactsPerIssue).toBe(
			s.assumptions.demand.forecastContactsPerIssue
		);
	});
});

describe('pressure in the simulation (same customers)', () => {
	it('a never-binding AHT target, or 1 % at risk, gives higher true FCR than the preset AHT-only draft', () => {
		const parsed = parseScenario(JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8')));
		if (!parsed.ok) throw new Error('preset does not parse');
		const s = structuredClone(parsed.scenario);
		const ahtOnly = s.drafts[0];
		const loose = structuredClone(ahtOnly);
		loose.name = 'AHT 900 s';
		loose.metrics[0].target = 900;
		const cheap = structuredClone(ahtOnly);
		cheap.name = '1 % at risk';
		cheap.atRisk.percentOfInvoice = 0.01;
		s.drafts = [ahtOnly, loose, cheap];
		s.seed = 'pressure-paired';
		const prep = prepareScenario(s);
		const diffs = [new Welford(), new Welford()];
		for (let r = 0; r < 4; r++) {
			const out = runReplication(prep, r);
			const base = out.drafts[0].scalars[METRIC_INDEX.fcrTrue];
			for (const k of [1, 2]) diffs[k - 1].push(out.drafts[k].scalars[METRIC_INDEX.fcrTrue] - base);
		}
		for (const w of diffs) {
			const [lo] = tInterval(w);
			expect(lo, `paired true-FCR gain ${w.mean.toFixed(3)}`).toBeGreaterThan(0);
		}
	}, 240_000);
});
