/**
 * Shared plumbing of the exploration commands (best-response, sensitivity, sweep): flag parsing,
 * scenario loading, a pool of worker threads with a progress bar on a TTY, and a clean stop on
 * Ctrl-C (workers terminated, exit code 130).
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseScenario, type Scenario } from '../lib/core/schema/scenario';
import { createNodePool } from '../lib/pool/node';
import {
	ExploreInputError,
	ExploreStoppedError,
	poolEvaluator,
	type ExploreContext,
	type ExploreProgress
} from '../lib/core/explore';
import { METRICS, type MetricKey } from '../lib/core/metrics';
import type { MetricSummary } from '../lib/core/stats';

export class UsageError extends Error {}
/** A bad input file or value: reported without the usage text. */
export class InputError extends UsageError {}

export const intFlag = (name: string, min: number, max: number) =>
	z.coerce
		.number({ error: `--${name} must be a number` })
		.int({ error: `--${name} must be a whole number` })
		.min(min, { error: `--${name} must be at least ${min}` })
		.max(max, { error: `--${name} must be at most ${max}` });

export const numFlag = (name: string) =>
	z.coerce
		.number({ error: `--${name} must be a number` })
		.refine((x) => Number.isFinite(x), { error: `--${name} must be a finite number` });

export const fileFlag = z
	.string({ error: 'FILE (the scenario file) is required' })
	.min(1, { error: 'FILE must not be empty' });

/** argv -> raw flag record (strings), before validation. */
export function tokenise(argv: string[], valueFlags: string[], boolFlags: string[]): Record<string, unknown> {
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
		if (boolFlags.includes(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			out[name] = true;
		} else if (valueFlags.includes(name)) {
			const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
			// negative numbers are values, not flags
			if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
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

/** Read and validate a scenario file (every error with its path); --seed overrides the scenario's. */
export async function loadScenario(file: string, seed?: string): Promise<Scenario> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (err) {
		throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (err) {
		throw new InputError(`${file} is not valid JSON: ${(err as Error).message}`);
	}
	const p = parseScenario(raw);
	if (!p.ok) {
		const lines = p.errors.map((i) => `  ${i.path || '(root)'}: ${i.message}`);
		throw new InputError(
			`${file} is not a valid scenario (${p.errors.length} error${p.errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`
		);
	}
	return seed !== undefined ? { ...p.scenario, seed } : p.scenario;
}

export function defaultWorkers(): number {
	return Math.max(1, Math.min(16, availableParallelism()));
}

function bar(p: ExploreProgress, t0: number): string {
	const width = 30;
	const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
	const filled = Math.round(width * frac);
	const phase = p.phase.length > 40 ? p.phase.slice(0, 39) + '…' : p.phase;
	return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(100 * frac).toFixed(0).padStart(3)}%  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${phase.padEnd(40)}`;
}

/**
 * Run `body` with a pool of `workers` threads. Progress goes to stderr when it is a terminal;
 * Ctrl-C stops the search, terminates the workers and exits with 130.
 */
export async function withPool<T>(
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
		if (err instanceof ExploreInputError) throw new InputError(err.message);
		throw err;
	} finally {
		process.off('SIGINT', onSigint);
		if (tty) process.stderr.write('\n');
		pool.dispose();
	}
}

/** Run a command body, mapping usage and input errors to exit code 2 with a clear message. */
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

/** "mean [lo, hi]" of a metric summary (flags: share with its Wilson interval). */
export function cell(key: MetricKey, x: MetricSummary): string {
	const k = kindOf(key);
	const mean = x.share ? x.share.p : x.mean;
	const ci = x.share ? x.share.ci95 : x.ci95;
	return `${fmt(k, mean)} [${fmt(k, ci[0])}, ${fmt(k, ci[1])}]`;
}

/** A difference "mean [lo, hi]" with pp for fractions. */
export function diffCell(
	key: MetricKey,
	d: { mean: number; ci95: [number, number]; significant?: boolean }
): string {
	const k0 = kindOf(key);
	const k = k0 === 'fraction' || k0 === 'flag' ? 'points' : k0;
	return `${fmt(k, d.mean)} [${fmt(k, d.ci95[0])}, ${fmt(k, d.ci95[1])}]${d.significant ? ' *' : ''}`;
}

export function table(rows: string[][]): string[] {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	return rows.map((r) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  '));
}
