/**
 * `npm run sim -- run FILE [--reps R] [--seed S] [--workers W] [--chunk C] [--precision P]
 *  [--metric KEY] [--json] [--csv FILE]`
 *
 * Runs a scenario file's drafts on the simulation pool (worker_threads) and prints the summary: a
 * table, or one JSON object with `--json`. `--csv FILE` writes every replication's metrics.
 * Exit codes: 0 done, 2 bad flag or bad scenario file, 1 failure while running.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { METRICS, METRIC_INDEX, type MetricKey } from '../../lib/core/metrics';
import type { ReplicationRow, RunSummary } from '../../lib/core/stats';
import { createNodePool } from '../../lib/pool/node';
import type { RunProgress, RunResult } from '../../lib/pool/pool';
import type { SimJob } from '../../../workers/sim-api';
import { parseScenario } from '../../lib/core/schema/scenario';

export const summary = 'run a scenario file by Monte Carlo on worker threads; summary table, --json or --csv';

const USAGE = `usage: npm run sim -- run FILE [options]

  --reps R         replication cap (default: the scenario's "replications"; 1000 with --precision)
  --seed S         seed, overrides the scenario's
  --workers W      worker threads (default: available parallelism, ${availableParallelism()} here)
  --chunk C        replications per chunk (default: automatic)
  --precision P    stop when the 95 % CI half-width of --metric is within P of its mean in every
                   draft (e.g. 0.01 = 1 %), or at the cap, whichever comes first
  --metric KEY     metric for --precision (default clientTotalCost)
  --json           print one JSON object instead of the table
  --csv FILE       write per-replication rows (rep, draft, every metric) to FILE
`;

const metricKeys = METRICS.map((m) => m.key) as [MetricKey, ...MetricKey[]];

const intFlag = (name: string, min: number, max: number) =>
	z.coerce
		.number({ error: `--${name} must be a number` })
		.int({ error: `--${name} must be a whole number` })
		.min(min, { error: `--${name} must be at least ${min}` })
		.max(max, { error: `--${name} must be at most ${max}` });

export const FlagsSchema = z.strictObject({
	file: z
		.string({ error: 'FILE (the scenario file) is required' })
		.min(1, { error: 'FILE must not be empty' }),
	reps: intFlag('reps', 1, 1_000_000).optional(),
	seed: z.string().min(1, { error: '--seed must not be empty' }).optional(),
	workers: intFlag('workers', 1, 64).optional(),
	chunk: intFlag('chunk', 1, 10_000).optional(),
	precision: z.coerce
		.number({ error: '--precision must be a number' })
		.gt(0, { error: '--precision must be greater than 0 (a fraction, e.g. 0.01 for 1 %)' })
		.lt(1, { error: '--precision must be less than 1 (a fraction, e.g. 0.01 for 1 %)' })
		.optional(),
	metric: z.enum(metricKeys, { error: `--metric must be one of: ${metricKeys.join(', ')}` }).optional(),
	json: z.boolean().optional(),
	csv: z.string().min(1, { error: '--csv needs a file name' }).optional(),
	/** Hidden: FILE is a fake-model input (pool tests and benchmarks), not a scenario. */
	fake: z.boolean().optional()
});
export type Flags = z.infer<typeof FlagsSchema>;

const VALUE_FLAGS = new Set(['reps', 'seed', 'workers', 'chunk', 'precision', 'metric', 'csv']);
const BOOL_FLAGS = new Set(['json', 'fake']);

class UsageError extends Error {}
/** A bad input file: reported without the usage text. */
class InputError extends UsageError {}

/** argv -> raw flag record (strings), before validation. */
function tokenise(argv: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const positional: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) {
			positional.push(a);
			continue;
		}
		const eq = a.indexOf('=');
		const name = a.slice(2, eq < 0 ? undefined : eq);
		if (BOOL_FLAGS.has(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			out[name] = true;
		} else if (VALUE_FLAGS.has(name)) {
			const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
			if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
			out[name] = v;
		} else throw new UsageError(`unknown flag --${name}`);
	}
	if (positional.length > 1) throw new UsageError(`expected one scenario FILE, got: ${positional.join(' ')}`);
	if (positional.length === 1) out.file = positional[0];
	return out;
}

export function parseFlags(argv: string[]): Flags {
	const parsed = FlagsSchema.safeParse(tokenise(argv));
	if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('\n'));
	return parsed.data;
}

