/**
 * The exploration commands end to end on worker threads: JSON shape, the pool gives the same numbers
 * as the in-process evaluator (common random numbers, replication order), bad input exits 2.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localEvaluator } from '../../src/lib/core/explore/evaluation';
import { sweep } from '../../src/lib/core/explore/sweep';
import { METRIC_INDEX as MI } from '../../src/lib/core/metrics';
import { parseScenario } from '../../src/lib/core/schema/scenario';
import { sim, tempDir } from './cli-helpers';

async function smallScenarioFile(): Promise<{ file: string; raw: unknown }> {
	const raw = JSON.parse(await readFile('scenarios/ecommerce-case.json', 'utf8'));
	raw.assumptions.calendar.days = 3;
	raw.assumptions.demand.firstContactsPerDay = 300;
	const dir = await tempDir('explore-cli-');
	const file = join(dir, 'small.json');
	await writeFile(file, JSON.stringify(raw));
	return { file, raw };
}

describe('sim sweep / best-response / sensitivity', () => {
	it('sweep --json on 2 workers equals the in-process sweep', async () => {
		const { file, raw } = await smallScenarioFile();
		const r = await sim([
			'sweep',
			file,
			'--path',
			'drafts.1.price.rate',
			'--from',
			'5',
			'--to',
			'6',
			'--steps',
			'3',
			'--reps',
			'3',
			'--workers',
			'2',
			'--json'
		]);
		expect(r.code, r.stderr).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j.points).toHaveLength(3);
		expect(j.points[0].drafts[0].metrics.vendorMargin).toHaveProperty('ci95');
		expect(j.scenarioDrafts.map((d: { name: string }) => d.name)).toEqual(['AHT-only', 'Balanced']);
		const p = parseScenario(raw);
		if (!p.ok) throw new Error('bad');
		const local = await sweep(
			p.scenario,
			{ axes: [{ path: 'drafts.1.price.rate', from: 5, to: 6, steps: 3 }], reps: 3 },
			{ evaluator: localEvaluator() }
		);
		local.result.points.forEach((pt, i) =>
			expect(j.points[i].drafts[0].metrics.vendorMargin.mean).toBe(pt.cells[0].metrics[MI.vendorMargin].mean)
		);
	});

	it('best-response --json reports the levers and the precision', async () => {
		const { file } = await smallScenarioFile();
		const r = await sim([
			'best-response',
			file,
			'--draft',
			'Balanced',
			'--reps',
			'2',
			'--grid',
			'2',
			'--refine',
			'0',
			'--json'
		]);
		expect(r.code, r.stderr).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j.drafts).toHaveLength(1);
		const d = j.drafts[0];
		expect(d.draft).toBe('Balanced');
		// the vendor's objective is its margin over the term (here one period, no governance: the margin)
		expect(d.best.metrics.vendorTermMargin.mean).toBeGreaterThanOrEqual(
			d.asPlanned.metrics.vendorTermMargin.mean
		);
		expect(d.termMargin.best.mean).toBe(d.best.metrics.vendorTermMargin.mean);
		expect(d.precision.gridStep).toEqual({ staffingPolicyFactor: 1.2, coachingSpeedBias: 2 });
		expect(d.precision.marginBestMinusRunnerUp.ci95).toHaveLength(2);
		// onBound says on which bound of the search each lever's best value sits (null: inside)
		const side = (v: number, [lo, hi]: number[]) => (v === lo ? 'low' : v === hi ? 'high' : null);
		expect(d.onBound).toEqual({
			staffingPolicyFactor: side(d.levers.best.staffingPolicyFactor, d.bounds.staffingPolicyFactor),
			coachingSpeedBias: side(d.levers.best.coachingSpeedBias, d.bounds.coachingSpeedBias)
		});
	});

	it('bad input exits 2 with a message naming the flag or path', async () => {
		const { file } = await smallScenarioFile();
		let r = await sim([
			'sweep',
			file,
			'--path',
			'drafts.0.atRisk.percentOfInvoice',
			'--from',
			'0.5',
			'--to',
			'2'
		]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/drafts\.0\.atRisk\.percentOfInvoice = 1\.25 makes an invalid scenario/);
		r = await sim(['sweep', file, '--path', 'drafts.0.price.rate', '--from', 'x', '--to', '2']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--from must be a number/);
		r = await sim(['best-response', file, '--draft', 'Nope']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--draft must be a draft name or an index 0\.\.1/);
		r = await sim(['sensitivity', file, '--reps', '1']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--reps must be at least 2/);
	});
});
