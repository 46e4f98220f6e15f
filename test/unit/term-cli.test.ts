/**
 * `sim run --months N --json`: the term's metrics and its `monthly` series, the same numbers as the
 * in-process replications (2 workers), and a bad --months refused. A small scenario (300 first
 * contacts a day) over 2 months, 2 replications, for speed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_COUNT, METRIC_INDEX as M } from '../../src/lib/core/metrics';
import { prepareScenario, runReplication } from '../../src/lib/core/replication';
import { parseScenario } from '../../src/lib/core/schema/scenario';
import { sim, tempDir } from './cli-helpers';

async function smallFile(): Promise<{ file: string; raw: Record<string, unknown> }> {
	const raw = JSON.parse(await readFile('scenarios/ecommerce-case.json', 'utf8'));
	raw.assumptions.demand.firstContactsPerDay = 300;
	const file = join(await tempDir('term-cli-'), 'small.json');
	await writeFile(file, JSON.stringify(raw));
	return { file, raw };
}

describe('sim run --months', () => {
	it('prints the term metrics and a monthly series, the same numbers as in process', async () => {
		const { file, raw } = await smallFile();
		const r = await sim(['run', file, '--months', '2', '--reps', '2', '--workers', '2', '--json']);
		expect(r.code, r.stderr).toBe(0);
		const j = JSON.parse(r.stdout);
		const p = parseScenario({ ...raw, term: { months: 2 } });
		if (!p.ok) throw new Error('bad scenario');
		const prep = prepareScenario(p.scenario);
		const reps = [0, 1].map((rep) => runReplication(prep, rep));
		j.drafts.forEach(
			(d: { metrics: Record<string, { mean: number | null }>; monthly: unknown[] }, di: number) => {
				expect(Object.keys(d.metrics)).toEqual(METRICS.map((m) => m.key));
				expect(d.metrics.terminationRisk.mean).toBeNull(); // no governance clauses in this draft
				expect(d.monthly).toHaveLength(2);
				const mean = (k: number, month?: number) =>
					reps.reduce((a, x) => {
						const row = month === undefined ? x.drafts[di].scalars : x.drafts[di].monthly!;
						return a + row[(month ?? 0) * METRIC_COUNT + k];
					}, 0) / 2;
				expect(d.metrics.vendorMargin.mean).toBeCloseTo(mean(M.vendorMargin), 6);
				(d.monthly as { month: number; metrics: Record<string, { mean: number }> }[]).forEach((m, k) => {
					expect(m.month).toBe(k + 1);
					expect(Object.keys(m.metrics)).toEqual(METRICS.map((x) => x.key));
					expect(m.metrics.offered.mean).toBeCloseTo(mean(M.offered, k), 6);
				});
			}
		);
	});

	it('a bad --months is refused with the flag and the rule', async () => {
		const { file } = await smallFile();
		const r = await sim(['run', file, '--months', '0']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--months/);
	});
});
