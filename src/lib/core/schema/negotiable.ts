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
			.string({ error: 'is required (a clause of the draft, chosen from the list)' })
			.regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, {
				error: 'is not a clause of the draft: choose one from the list'
			})
			.refine((p) => !NOT_NEGOTIABLE.test(p), {
				error: "must be a clause of the contract (the vendor's staffing and coaching are its own choice)"
			})
			.meta({ description: 'The clause, chosen from the list of clauses the designer can move.' }),
		from: z.number({ error: 'must be a number' }).meta({ description: 'Lowest value to consider.' }),
		to: z.number({ error: 'must be a number' }).meta({ description: 'Highest value to consider.' }),
		step: z
			.number()
			.gt(0, { error: 'must be more than 0' })
			.optional()
			.meta({ description: 'Only values from + k x step (e.g. 1 for whole days or months). Optional.' })
	})
	.superRefine((c, ctx) => {
		if (!(c.from < c.to))
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be higher than the lowest value' });
	})
	.meta({ description: 'A clause the negotiator may move, and the range it may move in.' });
export type NegotiableClause = z.infer<typeof NegotiableClauseSchema>;

export const NegotiableSchema = z
	.array(NegotiableClauseSchema)
	.max(6, { error: 'a draft holds at most 6 negotiable clauses' })
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
		if (seen.has(c.path)) out.push({ index: i, message: 'this clause is marked twice' });
		seen.add(c.path);
		if (typeof valueAt(draft, c.path) !== 'number')
			out.push({ index: i, message: 'is not a number the draft holds: choose a clause from the list' });
	});
	return out;
}
