import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METRICS } from '../../src/lib/core/metrics';
import { summarise } from '../../src/lib/core/stats';
import { fakeReplication } from '../../src/lib/pool/fake-model';
import { parseFlags } from '../../src/cli/commands/run';
import { sim, tempDir } from './cli-helpers';

describe('sim run: flags', () => {
	it('accepts valid flags', () => {
		expect(
			parseFlags([
				'x.json',
				'--reps',
				'50',
				'--seed',
				's',
				'--workers=2',
				'--chunk',
				'3',
				'--precision',
				'0.01',
				'--json'
			])
		).toEqual({ file: 'x.json', reps: 50, seed: 's', workers: 2, chunk: 3, precision: 0.01, json: true });
	});
	it.each([
		[['x.json', '--reps', '0'], /--reps must be at least 1/],
		[['x.json', '--reps', '2.5'], /--reps must be a whole number/],
		[['x.json', '--workers', 'two'], /--workers must be a number/],
		[['x.json', '--precision', '0'], /--precision must be greater than 0/],
		[['x.json', '--metric', 'nope'], /--metric must be one of/],
		[['x.json', '--frobnicate'], /unknown flag --frobnicate/],
		[['x.json', '--csv'], /--csv needs a value/],
		[[], /FILE \(the scenario file\) is required/]
	])('%j is refused', (argv, msg) => {
		expect(() => parseFlags(argv as string[])).toThrow(msg);
	});
});

describe('sim run: end to end on worker threads (fake model)', () => {
	it('writes the JSON object and the CSV, with numbers equal to a one-pass summary', async () => {
		const dir = await tempDir('sim-run-');
		const file = join(dir, 'fake.json');
		const input = { seed: 'cli-e2e', drafts: 3 };
		await writeFile(file, JSON.stringify(input));
		const csv = join(dir, 'rows.csv');
		const r = await sim([
			'run',
			file,
			'--fake',
			'--reps',
			'12',
			'--workers',
			'2',
			'--chunk',
			'5',
			'--json',
			'--csv',
			csv
		]);
		expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.seed).toBe('cli-e2e');
		expect(out.replications).toBe(12);
		expect(out.drafts.map((d: { name: string }) => d.name)).toEqual(['Draft A', 'Draft B', 'Draft C']);
		const rows = Array.from({ length: 12 }, (_, rep) => ({ rep, ...fakeReplication(input, rep) }));
		const ref = summarise(rows);
		expect(out.contacts).toBe(ref.contacts);
		for (const [di, d] of out.drafts.entries()) {
			expect(Object.keys(d.metrics)).toEqual(METRICS.map((m) => m.key));
			for (const [mi, m] of METRICS.entries()) {
				const x = ref.drafts[di].metrics[mi];
				const got = d.metrics[m.key];
				if (m.kind === 'flag') {
					expect(got.mean).toBe(x.share!.p);
					expect(got.ci95).toEqual(x.share!.ci95);
				} else {
					expect(got.mean).toBe(x.mean);
					expect(got.ci95).toEqual(x.ci95);
				}
				expect([got.p5, got.p50, got.p95]).toEqual([x.p5, x.p50, x.p95]);
			}
			if (di === 0) expect(d.differences).toEqual({});
			else {
				const pair = ref.pairs.find((p) => p.a === 0 && p.b === di)!;
				expect(d.differences.clientTotalCost.mean).toBe(
					pair.metrics[METRICS.findIndex((m) => m.key === 'clientTotalCost')].mean
				);
				expect(Object.keys(d.differences)).toEqual(METRICS.map((m) => m.key));
			}
		}
		const lines = (await readFile(csv, 'utf8')).trim().split('\n');
		expect(lines[0]).toBe(['rep', 'draft', ...METRICS.map((m) => m.key)].join(','));
		expect(lines.length).toBe(1 + 12 * 3);
		expect(lines[4].split(',').slice(0, 3)).toEqual(['1', 'Draft A', String(rows[1].drafts[0].scalars[0])]);
	});

	it('exits 2 with every error and its path on a bad scenario file', async () => {
		const dir = await tempDir('sim-run-');
		const file = join(dir, 'bad.json');
		await writeFile(file, JSON.stringify({ version: 1, name: '' }));
		const r = await sim(['run', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/is not a valid scenario/);
		expect(r.stderr).toMatch(/name: must not be empty/);
		expect(r.stderr).toMatch(/drafts: is required/);
		const bad = await sim(['run', file, '--workers', '0']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--workers must be at least 1/);
	});
});
