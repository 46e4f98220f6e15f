/**
 * Vendor best response, sensitivity and clause sweeps (src/lib/core/explore.ts), on small scenarios
 * (7 days, 800 first contacts a day) with fixed seeds, evaluated in process on common random numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	ExploreInputError,
	batchSizes,
	bestResponse,
	deriveScenario,
	localEvaluator,
	packDrafts,
	pairedDiffOf,
	paretoFront,
	sensitivity,
	sweep
} from '../../src/lib/core/explore';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';

const preset = JSON.parse(
	readFileSync(new URL('../../scenarios/ecommerce-case.json', import.meta.url), 'utf8')
);

const sl = { metric: 'serviceLevel', target: 0.8, direction: 'atLeast', window: 'month', poolAllocation: 1 };

/**
 * Two pay schemes on the same small queue:
 * - "Per contact": EUR 4.50 per handled contact, repeats billable, no quality terms (only SL 80/20).
 * - "Per resolution": pay per resolved issue as the draft schema can express it: EUR 6.00 per issue
 *   (repeats not billable, so only an issue's first handled contact is paid), 50 % of the invoice at
 *   risk on measured FCR >= 90 % with a sliding credit of 2 % of the at-risk amount per point short
 *   (each point of FCR below 90 % costs 1 % of the invoice, down to FCR 40 %: revenue roughly
 *   proportional to resolution), plus a 5 % bonus at FCR >= 80 %; the same SL 80/20 term.
 */
function scenario(seed = 'explore-test'): Scenario {
	const raw = structuredClone(preset);
	raw.seed = seed;
	raw.assumptions.calendar.days = 7;
	raw.assumptions.demand.firstContactsPerDay = 800;
	raw.drafts = [
		{
			name: 'Per contact',
			metrics: [sl],
			price: { model: 'perHandledContact', rate: 4.5, repeatsBillable: true }
		},
		{
			name: 'Per resolution',
			metrics: [
				sl,
				{
					metric: 'fcr',
					target: 0.9,
					direction: 'atLeast',
					window: 'month',
					poolAllocation: 1,
					credit: { type: 'slidingPerPoint', perPoint: 0.02 }
				}
			],
			price: { model: 'perHandledContact', rate: 6, repeatsBillable: false },
			atRisk: { percentOfInvoice: 0.5 },
			bonuses: [{ metric: 'fcr', threshold: 0.8, direction: 'atLeast', percentOfInvoice: 0.05 }]
		}
	];
	const p = parseScenario(raw);
	if (!p.ok) throw new Error(JSON.stringify(p.errors));
	return p.scenario;
}

const ctx = () => ({ evaluator: localEvaluator() });

describe('packing and paths', () => {
	it('packs n variants into scenarios of 2-4 drafts', () => {
		expect(batchSizes(1)).toEqual([1]);
		expect(batchSizes(4)).toEqual([4]);
		expect(batchSizes(5)).toEqual([3, 2]);
		expect(batchSizes(9)).toEqual([3, 3, 3]);
		expect(batchSizes(26)).toEqual([4, 4, 4, 4, 4, 3, 3]);
		const s = scenario();
		const packed = packDrafts(s, [s.drafts[0]]);
		expect(packed).toHaveLength(1);
		expect(packed[0].drafts).toHaveLength(2);
	});

	it('names the path and the rule when a derived value is invalid', () => {
		const s = scenario();
		expect(() => deriveScenario(s, [{ path: 'drafts.0.atRisk.percentOfInvoice', value: 1.5 }])).toThrow(
			/drafts\.0\.atRisk\.percentOfInvoice.*\n.*must be <= 1/
		);
		expect(() => deriveScenario(s, [{ path: 'drafts.0.nope', value: 1 }])).toThrow(
			/drafts\.0\.nope: no such field/
		);
		expect(() => deriveScenario(s, [{ path: 'drafts.0.name', value: 1 }])).toThrow(/must point to a number/);
		const d = deriveScenario(s, [{ path: 'drafts.1.price.rate', value: 7 }]);
		expect(d.drafts[1].price.rate).toBe(7);
		expect(s.drafts[1].price.rate).toBe(6);
	});

	it('Pareto front: lower cost and higher margin', () => {
		const pts = [
			{ cost: 10, margin: 5 },
			{ cost: 8, margin: 5 },
			{ cost: 12, margin: 9 },
			{ cost: 12, margin: 8 }
		];
		expect(paretoFront(pts)).toEqual([1, 2]);
	});
});

