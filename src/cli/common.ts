/**
 * Shared plumbing of the `sim` commands: flag parsing and validation, scenario loading, `--help`,
 * the mapping of bad input to exit code 2, the progress bar, the text formatting of results, and
 * (for best-response, sensitivity and sweep) a pool of worker threads with a clean stop on Ctrl-C
 * (workers terminated, exit code 130).
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { parseScenario, type Scenario } from '../lib/core/schema/scenario';
import { MAX_TERM_MONTHS, TermSchema } from '../lib/core/schema/term';
import { createNodePool, defaultNodePoolSize } from '../lib/pool/node';
import {
	ExploreInputError,
	ExploreStoppedError,
	poolEvaluator,
	type ExploreContext,
	type ExploreProgress
} from '../lib/core/explore/evaluation';
import { METRICS, type MetricKey } from '../lib/core/metrics';
import { checkBudget } from '../lib/core/budget';
import { jsonFromBytes, tooLarge } from '../lib/input/json-text';
import type { MetricSummary } from '../lib/core/stats';

export class UsageError extends Error {}
/** A bad input file or value: reported without the usage text. */
export class InputError extends UsageError {}

/** A number flag, any value (add the bounds). */
export const numberFlag = (name: string) => z.coerce.number({ error: `--${name} must be a number` });

export const intFlag = (name: string, min: number, max: number) =>
	numberFlag(name)
		.int({ error: `--${name} must be a whole number` })
		.min(min, { error: `--${name} must be at least ${min}` })
		.max(max, { error: `--${name} must be at most ${max}` });

export const numFlag = (name: string) =>
	numberFlag(name).refine((x) => Number.isFinite(x), { error: `--${name} must be a finite number` });

export const fileFlag = z
	.string({ error: 'FILE (the scenario file) is required' })
	.min(1, { error: 'FILE must not be empty' });

export const seedFlag = z
	.string()
	.min(1, { error: '--seed must not be empty' })
	.max(200, { error: '--seed must be at most 200 characters' });
export const workersFlag = intFlag('workers', 1, 64);

/**
 * The flags every exploration command (best-response, sensitivity, sweep) takes besides FILE; their
 * value flags are EXPLORE_VALUE_FLAGS. (A schema reports its issues in the order of its keys.)
 */
/** `--months N`: run the scenario as a contract term of N months (see docs/TERM.md). */
export const monthsFlag = intFlag('months', 1, MAX_TERM_MONTHS);

export const exploreFlags = {
	reps: intFlag('reps', 2, 10_000).optional(),
	seed: seedFlag.optional(),
	months: monthsFlag.optional(),
	workers: workersFlag.optional(),
	json: z.boolean().optional(),
	force: z.boolean().optional()
};
export const EXPLORE_VALUE_FLAGS = ['reps', 'seed', 'months', 'workers'] as const;
export const EXPLORE_BOOL_FLAGS = ['json', 'force'] as const;

/**
 * Refuse a run over the work budget (core/budget.ts) unless `force`: an InputError (exit 2) that
 * says what is too large and what to lower. Checked before any worker starts.
 */
export function enforceBudget(
	scenario: Scenario,
	opts: { replications: number; keepRows?: boolean; force?: boolean }
): void {
	if (opts.force) return;
	const b = checkBudget(scenario, { replications: opts.replications, keepRows: opts.keepRows });
	if (b.ok) return;
	throw new InputError(
		`this run is over the work budget:\n${b.reasons.map((r) => `  - ${r}`).join('\n')}\n` +
			'Lower what is named above, or add --force to run it anyway.'
	);
}

/**
 * argv -> raw flag record (strings), before validation. By default one positional argument is the
 * scenario FILE (as `file`) and a repeated flag keeps its last value; `noFile` refuses positional
 * arguments and `once` refuses a value flag given twice.
 */
export function tokenise(
	argv: string[],
	valueFlags: readonly string[],
	boolFlags: readonly string[],
	{ noFile = false, once = false } = {}
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const positional: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) {
			if (noFile) throw new UsageError(`unexpected argument "${a}" (flags start with --)`);
			positional.push(a);
			continue;
		}
		const eq = a.indexOf('=');
		const name = a.slice(2, eq < 0 ? undefined : eq);
		if (boolFlags.includes(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			out[name] = true;
		} else if (valueFlags.includes(name)) {
			const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
			// negative numbers are values, not flags
			if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
			if (once && name in out) throw new UsageError(`--${name} given twice`);
			out[name] = v;
		} else throw new UsageError(`unknown flag --${name}`);
	}
	if (positional.length > 1) throw new UsageError(`expected one scenario FILE, got: ${positional.join(' ')}`);
	if (positional.length === 1) out.file = positional[0];
	return out;
}

