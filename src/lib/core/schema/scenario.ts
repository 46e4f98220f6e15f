/**
 * Zod 4 schema of a scenario file: shared assumptions + two to four SLA drafts, versioned.
 *
 *   { version: 1, name, description, currency, seed, replications, assumptions, drafts: [2..4] }
 *
 * `parseScenario(json)` validates a parsed JSON value and returns either the typed scenario or EVERY
 * error, each with its path (e.g. `assumptions.calendar.days`) and the rule it broke. Unknown fields
 * and missing fields are errors. The JSON Schema for editors is written by
 * `scripts/write-json-schema.ts` to `static/scenario.schema.json`.
 */
import { z } from 'zod';
import { projectMessage } from './messages';
import { AssumptionsSchema, countedArray, obj, whenObject } from './assumptions';
import { DraftSchema } from './draft';
import { TermSchema, termIssues } from './term';

/** The scenario file format version this code reads. */
export const SCENARIO_VERSION = 1;

const typeError = (expected: string) => (iss: { input?: unknown }) =>
	iss.input === undefined ? `is required (${expected})` : `must be ${expected}`;

export const ScenarioSchema = obj({
	$schema: z.string().optional().meta({ description: 'Optional link to the JSON Schema, for editors.' }),
	version: z
		.literal(SCENARIO_VERSION, {
			error: (iss) =>
				iss.input === undefined
					? `is required (${SCENARIO_VERSION})`
					: `must be ${SCENARIO_VERSION}: this app reads scenario format version ${SCENARIO_VERSION}`
		})
		.meta({ description: 'Scenario file format version.' }),
	name: z
		.string({ error: typeError('text') })
		.trim()
		.min(1, { error: 'must not be empty' })
		.max(120, { error: 'must be at most 120 characters' }),
	description: z
		.string({ error: typeError('text') })
		.max(5000, { error: 'must be at most 5000 characters' })
		.meta({ description: 'What the scenario shows, in words a non-programmer understands.' }),
	currency: z
		.string({ error: typeError('text') })
		.regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter currency code such as EUR or USD' })
		.meta({ description: 'The currency of every amount, as its 3-letter code (EUR, USD, GBP, ...).' }),
	seed: z
		.union(
			[
				z
					.string()
					.min(1, { error: 'must not be empty' })
					.max(200, { error: 'must be at most 200 characters' }),
				z
					.number()
					.int({ error: 'must be a whole number' })
					.min(0, { error: 'must be at least 0' })
					.max(Number.MAX_SAFE_INTEGER, { error: `must be at most ${Number.MAX_SAFE_INTEGER}` })
			],
			{ error: typeError('a word or a whole number') }
		)
		.meta({
			description: 'The random seed: the same seed gives the same simulated customers, so the same numbers.'
		}),
	replications: z
		.number({ error: typeError('a whole number') })
		.int({ error: 'must be a whole number' })
		.min(1, { error: 'must be at least 1' })
		.max(100000, { error: 'must be at most 100000' })
		.meta({
			description:
				"The most simulated months a run goes to; it stops sooner once the client's total cost is known within 1 %."
		}),
	assumptions: AssumptionsSchema,
	term: TermSchema.optional(),
	drafts: countedArray(DraftSchema, 2, 4, 'drafts')
})
	.superRefine((s, ctx) => {
		const drafts: unknown = s.drafts;
		if (!Array.isArray(drafts)) return;
		for (const i of termIssues(
			s.term,
			drafts.map((d) => d?.name)
		))
			ctx.addIssue({ code: 'custom', ...i });
		const seen = new Map<string, number>();
		drafts.forEach((d, i) => {
			if (typeof d?.name !== 'string') return;
			const j = seen.get(d.name);
			if (j !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['drafts', i, 'name'],
					message: `must differ from the other drafts' names (draft ${j + 1} has the same name)`
				});
			else seen.set(d.name, i);
		});
	}, whenObject)
	.meta({
		title: 'SLA Sandbox scenario',
		description: 'Shared assumptions and two to four SLA drafts to compare.'
	});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export interface ScenarioError {
	/** Dotted path, e.g. `assumptions.calendar.days` or `drafts.1.metrics.0.target`; '' for the root. */
	path: string;
	/** The rule broken, e.g. 'must be >= 1', 'is required (a number)', 'unknown field'. */
	message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** A path segment as the user may see it: a field name from the file is shortened and its control characters hidden. */
function segment(p: PropertyKey): string {
	// eslint-disable-next-line no-control-regex -- hiding exactly these characters
	const s = String(p).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
	return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

function joinPath(path: readonly PropertyKey[]): string {
	return path.map(segment).join('.');
}

/** Flattens zod issues (including those inside unions) into path + message pairs. */
function collect(
	issues: readonly z.core.$ZodIssue[],
	base: readonly PropertyKey[],
	out: ScenarioError[]
): void {
	for (const iss of issues) {
		const path = [...base, ...iss.path];
		if (iss.code === 'unrecognized_keys') {
			for (const k of iss.keys) out.push({ path: joinPath([...path, k]), message: 'unknown field' });
		} else if (
			iss.code === 'invalid_union' &&
			iss.errors.length > 0 &&
			iss.errors.every((e) => e.length > 0)
		) {
			// report the branch that got furthest (fewest issues), not "invalid input"
			const best = iss.errors.reduce((a, b) => (b.length < a.length ? b : a));
			if (best.some((e) => e.path.length > 0)) collect(best, path, out);
			else out.push({ path: joinPath(path), message: iss.message });
		} else if (iss.code === 'invalid_type' && iss.input === undefined && !/required/.test(iss.message)) {
			out.push({ path: joinPath(path), message: projectMessage({ ...iss, input: undefined }) });
		} else {
			out.push({ path: joinPath(path), message: iss.message });
		}
	}
}

/**
 * Validates a parsed JSON value as a scenario. Returns every error with its path and rule, in
 * document order as zod reports them. Defaults of the draft schema are filled in on success.
 */
export function parseScenario(json: unknown): ParseResult {
	const r = ScenarioSchema.safeParse(json, { reportInput: true });
	if (r.success) return { ok: true, scenario: r.data };
	const errors: ScenarioError[] = [];
	collect(r.error.issues, [], errors);
	return { ok: false, errors };
}

/** Formats errors one per line: `path: message`. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
	return errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('\n');
}

/**
 * The JSON Schema of a scenario file as a person writes it (fields with defaults are optional):
 * written to static/scenario.schema.json for editors, and the source of the app's forms.
 */
export function scenarioJsonSchema() {
	return z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
}