describe('vendor best response', () => {
	it('per-contact pay with billable repeats: the best-response FCR is lower than under resolution-based pay', async () => {
		const s = scenario();
		const reps = 10;
		const a = await bestResponse(s, { draft: 0, reps }, ctx());
		const b = await bestResponse(s, { draft: 1, reps }, ctx());
		const fa = a.best.metrics[MI.fcrTrue];
		const fb = b.best.metrics[MI.fcrTrue];
		const msg =
			`best-response true FCR: per contact ${(100 * fa.mean).toFixed(1)} % [${fa.ci95.map((x) => (100 * x).toFixed(1)).join(', ')}] ` +
			`at levers ${JSON.stringify(a.best.levers)}; per resolution ${(100 * fb.mean).toFixed(1)} % ` +
			`[${fb.ci95.map((x) => (100 * x).toFixed(1)).join(', ')}] at levers ${JSON.stringify(b.best.levers)}`;
		console.log(msg);
		// Intervals apart: the ordering is not noise.
		expect(fa.ci95[1], msg).toBeLessThan(fb.ci95[0]);
		// The per-contact vendor coaches for speed, the per-resolution vendor does not.
		expect(a.best.levers.coachingSpeedBias, msg).toBeGreaterThan(b.best.levers.coachingSpeedBias);
	});

	it('never yields a lower vendor margin than the draft as planned (same seeds)', async () => {
		const s = scenario('explore-margin');
		for (const draft of [0, 1]) {
			const r = await bestResponse(s, { draft, reps: 6, grid: [3, 3], refinements: 1 }, ctx());
			const plan = r.asPlanned.metrics[MI.vendorMargin].mean;
			const best = r.best.metrics[MI.vendorMargin].mean;
			expect(best).toBeGreaterThanOrEqual(plan);
			expect(r.difference[MI.vendorMargin].mean).toBeGreaterThanOrEqual(0);
			expect(r.candidates[0].levers).toEqual({ staffingPolicyFactor: 1, coachingSpeedBias: 0 });
			for (const c of r.candidates) expect(best).toBeGreaterThanOrEqual(c.margin.mean);
		}
		// A search box holding only bad choices (2.5-3x overstaffing): the plan itself is the answer.
		const r = await bestResponse(
			s,
			{
				draft: 1,
				reps: 6,
				grid: [2, 2],
				refinements: 0,
				bounds: { staffingPolicyFactor: [2.5, 3], coachingSpeedBias: [0.9, 1] }
			},
			ctx()
		);
		expect(r.best.isAsPlanned).toBe(true);
		expect(r.best.metrics[MI.vendorMargin].mean).toBe(r.asPlanned.metrics[MI.vendorMargin].mean);
	});

	it('is deterministic: same seed, same answer', async () => {
		const s = scenario('explore-det');
		const o = { draft: 0, reps: 4, grid: [3, 3] as [number, number], refinements: 1 };
		const a = await bestResponse(s, o, ctx());
		const b = await bestResponse(s, o, ctx());
		expect(b.best.levers).toEqual(a.best.levers);
		expect(b.best.metrics[MI.vendorMargin].mean).toBe(a.best.metrics[MI.vendorMargin].mean);
	});
});

