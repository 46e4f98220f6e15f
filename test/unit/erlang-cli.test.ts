/** `npm run sim -- erlang`: the textbook mode a workshop trainer runs, end to end as a child process. */
import { describe, expect, it } from 'vitest';
import { erlangAMetrics, erlangCMetrics } from '../../src/lib/core/erlang';
import { sim } from './cli-helpers';

const KEYS = ['serviceLevel', 'asa', 'abandonRate', 'pWait', 'occupancy'] as const;

describe('sim erlang', () => {
	it('--json: simulated (with 95 % intervals) beside the team-written analytic Erlang C', async () => {
		const r = await sim([
			'erlang',
			'--arrivals-per-hour',
			'200',
			'--agents',
			'14',
			'--aht',
			'180',
			'--hours',
			'100',
			'--reps',
			'12',
			'--seed',
			'7',
			'--json'
		]);
		expect(r.code, r.stderr).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out).sort()).toEqual(['analytic', 'simulated']);
		const exact = erlangCMetrics({ arrivalRate: 200 / 3600, aht: 180, agents: 14, slThreshold: 20 });
		expect(out.analytic.pWait).toBeCloseTo(exact.pWait, 10);
		expect(out.analytic.serviceLevel).toBeCloseTo(0.8884, 4);
		for (const k of KEYS) {
			expect(typeof out.simulated[k], k).toBe('number');
			const [lo, hi] = out.simulated.ci95[k];
			expect(lo, k).toBeLessThanOrEqual(out.simulated[k]);
			expect(hi, k).toBeGreaterThanOrEqual(out.simulated[k]);
		}
		// The textbook figures sit inside the simulation's own intervals (widened to 3 SE: 4 checks at once).
		for (const k of ['serviceLevel', 'asa', 'pWait'] as const) {
			const [lo, hi] = out.simulated.ci95[k];
			const mid = (lo + hi) / 2;
			const se = (hi - lo) / 2 / 2.2;
			expect(Math.abs(out.analytic[k] - mid), k).toBeLessThan(3 * se);
		}
	});

	it('--patience: Erlang A (M/M/n+M), with abandonment', async () => {
		const r = await sim([
			'erlang',
			'--arrivals-per-hour',
			'220',
			'--agents',
			'12',
			'--aht',
			'180',
			'--patience',
			'120',
			'--hours',
			'100',
			'--reps',
			'12',
			'--json'
		]);
		expect(r.code, r.stderr).toBe(0);
		const out = JSON.parse(r.stdout);
		const exact = erlangAMetrics({
			arrivalRate: 220 / 3600,
			aht: 180,
			agents: 12,
			slThreshold: 20,
			patienceMean: 120
		});
		expect(out.analytic.abandonRate).toBeCloseTo(exact.pAbandon, 10);
		expect(out.simulated.abandonRate).toBeGreaterThan(0);
		const [lo, hi] = out.simulated.ci95.abandonRate;
		expect(Math.abs(out.analytic.abandonRate - (lo + hi) / 2)).toBeLessThan((3 * (hi - lo)) / 2 / 2.2);
	});

	it('a bad flag names the flag and the rule, exit code 2', async () => {
		const r = await sim(['erlang', '--arrivals-per-hour', '200', '--agents', 'two', '--aht', '180']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--agents/);
	});
});
