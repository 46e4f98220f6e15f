/**
 * `npm run sim -- run FILE [--reps R] [--seed S] [--workers W] [--chunk C] [--precision P]
 *  [--metric KEY] [--json] [--csv FILE]`
 *
 * Runs a scenario file's drafts on the simulation pool (worker_threads) and prints the summary: a
 * table, or one JSON object with `--json`. `--csv FILE` writes every replication's metrics.
 * Exit codes: 0 done, 2 bad flag, bad scenario file or over the work budget (core/budget.ts; --force
 * runs it anyway), 1 failure while running.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { METRICS, METRIC_INDEX, type MetricKey } from '../../lib/core/metrics';
import { diffsJson, metricsJson } from '../../lib/core/explore/json';
import { summarise, type ReplicationRow } from '../../lib/core/stats';
import { csvText } from '../../lib/core/csv';
import { createNodePool } from '../../lib/pool/node';
import type { RunProgress, RunResult } from '../../lib/pool/pool';
import type { SimJob } from '../../../workers/sim-api';
import {
	cell,
	defaultWorkers,
	diffCell,
	enforceBudget,
	fileFlag,
	guard,
	monthsFlag,
	intFlag,
	invalidInput,
	printedHelp,
	printJson,
	progressBar,
	readJsonFile,
	scenarioFrom,
	seedFlag,
	table,
	tokenise,
	validate,
	workersFlag
} from '../common';

export const summary = 'run a scenario file by Monte Carlo on worker threads; summary table, --json or --csv';

const USAGE = `usage: npm run sim -- run FILE [options]

  --reps R         replication cap (default: the scenario's "replications"; 1000 with --precision)
  --seed S         seed, overrides the scenario's
  --months N       run a contract term of N months (1..24; see docs/TERM.md): the JSON adds
                   each draft's "monthly" series
  --workers W      worker threads (default: available parallelism, ${availableParallelism()} here)
  --chunk C        replications per chunk (default: automatic)
  --precision P    stop when the 95 % CI half-width of --metric is within P of its mean in every
                   draft (e.g. 0.01 = 1 %), or at the cap, whichever comes first
  --metric KEY     metric for --precision (default clientTotalCost)
  --json           print one JSON object instead of the table
  --csv FILE       write per-replication rows (rep, draft, every metric) to FILE
  --force          run even when over the work budget (see the README)

Exit codes: 0 done, 2 bad flag, bad scenario file or over the work budget, 1 failure while running.
`;

const metricKeys = METRICS.map((m) => m.key) as [MetricKey, ...MetricKey[]];

export const FlagsSchema = z.strictObject({
	file: fileFlag,
	reps: intFlag('reps', 1, 1_000_000).optional(),
	seed: seedFlag.optional(),
	months: monthsFlag.optional(),
	workers: workersFlag.optional(),
	chunk: intFlag('chunk', 1, 10_000).optional(),
	precision: z.coerce
		.number({ error: '--precision must be a number' })
		.gt(0, { error: '--precision must be greater than 0 (a fraction, e.g. 0.01 for 1 %)' })
		.lt(1, { error: '--precision must be less than 1 (a fraction, e.g. 0.01 for 1 %)' })
		.optional(),
	metric: z.enum(metricKeys, { error: `--metric must be one of: ${metricKeys.join(', ')}` }).optional(),
	json: z.boolean().optional(),
	csv: z.string().min(1, { error: '--csv needs a file name' }).optional(),
	force: z.boolean().optional(),
	/** Hidden: FILE is a fake-model input (pool tests and benchmarks), not a scenario. */
	fake: z.boolean().optional()
});
export type Flags = z.infer<typeof FlagsSchema>;

const VALUE_FLAGS = ['reps', 'seed', 'months', 'workers', 'chunk', 'precision', 'metric', 'csv'];
const BOOL_FLAGS = ['json', 'fake', 'force'];

export function parseFlags(argv: string[]): Flags {
	return validate(FlagsSchema, tokenise(argv, VALUE_FLAGS, BOOL_FLAGS));
}

/** A loaded, validated run input: the worker job, the seed and the drafts' names. */
export interface LoadedInput {
	job: SimJob;
	seed: string;
	draftNames: string[];
	/** The scenario's own replication count (used when --reps is not given). */
	defaultReps?: number;
	/** Months of the scenario's term (none: one period). */
	months?: number;
}

