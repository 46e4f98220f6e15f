/**
 * Governance clauses a draft may hold for a multi-month term: which metrics are critical, when
 * failure is chronic (k missed months of the last n), the cure period on the watch list before a
 * termination right arises, what termination costs each side, and the vendor's minimum-staffing
 * commitment. Optional: a draft without them behaves as before. See docs/TERM.md.
 */
import { z } from 'zod';
import { optionList } from './messages';
import { termNum as num, typeError } from './term';

/**
 * The governance schema over the contract's metric names (passed in by draft.ts, which owns them:
 * importing them here would make the two files import each other).
 */
export function governanceSchema<const M extends readonly [string, ...string[]]>(metrics: M) {
	return z
		.strictObject(
			{
				criticalMetrics: z
					.array(z.enum(metrics, { error: `must be ${optionList(metrics)}` }))
					.max(metrics.length, { error: 'may name each metric once' })
					.default([])
					.meta({
						description:
							'Contract metrics whose miss makes a month a failed month. Empty (default): every metric of the draft. A metric the draft does not measure never fails.'
					}),
				missedMonths: num({
					int: true,
					min: 1,
					max: 12,
					def: 2,
					desc: 'Chronic failure: at least this many failed months (k) ... Default 2 (illustrative; common in outsourcing agreements).'
				}),
				ofLastMonths: num({
					int: true,
					min: 1,
					max: 12,
					def: 3,
					desc: '... among the last n months. Default 3 (illustrative).'
				}),
				cureMonths: num({
					int: true,
					min: 0,
					max: 12,
					def: 1,
					desc: 'Months on the watch list (remediation) after chronic failure is found: a vendor that meets every critical target in each of them is cured; otherwise the client gains the right to terminate at the end. 0: the right arises at once. Default 1 (illustrative).'
				}),
				terminationFeeMonths: num({
					min: 0,
					max: 24,
					def: 0,
					desc: "What the vendor pays the client when the contract is terminated for chronic failure, in months of fees. Default 0 (illustrative: many agreements have none; the vendor still loses the remaining term's margin)."
				}),
				transitionCostMonths: num({
					min: 0,
					max: 24,
					def: 1,
					desc: "The client's one-off cost of moving the work to another vendor (knowledge transfer, training, double running), in months of fees. Default 1 (illustrative)."
				}),
				minimumStaffing: num({
					min: 0,
					max: 1.5,
					def: 0,
					desc: 'The vendor commits to roster at least this share of the staffing plan (for example 0.95): its staffing lever cannot go below it. Default 0 (no commitment).'
				})
			},
			{ error: typeError('an object') }
		)
		.superRefine((g, ctx) => {
			if (g.missedMonths > g.ofLastMonths)
				ctx.addIssue({
					code: 'custom',
					path: ['missedMonths'],
					message: `must be at most the months looked back on (${g.ofLastMonths})`
				});
			if (new Set(g.criticalMetrics).size !== g.criticalMetrics.length)
				ctx.addIssue({
					code: 'custom',
					path: ['criticalMetrics'],
					message: 'may name each metric once'
				});
		})
		.meta({
			description:
				'Chronic-failure and termination clauses, the watch list, termination costs and a minimum-staffing commitment (for a multi-month term).'
		});
}
