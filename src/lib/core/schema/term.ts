/**
 * The contract term: how many months the scenario runs as one continuous simulation, the discarded
 * warm-up that starts month 1 from a steady state, how the forecasts learn from month to month, and
 * the habits agents start from. Optional: a scenario without `term` runs one period from an empty
 * centre, as before. See docs/TERM.md.
 */
import { z } from 'zod';
import { boundWords } from './messages';

export const typeError = (expected: string) => (iss: { input?: unknown }) =>
	iss.input === undefined ? `is required (${expected})` : `must be ${expected}`;

/** A number field with its rule in the user's words, its default and its help. */
export function termNum(rule: { int?: boolean; min: number; max: number; def: number; desc: string }) {
	let s = z.number({ error: typeError(rule.int ? 'a whole number' : 'a number') });
	if (rule.int) s = s.int({ error: 'must be a whole number' });
	return s
		.min(rule.min, { error: `must be ${boundWords(rule.min, true)}` })
		.max(rule.max, { error: `must be ${boundWords(rule.max, false)}` })
		.default(rule.def)
		.meta({ description: rule.desc });
}

/** The longest term the sandbox simulates, months. */
export const MAX_TERM_MONTHS = 24;
/** Days in a contract month of the term (as the contract's evaluation counts months). */
export const TERM_MONTH_DAYS = 30;

export const TermLearningSchema = z.strictObject(
	{
		smoothing: termNum({
			min: 0,
			max: 1,
			def: 0.5,
			desc: "Weight of the month just seen when the client's forecast and the vendor's plan for the next month are updated (exponential smoothing of contacts per issue and handle time): 0 never learns, 1 trusts only the last month. Default 0.5 (illustrative)."
		})
	},
	{ error: typeError('an object') }
);

export const TermHabitsSchema = z.strictObject(
	{
		startFrom: z
			.string({ error: typeError('a string') })
			.trim()
			.min(1, { error: 'must not be empty' })
			.max(60, { error: 'must be at most 60 characters' })
			.default('draft')
			.meta({
				description:
					"Where agents' habits start: draft (already used to each draft's scorecard) or the name of a draft of this scenario whose scorecard they worked to before (for example AHT-only: the switch from that contract happens in month 1). Default: draft."
			}),
		adaptationWeeks: termNum({
			min: 0,
			max: 104,
			def: 12,
			desc: "Weeks agents take to move from the old habits to the new scorecard (a straight line, read once a month). Default 12 (illustrative; seed 000's change showed within 90 days)."
		})
	},
	{ error: typeError('an object') }
);

export const TermSchema = z
	.strictObject(
		{
			months: termNum({
				int: true,
				min: 1,
				max: MAX_TERM_MONTHS,
				def: 6,
				desc: `Months of the contract term simulated one after the other (30 days each), 1 to ${MAX_TERM_MONTHS}. Default 6.`
			}),
			warmupDays: termNum({
				int: true,
				min: 0,
				max: 60,
				def: 14,
				desc: 'Days simulated before month 1 and discarded, so that month 1 starts with the open issues and pending callbacks of a running centre, not an empty one. Default 14 (illustrative: two weeks is several callback delays).'
			}),
			learning: TermLearningSchema.prefault({}),
			habits: TermHabitsSchema.prefault({})
		},
		{ error: typeError('an object') }
	)
	.meta({
		description:
			'The contract term: months simulated one after the other, with carry-over, learning forecasts and changing habits.'
	});

export type Term = z.infer<typeof TermSchema>;
export type TermInput = z.input<typeof TermSchema>;

/** The term's problems that need the drafts: the habits' start must name a draft (or be 'draft'). */
export function termIssues(
	term: { habits?: { startFrom?: unknown } } | undefined,
	draftNames: readonly unknown[]
): { path: (string | number)[]; message: string }[] {
	const from = term?.habits?.startFrom;
	if (typeof from !== 'string' || from.trim() === 'draft' || draftNames.includes(from.trim())) return [];
	const names = draftNames.filter((n) => typeof n === 'string').map((n) => `"${n}"`);
	return [
		{
			path: ['term', 'habits', 'startFrom'],
			message: `must be "draft" or the name of a draft (${names.join(', ')})`
		}
	];
}