/** Read and validate FILE; errors list every problem with its path. */
export async function loadInput(
	flags: Pick<Flags, 'file' | 'seed' | 'fake'> & { months?: number }
): Promise<LoadedInput> {
	const raw = await readJsonFile(flags.file);
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
			throw invalidInput(
				flags.file,
				p.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
			);
		const input = { ...p.data, seed: flags.seed ?? p.data.seed };
		return {
			job: { model: 'fake', input },
			seed: input.seed,
			draftNames: Array.from({ length: input.drafts ?? 2 }, (_, i) => `Draft ${String.fromCharCode(65 + i)}`)
		};
	}
	const scenario = scenarioFrom(flags.file, raw, flags.seed, flags.months);
	return {
		job: { model: 'sla', scenario },
		seed: String(scenario.seed),
		draftNames: scenario.drafts.map((d) => d.name),
		defaultReps: scenario.replications,
		months: scenario.term?.months
	};
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
			const pair = di > 0 ? s.pairs.find((p) => p.a === 0 && p.b === di) : undefined;
			return {
				name: input.draftNames[di] ?? `Draft ${di + 1}`,
				metrics: metricsJson(d.metrics),
				differences: pair ? diffsJson(pair.metrics) : {},
				...(input.months !== undefined && result.rows
					? { monthly: monthlyJson(result.rows, di, input.months) }
					: {})
			};
		})
	};
}

/**
 * A term's month-by-month series of one draft: per month, every metric's mean, interval and
 * percentiles over the replications (the same shape as a draft's `metrics`).
 */
export function monthlyJson(rows: readonly ReplicationRow[], draft: number, months: number) {
	const M = METRICS.length;
	return Array.from({ length: months }, (_, m) => {
		const monthRows = rows.map((r) => {
			const all = r.drafts[draft].monthly;
			if (!all) throw new Error('a term run returned no monthly rows');
			return { rep: r.rep, contacts: 0, drafts: [{ scalars: all.subarray(m * M, (m + 1) * M) }] };
		});
		return { month: m + 1, metrics: metricsJson(summarise(monthRows).drafts[0].metrics) };
	});
}

/** CSV of per-replication rows: rep, draft, then every metric key (text cells neutralised, see csv.ts). */
export function toCsv(draftNames: string[], rows: ReplicationRow[]): string {
	const lines: (string | number)[][] = [['rep', 'draft', ...METRICS.map((m) => m.key)]];
	for (const r of rows)
		r.drafts.forEach((d, di) => lines.push([r.rep, draftNames[di] ?? `Draft ${di + 1}`, ...d.scalars]));
	return csvText(lines);
}

/** The human-readable table: mean [95 % CI] per metric and draft, then paired differences vs the first draft. */
export function toTable(input: LoadedInput, result: RunResult, elapsedSeconds: number): string {
	const s = result.summary;
	const names = input.draftNames.slice(0, s.drafts.length);
	const header = ['metric', ...names];
	const body = METRICS.map((m, mi) => [m.label, ...s.drafts.map((d) => cell(m.key, d.metrics[mi]))]);
	const out = [
		`seed ${input.seed}: ${s.n} replications (${result.stoppedBy === 'precision' ? 'precision reached' : 'cap'}), ` +
			`${s.contacts.toLocaleString('en-US')} contacts, ${elapsedSeconds.toFixed(1)} s` +
			(input.months !== undefined
				? `; a contract term of ${input.months} months: totals over the term (each month with --json)`
				: ''),
		'',
		...table([header, ...body])
	];
	for (let di = 1; di < s.drafts.length; di++) {
		const pair = s.pairs.find((p) => p.a === 0 && p.b === di)!;
		out.push(
			'',
			`${names[di]} - ${names[0]} (paired on common random numbers, 95 % CI; pp = percentage points; * = interval excludes 0)`
		);
		const rows = METRICS.map((m, mi) => [m.label, diffCell(m.key, pair.metrics[mi])]);
		out.push(...table([['metric', 'difference'], ...rows]));
	}
	return out.join('\n') + '\n';
}

function runProgress(p: RunProgress): string {
	return progressBar(p.done / p.cap, `${p.done}/${p.cap} replications  ${p.elapsedSeconds.toFixed(1)} s`);
}

export async function run(argv: string[]): Promise<number> {
	if (printedHelp(argv, USAGE)) return 0;
	return guard('run', USAGE, async () => {
		const flags = parseFlags(argv);
		const input = await loadInput(flags);
		const reps = flags.reps ?? (flags.precision !== undefined ? 1000 : (input.defaultReps ?? 100));
		if (input.job.model === 'sla')
			enforceBudget(input.job.scenario, {
				replications: reps,
				keepRows: !!flags.csv || input.months !== undefined,
				force: flags.force
			});
		const workers = flags.workers ?? defaultWorkers();
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
					keepRows: !!flags.csv || input.months !== undefined
				},
				tty ? (p) => process.stderr.write(runProgress(p)) : undefined
			));
		} finally {
			if (tty) process.stderr.write('\n');
		}
		if (flags.csv && result.rows) await writeFile(flags.csv, toCsv(input.draftNames, result.rows));
		if (flags.json) printJson(toJson(input, result, timing.elapsedSeconds, workers));
		else process.stdout.write(toTable(input, result, timing.elapsedSeconds));
		return 0;
	});
}