/** A loaded, validated run input: the worker job, the seed and the drafts' names. */
export interface LoadedInput {
	job: SimJob;
	seed: string;
	draftNames: string[];
	/** The scenario's own replication count (used when --reps is not given). */
	defaultReps?: number;
}

/** Read and validate FILE; errors list every problem with its path. */
export async function loadInput(flags: Pick<Flags, 'file' | 'seed' | 'fake'>): Promise<LoadedInput> {
	let text: string;
	try {
		text = await readFile(flags.file, 'utf8');
	} catch (err) {
		throw new InputError(`cannot read ${flags.file}: ${(err as Error).message}`);
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (err) {
		throw new InputError(`${flags.file} is not valid JSON: ${(err as Error).message}`);
	}
	if (flags.fake) {
		const FakeSchema = z.strictObject({
			seed: z.string(),
			drafts: z.int().min(1).max(4).optional(),
			days: z.int().min(0).optional(),
			dailyFields: z.int().min(0).optional(),
			spin: z.int().min(0).optional()
		});
		const p = FakeSchema.safeParse(raw);
		if (!p.success)
			throw new InputError(
				formatIssues(
					flags.file,
					p.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
				)
			);
		const input = { ...p.data, seed: flags.seed ?? p.data.seed };
		return {
			job: { model: 'fake', input },
			seed: input.seed,
			draftNames: Array.from({ length: input.drafts ?? 2 }, (_, i) => `Draft ${String.fromCharCode(65 + i)}`)
		};
	}
	const p = parseScenario(raw);
	if (!p.ok) throw new InputError(formatIssues(flags.file, p.errors));
	const scenario = flags.seed !== undefined ? { ...p.scenario, seed: flags.seed } : p.scenario;
	return {
		job: { model: 'sla', scenario },
		seed: String(scenario.seed),
		draftNames: scenario.drafts.map((d) => d.name),
		defaultReps: scenario.replications
	};
}

function formatIssues(file: string, issues: readonly { path: string; message: string }[]): string {
	const lines = issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`);
	return `${file} is not a valid scenario (${issues.length} error${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

export interface RunTiming {
	/** Seconds from the start (pool start-up included) to the first summary. */
	firstSummarySeconds: number;
	elapsedSeconds: number;
}

/** Run an input on a fresh pool of worker threads; the pool is disposed at the end. */
export async function execute(
	input: LoadedInput,
	opts: {
		reps: number;
		workers?: number;
		chunk?: number;
		precision?: number;
		metric?: MetricKey;
		keepRows?: boolean;
	},
	onProgress?: (p: RunProgress) => void
): Promise<{ result: RunResult; timing: RunTiming }> {
	const t0 = performance.now();
	let first = NaN;
	const pool = createNodePool(opts.workers);
	try {
		const handle = pool.run({
			job: input.job,
			reps: opts.reps,
			chunk: opts.chunk,
			keepRows: opts.keepRows,
			stop:
				opts.precision !== undefined
					? { metric: METRIC_INDEX[opts.metric ?? 'clientTotalCost'], relHalfWidth: opts.precision }
					: undefined,
			onProgress: (p) => {
				if (Number.isNaN(first)) first = (performance.now() - t0) / 1000;
				onProgress?.(p);
			}
		});
		const result = await handle.done;
		return {
			result,
			timing: { firstSummarySeconds: first, elapsedSeconds: (performance.now() - t0) / 1000 }
		};
	} finally {
		pool.dispose();
	}
}

type JsonMetric = { mean: number; ci95: [number, number]; p5: number; p50: number; p95: number };

/** The `--json` object. Flags (slaMet, watermelon) report the share of replications with a Wilson interval. */
export function toJson(input: LoadedInput, result: RunResult, elapsedSeconds: number, workers: number) {
	const s = result.summary;
	return {
		seed: input.seed,
		replications: s.n,
		contacts: s.contacts,
		elapsedSeconds,
		workers,
		stoppedBy: result.stoppedBy,
		drafts: s.drafts.map((d, di) => {
			const metrics: Record<string, JsonMetric> = {};
			const differences: Record<string, { mean: number; ci95: [number, number] }> = {};
			const pair = di > 0 ? s.pairs.find((p) => p.a === 0 && p.b === di) : undefined;
			METRICS.forEach((m, mi) => {
				const x = d.metrics[mi];
				metrics[m.key] = {
					mean: x.share ? x.share.p : x.mean,
					ci95: x.share ? x.share.ci95 : x.ci95,
					p5: x.p5,
					p50: x.p50,
					p95: x.p95
				};
				if (pair) differences[m.key] = { mean: pair.metrics[mi].mean, ci95: pair.metrics[mi].ci95 };
			});
			return { name: input.draftNames[di] ?? `Draft ${di + 1}`, metrics, differences };
		})
	};
}

/** CSV of per-replication rows: rep, draft, then every metric key. */
export function toCsv(draftNames: string[], rows: ReplicationRow[]): string {
	const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
	const lines = [['rep', 'draft', ...METRICS.map((m) => m.key)].join(',')];
	for (const r of rows)
		r.drafts.forEach((d, di) => {
			lines.push(
				[String(r.rep), esc(draftNames[di] ?? `Draft ${di + 1}`), ...Array.from(d.scalars, String)].join(',')
			);
		});
	return lines.join('\n') + '\n';
}

function fmt(kind: string, x: number): string {
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
		case 'count':
			return Math.round(x).toLocaleString('en-US');
		default:
			return x.toFixed(3);
	}
}

/** The human-readable table: mean [95 % CI] per metric and draft, then paired differences vs the first draft. */
export function toTable(
	input: LoadedInput,
	s: RunSummary,
	result: RunResult,
	elapsedSeconds: number
): string {
	const names = input.draftNames.slice(0, s.drafts.length);
	const cell = (kind: string, mean: number, ci: [number, number]) =>
		`${fmt(kind, mean)} [${fmt(kind, ci[0])}, ${fmt(kind, ci[1])}]`;
	const header = ['metric', ...names];
	const body = METRICS.map((m, mi) => [
		m.label,
		...s.drafts.map((d) => {
			const x = d.metrics[mi];
			return x.share ? cell('flag', x.share.p, x.share.ci95) : cell(m.kind, x.mean, x.ci95);
		})
	]);
	const out = [
		`seed ${input.seed}: ${s.n} replications (${result.stoppedBy === 'precision' ? 'precision reached' : 'cap'}), ` +
			`${s.contacts.toLocaleString('en-US')} contacts, ${elapsedSeconds.toFixed(1)} s`,
		'',
		...table([header, ...body])
	];
	for (let di = 1; di < s.drafts.length; di++) {
		const pair = s.pairs.find((p) => p.a === 0 && p.b === di)!;
		out.push(
			'',
			`${names[di]} - ${names[0]} (paired on common random numbers, 95 % CI; pp = percentage points; * = interval excludes 0)`
		);
		const rows = METRICS.map((m, mi) => {
			const x = pair.metrics[mi];
			const kind = m.kind === 'flag' || m.kind === 'fraction' ? 'points' : m.kind;
			return [m.label, `${cell(kind, x.mean, x.ci95)}${x.significant ? ' *' : ''}`];
		});
		out.push(...table([['metric', 'difference'], ...rows]));
	}
	return out.join('\n') + '\n';
}

function table(rows: string[][]): string[] {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	return rows.map((r) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  '));
}

function progressBar(p: RunProgress): string {
	const width = 30;
	const filled = Math.round((width * p.done) / p.cap);
	return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.cap} replications  ${p.elapsedSeconds.toFixed(1)} s`;
}

export async function run(argv: string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		process.stdout.write(USAGE);
		return 0;
	}
	let flags: Flags;
	let input: LoadedInput;
	try {
		flags = parseFlags(argv);
		input = await loadInput(flags);
	} catch (err) {
		if (err instanceof UsageError) {
			process.stderr.write(`sim run: ${err.message}\n${err instanceof InputError ? '' : `\n${USAGE}`}`);
			return 2;
		}
		throw err;
	}
	const reps = flags.reps ?? (flags.precision !== undefined ? 1000 : (input.defaultReps ?? 100));
	const workers = flags.workers ?? Math.max(1, Math.min(16, availableParallelism()));
	const tty = process.stderr.isTTY === true;
	let result: RunResult;
	let timing: RunTiming;
	try {
		({ result, timing } = await execute(
			input,
			{
				reps,
				workers,
				chunk: flags.chunk,
				precision: flags.precision,
				metric: flags.metric,
				keepRows: !!flags.csv
			},
			tty ? (p) => process.stderr.write(progressBar(p)) : undefined
		));
	} finally {
		if (tty) process.stderr.write('\n');
	}
	if (flags.csv && result.rows) await writeFile(flags.csv, toCsv(input.draftNames, result.rows));
	if (flags.json)
		process.stdout.write(
			JSON.stringify(toJson(input, result, timing.elapsedSeconds, workers), null, 2) + '\n'
		);
	else process.stdout.write(toTable(input, result.summary, result, timing.elapsedSeconds));
	return 0;
}
