/**
 * Fuzzing scenario files as a careless or hostile user would write them: every preset, mutated at
 * random paths (wrong types, extreme numbers, missing and unknown fields, long or formula-like
 * text), through `parseScenario`, and the accepted ones through a short simulation (2 days, at most
 * 400 first contacts a day, 2 replications) and the statistics. Shared by the fuzz test
 * (test/unit/fuzz.test.ts, a few dozen cases) and `npm run fuzz` (10,000 cases, counts).
 *
 * What each case must hold (`checkCase` returns the first violation, or null):
 * - nothing throws (a CapacityError, the engine's stated limit, counts as a clear refusal);
 * - a rejection names a path and a rule, in the project's words;
 * - every summary number is finite, or NaN exactly where it means "no data" (no replication had
 *   data: mean and percentiles; fewer than two: the interval), never infinite;
 * - every fraction (and flag share) and its interval lies in [0, 1].
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { METRICS } from '../src/lib/core/metrics';
import { parseScenario, type Scenario } from '../src/lib/core/schema/scenario';
import { prepareScenario, runReplication } from '../src/lib/core/replication';
import { summarise, type MetricSummary } from '../src/lib/core/stats';
import { CapacityError } from '../src/lib/core/limits';

const DIR = new URL('../scenarios/', import.meta.url);
export const PRESETS: { file: string; json: unknown }[] = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((file) => ({ file, json: JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) }));

/** The validation library's own phrasing, which users must never see. */
const LIBRARY_WORDING =
	/Invalid input|Invalid option|Too (small|big)|expected \w+, received|Unrecognized key|Invalid (string|number|element|key)/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON value (objects, arrays and leaves), root excluded. */
function paths(v: Json, base: Path = [], out: Path[] = []): Path[] {
	if (Array.isArray(v))
		v.forEach((x, i) => {
			out.push([...base, i]);
			paths(x, [...base, i], out);
		});
	else if (v !== null && typeof v === 'object')
		for (const [k, x] of Object.entries(v)) {
			out.push([...base, k]);
			paths(x, [...base, k], out);
		}
	return out;
}

const EXTREME_NUMBERS = [
	0, -1, 1, 0.5, 1.5, -0.0001, 1e-12, 7, 24, 60, 100, 366, 367, 1e6, 1e9, 1e12, 1e300, -1e300
];
const NASTY_TEXT = [
	'',
	' ',
	'=HYPERLINK("http://evil.example","click")',
	'<script>alert(1)</script>',
	'x'.repeat(5000),
	'\u0000\u0001binary',
	'never',
	'auto',
	'erlangC',
	'atMost',
	'15'
];

export type Mutation =
	| { op: 'set'; at: number; value: Json }
	| { op: 'scale'; at: number; factor: number }
	| { op: 'delete'; at: number }
	| { op: 'unknown'; at: number; key: string };

const value: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom(...EXTREME_NUMBERS),
	fc.constantFrom(...NASTY_TEXT),
	fc.constantFrom<Json>(null, true, false, [], {}, [1, 2, 3], { kind: 'never' }),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.integer(),
	fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ op: fc.constant('set' as const), at: fc.nat(), value }),
	fc.record({
		op: fc.constant('scale' as const),
		at: fc.nat(),
		factor: fc.constantFrom(0, -1, 0.5, 2, 10, 1000, 1e6)
	}),
	fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ op: fc.constant('unknown' as const), at: fc.nat(), key: fc.string({ maxLength: 20 }) })
);

export interface FuzzCase {
	preset: number;
	mutations: Mutation[];
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
	preset: fc.nat({ max: PRESETS.length - 1 }),
	mutations: fc.array(mutation, { minLength: 1, maxLength: 3 })
});

/** Apply a case's mutations to a copy of its preset (each picks its path among the current ones). */
export function mutated(c: FuzzCase): Json {
	const root = structuredClone(PRESETS[c.preset].json) as Json;
	for (const m of c.mutations) {
		const all = paths(root);
		const path = all[m.at % all.length];
		const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k], root) as Record<
			string | number,
			Json
		>;
		const key = path[path.length - 1];
		if (m.op === 'set') parent[key] = structuredClone(m.value);
		else if (m.op === 'scale') {
			if (typeof parent[key] === 'number') parent[key] = (parent[key] as number) * m.factor;
		} else if (m.op === 'delete') {
			if (Array.isArray(parent)) parent.splice(Number(key), 1);
			else delete parent[key];
		} else {
			const target = parent[key];
			if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[m.key] = 1;
		}
	}
	return root;
}

