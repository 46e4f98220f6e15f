/**
 * A small scenario (7 days, 800 first contacts a day) with two pay schemes, shared by the tests of
 * the explorer tools (src/lib/core/explore/), and an in-process evaluation context.
 */
import { readFileSync } from 'node:fs';
import { localEvaluator } from '../../src/lib/core/explore/evaluation';
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
export function scenario(seed = 'explore-test'): Scenario {
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

export const ctx = () => ({ evaluator: localEvaluator() });
