/**
 * No help text or error message of the scenario schema shows a negotiator code: every description of
 * the JSON Schema the forms are built from, and the messages of scenarios broken in every field.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseScenario, scenarioJsonSchema } from '../../src/lib/core/schema/scenario';
import { codeWords } from '../code-words';

const presets = readdirSync('scenarios')
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as unknown);

type Json = Record<string | number, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object';

function descriptions(schema: unknown, out: string[] = []): string[] {
	if (Array.isArray(schema)) schema.forEach((s) => descriptions(s, out));
	else if (isObj(schema))
		for (const [k, v] of Object.entries(schema)) {
			if ((k === 'description' || k === 'title') && typeof v === 'string') out.push(v);
			else descriptions(v, out);
		}
	return out;
}

/** Every leaf of a JSON value, with its path. */
function leaves(v: unknown, path: (string | number)[] = [], out: [(string | number)[], unknown][] = []) {
	if (isObj(v))
		for (const [k, x] of Object.entries(v)) leaves(x, [...path, Array.isArray(v) ? Number(k) : k], out);
	else out.push([path, v]);
	return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
	const copy = structuredClone(root) as Json;
	let cur: Json = copy;
	for (const k of path.slice(0, -1)) cur = cur[k] as Json;
	const last = path[path.length - 1];
	if (value === undefined) delete cur[last];
	else cur[last] = value;
	return copy;
}

/** Messages of scenarios broken one field at a time: too low, too high, wrong type, missing. */
function brokenMessages(): string[] {
	const out = new Set<string>();
	for (const s of presets) {
		for (const [path, v] of leaves(s)) {
			const tries: unknown[] =
				typeof v === 'number'
					? [-1e9, 1e9, 0.5, 'x']
					: typeof v === 'string'
						? [7, '', 'bogus']
						: typeof v === 'boolean'
							? ['yes']
							: [1];
			for (const t of [...tries, undefined]) {
				const r = parseScenario(setAt(s, path, t));
				if (!r.ok) for (const e of r.errors) out.add(e.message);
			}
		}
		// objects and lists emptied or of the wrong type, and unknown fields
		const drafts = (s as { drafts: Json[] }).drafts;
		for (const key of Object.keys(drafts[0]))
			for (const t of [7, [], {}]) {
				const r = parseScenario(setAt(s, ['drafts', 0, key], t));
				if (!r.ok) for (const e of r.errors) out.add(e.message);
			}
		const extra = parseScenario({ ...(s as Json), surprise: 1 });
		if (!extra.ok) for (const e of extra.errors) out.add(e.message);
	}
	// rules between fields
	const s = presets[0] as { drafts: Json[] };
	for (const [path, value] of [
		[['drafts', 0, 'metrics', 0, 'rollUp'], 'shareOfWindows'],
		[['drafts', 0, 'metrics', 0, 'credit'], { type: 'slidingPerPoint' }],
		[['drafts', 0, 'metrics', 0, 'credit'], { type: 'binary', perPoint: 0.1 }],
		[['drafts', 0, 'metrics', 0, 'share'], 0.5],
		[['drafts', 0, 'scorecard'], { mode: 'manual' }],
		[['drafts', 0, 'scorecard'], { mode: 'manual', weights: {} }],
		[['drafts', 0, 'bonuses'], [{ metric: 'fcr', threshold: 2, direction: 'atLeast' }]],
		[['drafts', 1, 'name'], s.drafts[0].name],
		[['drafts', 0, 'negotiable'], [{ path: 'vendor.staffingPolicyFactor', from: 1, to: 0 }]],
		[['drafts', 0, 'negotiable'], [{ path: 'no such thing!', from: 0, to: 1 }]]
	] as [(string | number)[], unknown][]) {
		const r = parseScenario(setAt(s, path, value));
		if (!r.ok) for (const e of r.errors) out.add(e.message);
	}
	return [...out];
}

describe('plain words in the schema', () => {
	it('the check catches the examples of code the issue found in the app', () => {
		for (const bad of [
			'credit = atRisk.poolAllocation x metric.poolAllocation x (percentOfInvoice x invoice)',
			'(see contract.ts mirrorScorecardWeights)',
			'atLeast: met when value >= target',
			"Default 'allFollowing'",
			'(MODEL.md range)',
			'drafts.1.price.rate: price.rate must be >= 0',
			'path must be dot-separated field names and indices, e.g. drafts.0.price.rate',
			'Satisfaction per contact: P(satisfied)',
			'{kind: exponential|lognormal}',
			'max_attempts'
		])
			expect(codeWords(bad), bad).not.toEqual([]);
		for (const good of [
			'Balanced > Price > Rate per contact: must be at least 0',
			'Target as a share, e.g. 80 %; 0.8 in a scenario file.',
			'Sources: SQM Group (https://www.sqmgroup.com/resources), about 6 a month.'
		])
			expect(codeWords(good), good).toEqual([]);
	});

	it('no help text shows code', () => {
		const bad = [...new Set(descriptions(scenarioJsonSchema()))]
			.map((d) => ({ d, found: codeWords(d) }))
			.filter((x) => x.found.length > 0);
		expect(bad).toEqual([]);
	});

	it('no error message shows code', () => {
		const messages = brokenMessages();
		expect(messages.length).toBeGreaterThan(40);
		const bad = messages.map((m) => ({ m, found: codeWords(m) })).filter((x) => x.found.length > 0);
		expect(bad).toEqual([]);
	});
});