/** The scenario shortened for a quick simulation (a few thousand contacts per draft), or null if that made it invalid. */
function shortened(s: Scenario): Scenario | null {
	const raw = structuredClone(s) as unknown as {
		replications: number;
		assumptions: {
			calendar: { days: number };
			demand: { firstContactsPerDay: number; spikes: { day: number }[] };
		};
	};
	raw.replications = 2;
	raw.assumptions.calendar.days = Math.min(2, raw.assumptions.calendar.days);
	raw.assumptions.demand.firstContactsPerDay = Math.min(400, raw.assumptions.demand.firstContactsPerDay);
	raw.assumptions.demand.spikes = raw.assumptions.demand.spikes.filter((x) => x.day < 2);
	const p = parseScenario(raw);
	return p.ok ? p.scenario : null;
}

const isFraction = new Set(
	METRICS.flatMap((m, i) => (m.kind === 'fraction' || m.kind === 'flag' ? [i] : []))
);

/** The first violation in a metric summary, or null. */
function summaryViolation(m: MetricSummary, index: number): string | null {
	const key = METRICS[index].key;
	const point = [m.mean, m.sd, m.p5, m.p10, m.p50, m.p90, m.p95, m.min, m.max];
	if (
		point.some((x) => x === Infinity || x === -Infinity) ||
		m.ci95.some((x) => !Number.isFinite(x) && x === x)
	)
		return `${key}: an infinite number in its summary`;
	if (m.n > 0 && [m.mean, m.p5, m.p50, m.p95, m.min, m.max].some((x) => x !== x))
		return `${key}: NaN in the summary of ${m.n} replications with data`;
	if (m.n >= 2 && m.ci95.some((x) => x !== x)) return `${key}: NaN interval with ${m.n} replications`;
	if (isFraction.has(index)) {
		const xs = [m.mean, m.p5, m.p50, m.p95, m.min, m.max, ...m.ci95];
		if (m.share) xs.push(m.share.p, ...m.share.ci95);
		if (xs.some((x) => x < 0 || x > 1)) return `${key}: a fraction outside [0, 1]: ${xs.join(', ')}`;
	}
	return null;
}

export type Outcome = 'rejected' | 'simulated' | 'refused' | 'skipped';

/** A case broke one of the rules above (any other exception is a crash). */
export class Violation extends Error {}

/** Run one case; returns its outcome, or throws a Violation naming the broken rule (or the crash). */
export function runCase(c: FuzzCase): Outcome {
	const parsed = parseScenario(mutated(c));
	if (!parsed.ok) {
		if (parsed.errors.length === 0) throw new Violation('rejected with no error');
		for (const e of parsed.errors) {
			if (!e.path) throw new Violation(`an error without a path: ${e.message}`);
			if (!e.message.trim()) throw new Violation(`an error without a rule at ${e.path}`);
			if (LIBRARY_WORDING.test(e.message)) throw new Violation(`library wording at ${e.path}: ${e.message}`);
		}
		return 'rejected';
	}
	const s = shortened(parsed.scenario);
	if (!s) return 'skipped';
	let rows;
	try {
		const prep = prepareScenario(s);
		rows = [0, 1].map((rep) => ({ rep, ...runReplication(prep, rep) }));
	} catch (err) {
		if (err instanceof CapacityError) return 'refused';
		throw err;
	}
	const summary = summarise(rows);
	for (const d of summary.drafts)
		for (let i = 0; i < d.metrics.length; i++) {
			const v = summaryViolation(d.metrics[i], i);
			if (v) throw new Violation(v);
		}
	for (const p of summary.pairs)
		for (const [i, d] of p.metrics.entries())
			if ([d.mean, ...d.ci95].some((x) => x === Infinity || x === -Infinity))
				throw new Violation(`${METRICS[i].key}: an infinite paired difference`);
	return 'simulated';
}
