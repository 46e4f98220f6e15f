/**
 * Negotiable clauses of a draft: the numbers the client's negotiator is willing to move, each with
 * the range it may move in. The contract designer (explore/design.ts, docs/DESIGN.md) searches these
 * ranges for the draft that works best once the vendor plays its best response. The marks travel
 * with the draft (saved, shared, read by the command line); the simulation ignores them.
 */
import { z } from 'zod';

/** Fields a negotiator cannot mark: the vendor chooses its levers, names are not numbers. */
const NOT_NEGOTIABLE = /^(vendor|negotiable|name|description)(\.|$)/;

export const NegotiableClauseSchema = z
	.strictObject({
		path: z
			.string({ error: 'path is required (a clause of the draft, e.g. atRisk.percentOfInvoice)' })
			.regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, {
				error: 'path must be dot-separated field names and indices inside the draft, e.g. metrics.0.target'
			})
			.refine((p) => !NOT_NEGOTIABLE.test(p), {
				error: "path must be a clause of the contract (the vendor's staffing and coaching are its own choice)"
			})
			.meta({ description: 'The clause, as a path inside the draft, e.g. price.rate or metrics.0.target.' }),
		from: z.number({ error: 'from must be a number' }).meta({ description: 'Lowest value to consider.' }),
		to: z.number({ error: 'to must be a number' }).meta({ description: 'Highest value to consider.' }),
		step: z
			.number()
			.gt(0, { error: 'step must be > 0' })
			.optional()
			.meta({ description: 'Only values from + k x step (e.g. 1 for whole days or months). Optional.' })
	})
	.superRefine((c, ctx) => {
		if (!(c.from < c.to))
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be greater than from' });
	})
	.meta({ description: 'A clause the negotiator may move, and the range it may move in.' });
export type NegotiableClause = z.infer<typeof NegotiableClauseSchema>;

export const NegotiableSchema = z
	.array(NegotiableClauseSchema)
	.max(6, { error: 'at most 6 negotiable clauses per draft' })
	.meta({
		description:
			'Clauses the contract designer may move, with their ranges. Optional; the simulation ignores them.'
	});

/** The value at a dot path inside an object (numeric segments index arrays), or undefined. */
export function valueAt(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const k of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[k];
	}
	return cur;
}

/** Problems of a draft's negotiable marks that need the whole draft: each path must hold a number, once. */
export function negotiableIssues(
	draft: unknown,
	clauses: readonly NegotiableClause[]
): { index: number; message: string }[] {
	const out: { index: number; message: string }[] = [];
	const seen = new Set<string>();
	clauses.forEach((c, i) => {
		if (seen.has(c.path)) out.push({ index: i, message: `${c.path} is marked twice` });
		seen.add(c.path);
		if (typeof valueAt(draft, c.path) !== 'number')
			out.push({
				index: i,
				message: `${c.path} is not a number in this draft (defaults are filled in first)`
			});
	});
	return out;
}
