/**
 * The contract designer (src/lib/core/explore/design.ts) and its row plumbing (rows.ts), on a small
 * queue (2 days, 300 first contacts a day) evaluated in process on common random numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { design, defaultClauses, negotiableClauses, resolveClauses } from '../../src/lib/core/explore/design';
import {
	Lockstep,
	RowStore,
	decodeRow,
	draftKey,
	encodeRow,
	simulatedRows
} from '../../src/lib/core/explore/rows';
import { localEvaluator } from '../../src/lib/core/explore/evaluation';
import { bestResponse } from '../../src/lib/core/explore/best-response';
import { METRIC_COUNT, METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { DraftSchema } from '../../src/lib/core/schema/draft';

const preset = JSON.parse(
	readFileSync(new URL('../../scenarios/ecommerce-case.json', import.meta.url), 'utf8')
);

function small(seed = 'design-test'): Scenario {
	const raw = structuredClone(preset);
	raw.seed = seed;
	raw.assumptions.calendar.days = 2;
	raw.assumptions.demand.firstContactsPerDay = 300;
	const p = parseScenario(raw);
	if (!p.ok) throw new Error(JSON.stringify(p.errors));
	return p.scenario;
}

describe('rows', () => {
	it('a draft row does not depend on its place or its companions in a scenario', async () => {
		const s = small();
		const ev = localEvaluator();
		const [a] = await ev.evaluate({ ...s, drafts: [s.drafts[1], s.drafts[0]] }, 2);
		const b = await ev.evaluate({ ...s, drafts: [s.drafts[0], s.drafts[0], s.drafts[1]] }, 2);
		expect(Array.from(a[1])).toEqual(Array.from(b[2][1]));
		expect(draftKey(s.drafts[1])).toBe(draftKey({ ...s.drafts[1], name: 'other', description: 'x' }));
		expect(draftKey(s.drafts[1])).not.toBe(draftKey(s.drafts[0]));
	});

	it('encodes rows exactly, NaN included, and refuses bad text', () => {
		const row = new Float64Array(METRIC_COUNT).map((_, i) => (i === 3 ? NaN : Math.PI * i - 1e-300));
		const back = decodeRow(encodeRow(row))!;
		expect(Array.from(back).map(String)).toEqual(Array.from(row).map(String));
		expect(decodeRow('abc')).toBeNull();
	});

	it('lockstep searches give the same best responses as one at a time', async () => {
		const s = small();
		const opts = { reps: 2, grid: [3, 3] as [number, number], refinements: 1 };
		const alone = await Promise.all(
			[0, 1].map((d) => bestResponse(s, { draft: d, ...opts }, { evaluator: localEvaluator() }))
		);
		const store = new RowStore();
		const lock = new Lockstep(store, simulatedRows(s, localEvaluator()));
		const together = await lock.all(
			[0, 1].map((d) => (evaluator) => bestResponse(s, { draft: d, ...opts }, { evaluator }))
		);
		for (const d of [0, 1]) {
			expect(together[d].best.levers).toEqual(alone[d].best.levers);
			expect(together[d].best.metrics[MI.vendorMargin].mean).toBe(
				alone[d].best.metrics[MI.vendorMargin].mean
			);
		}
		// the second time, every row comes from the store
		const before = store.size;
		await lock.all([(evaluator) => bestResponse(s, { draft: 0, ...opts }, { evaluator })]);
		expect(store.size).toBe(before);
	});
});

describe('negotiable clauses', () => {
	it('lists the numbers of a draft but not the vendor levers; defaults are valid', () => {
		const s = small();
		const list = negotiableClauses(s.drafts[1]);
		expect(list.some((c) => c.path === 'metrics.2.target')).toBe(true);
		expect(list.some((c) => c.path.startsWith('vendor'))).toBe(false);
		const clauses = resolveClauses(s, 1, defaultClauses(s.drafts[1]));
		expect(clauses.map((c) => c.path)).toEqual([
			'price.rate',
			'atRisk.percentOfInvoice',
			'metrics.0.poolAllocation'
		]);
	});

	it('refuses bad marks with the field and the rule', () => {
		const s = small();
		expect(() => resolveClauses(s, 1, [{ path: 'vendor.staffingPolicyFactor', from: 0.5, to: 1 }])).toThrow(
			/own choice/
		);
		expect(() => resolveClauses(s, 1, [{ path: 'price.nope', from: 0, to: 1 }])).toThrow(/no such number/);
		expect(() => resolveClauses(s, 1, [{ path: 'atRisk.percentOfInvoice', from: 0.1, to: 2 }])).toThrow(
			/percentOfInvoice/
		);
		const bad = DraftSchema.safeParse({
			...s.drafts[1],
			negotiable: [{ path: 'price.nope', from: 0, to: 1 }]
		});
		expect(bad.success).toBe(false);
		const good = DraftSchema.safeParse({
			...s.drafts[1],
			negotiable: [{ path: 'price.rate', from: 4, to: 6 }]
		});
		expect(good.success).toBe(true);
	});
});

describe('design', () => {
	it('finds a draft no worse for the client than the baseline at the best response, margin at the floor', async () => {
		const s = small();
		const partials: string[] = [];
		const r = await design(
			s,
			{
				draft: 1,
				clauses: [
					{ path: 'price.rate', from: 4, to: 6 },
					{ path: 'atRisk.percentOfInvoice', from: 0.05, to: 0.3 }
				],
				reps: 3,
				screenReps: 2,
				refinements: 1,
				budget: 5000
			},
			{ evaluator: localEvaluator(), onPartial: (p) => partials.push(p.phase) }
		);
		expect(r.recommended.meetsFloor).toBe(true);
		expect(r.recommended.objective.bestResponse.mean).toBeLessThanOrEqual(
			r.baseline.objective.bestResponse.mean
		);
		expect(DraftSchema.safeParse(r.recommended.draft).success).toBe(true);
		expect(partials[0]).toBe('screened');
		// the recommended draft's best response is the one the best-response tool finds
		const again = parseScenario({ ...s, drafts: [s.drafts[0], r.recommended.draft] });
		if (!again.ok) throw new Error('invalid');
		const br = await bestResponse(again.scenario, { draft: 1, reps: 3 }, { evaluator: localEvaluator() });
		expect(br.best.levers).toEqual(r.recommended.bestResponse.best.levers);
		expect(br.best.metrics[MI.clientTotalCost].mean).toBe(
			r.recommended.atBestResponse[MI.clientTotalCost].mean
		);
	}, 600_000);
});