export function validate<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
	const p = schema.safeParse(raw);
	if (!p.success) throw new UsageError(p.error.issues.map((i) => i.message).join('\n'));
	return p.data;
}

/**
 * Read a JSON input file; an unreadable, too large, binary or non-UTF-8 file, or bad JSON, is an
 * InputError whose message never quotes the file's content (json-text.ts).
 */
export async function readJsonFile(file: string): Promise<unknown> {
	let bytes: Uint8Array;
	let large: string | null;
	try {
		large = tooLarge((await stat(file)).size, file);
		bytes = large ? new Uint8Array(0) : await readFile(file);
	} catch (err) {
		throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
	}
	if (large) throw new InputError(large);
	const r = jsonFromBytes(bytes, file);
	if (!r.ok) throw new InputError(r.error);
	return r.value;
}

/** The InputError listing every problem of an input file with its path. */
export function invalidInput(file: string, issues: readonly { path: string; message: string }[]): InputError {
	const lines = issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`);
	return new InputError(
		`${file} is not a valid scenario (${issues.length} error${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`
	);
}

/** Validate a scenario read from `file` (every error with its path); --seed overrides the scenario's. */
export function scenarioFrom(file: string, raw: unknown, seed?: string, months?: number): Scenario {
	const p = parseScenario(raw);
	if (!p.ok) throw invalidInput(file, p.errors);
	const s = seed !== undefined ? { ...p.scenario, seed } : p.scenario;
	return months !== undefined ? { ...s, term: TermSchema.parse({ ...s.term, months }) } : s;
}

/**
 * Read and validate a scenario file (every error with its path); --seed overrides the scenario's,
 * --months runs it as a term of that many months (the scenario's other term settings kept).
 */
export async function loadScenario(file: string, seed?: string, months?: number): Promise<Scenario> {
	return scenarioFrom(file, await readJsonFile(file), seed, months);
}

/** The draft a `--draft NAME|INDEX` flag names (a name first, then an index), or a UsageError listing the drafts. */
export function draftFlag(scenario: Scenario, text: string): number {
	const byName = scenario.drafts.findIndex((d) => d.name === text);
	const k = byName >= 0 ? byName : /^\d+$/.test(text) ? Number(text) : -1;
	if (!(k >= 0 && k < scenario.drafts.length))
		throw new UsageError(
			`--draft must be a draft name or an index 0..${scenario.drafts.length - 1}; the drafts are: ${scenario.drafts.map((d) => `"${d.name}"`).join(', ')}`
		);
	return k;
}

/** The default worker count: the Node pool's default size. */
export const defaultWorkers = defaultNodePoolSize;

/** The progress line for a terminal: `\r[#####.....] ` (30 cells, `frac` of them filled) and `text`. */
export function progressBar(frac: number, text: string): string {
	const width = 30;
	const filled = Math.round(width * frac);
	return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`;
}

function bar(p: ExploreProgress, t0: number): string {
	const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
	const phase = p.phase.length > 40 ? p.phase.slice(0, 39) + '…' : p.phase;
	return progressBar(
		frac,
		`${(100 * frac).toFixed(0).padStart(3)}%  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${phase.padEnd(40)}`
	);
}

/**
 * Run `body` with a pool of `workers` threads. Progress goes to stderr when it is a terminal;
 * Ctrl-C stops the search, terminates the workers and exits with 130.
 */
async function withPool<T>(
	name: string,
	workers: number,
	body: (ctx: ExploreContext) => Promise<T>
): Promise<{ value: T; elapsedSeconds: number } | { stopped: true }> {
	const pool = createNodePool(workers);
	const stop = { stopped: false };
	const evaluator = poolEvaluator(pool);
	const tty = process.stderr.isTTY === true;
	const t0 = performance.now();
	const onSigint = () => {
		stop.stopped = true;
		evaluator.stop?.();
	};
	process.on('SIGINT', onSigint);
	try {
		const value = await body({
			evaluator,
			stop,
			onProgress: tty ? (p) => process.stderr.write(bar(p, t0)) : undefined
		});
		return { value, elapsedSeconds: (performance.now() - t0) / 1000 };
	} catch (err) {
		if (stop.stopped || err instanceof ExploreStoppedError) {
			if (tty) process.stderr.write('\n');
			process.stderr.write(`sim ${name}: stopped; workers terminated\n`);
			return { stopped: true };
		}
		throw err;
	} finally {
		process.off('SIGINT', onSigint);
		if (tty) process.stderr.write('\n');
		pool.dispose();
	}
}

/** `--help` or `-h` anywhere: prints the usage to stdout (the command then exits 0). */
export function printedHelp(argv: string[], usage: string): boolean {
	if (!argv.includes('--help') && !argv.includes('-h')) return false;
	process.stdout.write(usage);
	return true;
}

/**
 * Run a command body, mapping usage and input errors to exit code 2 with a clear message (the usage
 * text follows a usage error, not an input error).
 */
export async function guard(name: string, usage: string, body: () => Promise<number>): Promise<number> {
	try {
		return await body();
	} catch (err) {
		if (err instanceof UsageError) {
			process.stderr.write(`sim ${name}: ${err.message}\n${err instanceof InputError ? '' : `\n${usage}`}`);
			return 2;
		}
		if (err instanceof ExploreInputError) {
			process.stderr.write(`sim ${name}: ${err.message}\n`);
			return 2;
		}
		throw err;
	}
}

/** Print the `--json` output: one indented JSON object and a newline. */
export function printJson(value: unknown): void {
	process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * Run an exploration on a pool of `workers` threads (see withPool) and print it: with `json`, one JSON
 * object (seed, replications, elapsedSeconds and workers unless `timing` is false, then `print.json`'s
 * keys), else `print.text`.
 * Returns the exit code: 0, or 130 when stopped.
 */
export async function runExploration<T>(
	name: string,
	scenario: Scenario,
	opts: { reps: number; workers: number; json?: boolean; force?: boolean; timing?: boolean },
	body: (ctx: ExploreContext) => Promise<T>,
	print: { json(value: T): object; text(value: T, elapsedSeconds: number): string }
): Promise<number> {
	// Each evaluation of the exploration is at least one such run.
	enforceBudget(scenario, { replications: opts.reps, force: opts.force });
	const out = await withPool(name, opts.workers, body);
	if ('stopped' in out) return 130;
	const { value, elapsedSeconds } = out;
	if (opts.json)
		printJson({
			seed: String(scenario.seed),
			replications: opts.reps,
			// timing: false keeps the JSON a pure function of the inputs (design's sharded runs compare it)
			...(opts.timing === false ? {} : { elapsedSeconds, workers: opts.workers }),
			...print.json(value)
		});
	else process.stdout.write(print.text(value, elapsedSeconds));
	return 0;
}

export function fmt(kind: string, x: number, currency = ''): string {
	if (!Number.isFinite(x)) return '-';
	switch (kind) {
		case 'fraction':
		case 'flag':
			return `${(100 * x).toFixed(1)}%`;
		case 'points':
			return `${(100 * x).toFixed(1)} pp`;
		case 'seconds':
			return `${x.toFixed(1)}s`;
		case 'money':
			return `${Math.round(x).toLocaleString('en-US')}${currency ? ' ' + currency : ''}`;
		case 'count':
			return Math.round(x).toLocaleString('en-US');
		default:
			return x.toFixed(3);
	}
}

export const kindOf = (key: MetricKey) => METRICS.find((m) => m.key === key)!.kind;
export const labelOf = (key: MetricKey) => METRICS.find((m) => m.key === key)!.label;

/** "mean [lo, hi]" formatted as `kind`. */
function interval(kind: string, mean: number, ci: readonly [number, number]): string {
	return `${fmt(kind, mean)} [${fmt(kind, ci[0])}, ${fmt(kind, ci[1])}]`;
}

/** "mean [lo, hi]" of a metric summary (flags: share with its Wilson interval). */
export function cell(key: MetricKey, x: MetricSummary): string {
	const k = kindOf(key);
	return x.share ? interval(k, x.share.p, x.share.ci95) : interval(k, x.mean, x.ci95);
}

/** A difference "mean [lo, hi]" with pp for fractions. */
export function diffCell(
	key: MetricKey,
	d: { mean: number; ci95: [number, number]; significant?: boolean }
): string {
	const k0 = kindOf(key);
	const k = k0 === 'fraction' || k0 === 'flag' ? 'points' : k0;
	return `${interval(k, d.mean, d.ci95)}${d.significant ? ' *' : ''}`;
}

export function table(rows: string[][]): string[] {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	return rows.map((r) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  '));
}
