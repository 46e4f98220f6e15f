/**
 * `sim design` end to end on worker threads: the JSON's shape (baseline and recommended with asPlanned
 * and bestResponse metric objects, a valid recommended draft), two shards sharing a rows directory and
 * a run over the merged rows print exactly the unsharded JSON, and bad input exits 2.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftSchema } from '../../src/lib/core/schema/draft';
import { sim, tempDir } from './cli-helpers';

async function smallScenarioFile(): Promise<string> {
	const raw = JSON.parse(await readFile('scenarios/ecommerce-case.json', 'utf8'));
	raw.assumptions.calendar.days = 2;
	raw.assumptions.demand.firstContactsPerDay = 200;
	const file = join(await tempDir('design-cli-'), 'small.json');
	await writeFile(file, JSON.stringify(raw));
	return file;
}

const ARGS = [
	'--draft',
	'Balanced',
	'--clauses',
	'price.rate=4:6',
	'--reps',
	'2',
	'--screen-reps',
	'2',
	'--refine',
	'1'
];

describe('sim design', () => {
	it('sharded, merged and unsharded runs print the same JSON; the recommended draft is valid', async () => {
		const file = await smallScenarioFile();
		const whole = await sim(['design', file, ...ARGS, '--workers', '1', '--json']);
		expect(whole.stderr).toContain('draft-replications simulated here');
		expect(whole.code).toBe(0);
		const j = JSON.parse(whole.stdout);
		for (const side of ['baseline', 'recommended'])
			for (const view of ['asPlanned', 'bestResponse']) {
				expect(Object.keys(j[side][view].clientTotalCost)).toEqual(['mean', 'ci95', 'p5', 'p50', 'p95']);
				expect(j[side][view].vendorMargin.ci95).toHaveLength(2);
			}
		expect(DraftSchema.safeParse(j.recommended.draft).success).toBe(true);
		expect(j.recommended.bestResponse.clientTotalCost.mean).toBeLessThanOrEqual(
			j.baseline.bestResponse.clientTotalCost.mean
		);
		expect(j.recommended.meetsFloor).toBe(true);
		expect(j.comparisons.map((c: { draft: string }) => c.draft)).toEqual(['AHT-only', 'Balanced']);

		const rows = await tempDir('design-rows-');
		const shards = await Promise.all(
			[0, 1].map((i) =>
				sim(['design', file, ...ARGS, '--workers', '1', '--json', '--rows', rows, '--shard', `${i}/2`])
			)
		);
		for (const s of shards) {
			expect(s.code).toBe(0);
			expect(s.stdout).toBe(whole.stdout);
		}
		expect((await readdir(rows)).some((f) => /^stage-0-shard-1-of-2\.jsonl$/.test(f))).toBe(true);
		const merged = await sim(['design', file, ...ARGS, '--json', '--rows', rows]);
		expect(merged.stdout).toBe(whole.stdout);
		expect(merged.stderr).toContain(' 0 draft-replications simulated here');
	}, 600_000);

	it('refuses bad flags with the flag and the rule', async () => {
		const file = await smallScenarioFile();
		const cases: [string[], RegExp][] = [
			[['--draft', 'Nope'], /--draft must be a draft name or an index/],
			[['--draft', 'Balanced', '--clauses', 'price.rate=6:4'], /range must go from a lower to a higher/],
			[['--draft', 'Balanced', '--clauses', 'vendor.staffingPolicyFactor=0.5:1'], /own choice/],
			[['--draft', 'Balanced', '--shard', '2/2', '--rows', '/tmp/x'], /--shard must be i\/n/],
			[['--draft', 'Balanced', '--budget', '50'], /budget of 50 draft-replications is too small/]
		];
		for (const [args, msg] of cases) {
			const r = await sim(['design', file, ...args]);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr).toMatch(msg);
		}
	}, 300_000);
});