describe('sweeps', () => {
	it('more AHT weight in a manual scorecard never raises FCR in expectation', async () => {
		const s0 = scenario('explore-sweep');
		const raw = structuredClone(s0) as unknown as Record<string, unknown> & {
			drafts: Record<string, unknown>[];
		};
		raw.drafts[0].scorecard = { mode: 'manual', weights: { fcr: 1, csat: 1, aht: 0 } };
		const p = parseScenario(raw);
		if (!p.ok) throw new Error(JSON.stringify(p.errors));
		const run = await sweep(
			p.scenario,
			{ axes: [{ path: 'drafts.0.scorecard.weights.aht', from: 0, to: 4, steps: 5 }], reps: 8 },
			ctx()
		);
		expect(run.result.mode).toBe('draft');
		const fcr = run.result.points.map((pt) => pt.cells[0].metrics[MI.fcrTrue].mean);
		console.log(
			`true FCR as the AHT weight goes 0..4: ${fcr.map((x) => (100 * x).toFixed(1) + ' %').join(', ')}`
		);
		for (let i = 1; i < run.rows.length; i++) {
			const d = pairedDiffOf(run.rows[i - 1][0], run.rows[i][0], MI.fcrTrue);
			// no step raises FCR beyond noise
			expect(d.ci95[0], `step ${i}: ${d.mean}`).toBeLessThanOrEqual(0);
		}
		const total = pairedDiffOf(run.rows[0][0], run.rows[run.rows.length - 1][0], MI.fcrTrue);
		expect(total.ci95[1]).toBeLessThan(0);
		// The drafts as written are placed on the chart.
		expect(run.result.drafts[0].values).toEqual([0]);
		expect(run.result.drafts[1].values).toEqual([null]);
	});

	it('a two-clause grid marks a non-empty frontier and never simulates an invalid value', async () => {
		const s = scenario('explore-grid');
		await expect(
			sweep(
				s,
				{ axes: [{ path: 'drafts.1.atRisk.percentOfInvoice', from: 0.5, to: 1.2, steps: 3 }], reps: 2 },
				ctx()
			)
		).rejects.toThrow(ExploreInputError);
		const run = await sweep(
			s,
			{
				axes: [
					{ path: 'drafts.0.price.rate', from: 4, to: 5, steps: 3 },
					{ path: 'drafts.0.atRisk.percentOfInvoice', from: 0.05, to: 0.2, steps: 2 }
				],
				reps: 3
			},
			ctx()
		);
		expect(run.result.points).toHaveLength(6);
		const front = run.result.points.flatMap((p) => p.cells).filter((c) => c.frontier);
		expect(front.length).toBeGreaterThan(0);
		// A higher price moves money from the client to the vendor: margin up, client cost up (paired).
		const lo = run.rows[0][0];
		const hi = run.rows[4][0];
		expect(pairedDiffOf(lo, hi, MI.vendorMargin).ci95[0]).toBeGreaterThan(0);
		expect(pairedDiffOf(lo, hi, MI.clientTotalCost).ci95[0]).toBeGreaterThan(0);
	});
});

describe('sensitivity', () => {
	it('reruns each assumption at low and high on the same replications', async () => {
		const s = scenario('explore-sens');
		const r = await sensitivity(s, { reps: 4 }, ctx());
		expect(r.factors.map((f) => f.key)).toEqual([
			'busynessCV',
			'callbackProbability',
			'pressureSensitivity',
			'surveyResponseRate',
			'shrinkage'
		]);
		const cb = r.factors.find((f) => f.key === 'callbackProbability')!;
		// More callbacks of unresolved customers: more repeat contacts, in both drafts.
		for (let d = 0; d < 2; d++) {
			expect(cb.highSide.vsBase[d][MI.repeatContactRate].ci95[0]).toBeGreaterThan(0);
			expect(cb.lowSide.vsBase[d][MI.repeatContactRate].ci95[1]).toBeLessThan(0);
		}
		// More shrinkage: more paid hours for the same plan, a higher vendor cost.
		const sh = r.factors.find((f) => f.key === 'shrinkage')!;
		expect(sh.highSide.vsBase[0][MI.vendorCost].mean).toBeGreaterThan(0);
		expect(r.evaluations).toBe(11 * 4 * 2);
	});
});
