/** The work budget (core/budget.ts) and the CLI's refusal of runs over it. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { checkBudget, estimateWork, WORK_BUDGET } from '../../src/lib/core/budget';
import { dayFactors } from '../../src/lib/core/compile';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { sim, tempDir } from './cli-helpers';

const dir = new URL('../../scenarios/', import.meta.url);
const raw = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

function scenario(json: unknown): Scenario {
	const p = parseScenario(json);
	if (!p.ok) throw new Error(JSON.stringify(p.errors));
	return p.scenario;
}

/** The finding: 1e8 first contacts a day, patience "never", 2 days, 1 replication. */
function huge() {
	const s = raw('ecommerce-case.json');
	s.assumptions.demand.firstContactsPerDay = 1e8;
	s.assumptions.calendar.days = 2;
	s.assumptions.customers.patienceSeconds = { kind: 'never' };
	s.replications = 1;
	return s;
}

describe('the work estimate', () => {
	it('counts the expected first contacts of the demand plan (2,500 a day x the weekday factors of 30 days)', () => {
		const s = scenario(raw('ecommerce-case.json'));
		const e = estimateWork(s, { replications: 10 });
		const first = 2500 * dayFactors(s.assumptions).reduce((a, b) => a + b, 0);
		expect(first).toBeGreaterThan(70_000);
		expect(e.firstContacts).toBeCloseTo(first, 6);
		// maxAttempts 5, call-back probability 0.8: 1 + 0.8 + ... + 0.8^4
		expect(e.contactsPerIssue).toBeCloseTo(3.3616, 10);
		expect(e.contacts).toBeCloseTo(first * 3.3616 * 10 * 2, 0);
	});

	it('every preset is within the budget at its own replications (and 25 times more)', () => {
		for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
			const s = scenario(raw(f));
			expect(checkBudget(s).ok, f).toBe(true);
			expect(checkBudget(s, { replications: 25 * s.replications }).ok, f).toBe(true);
		}
	});

	it('too many replications: says how many fit, and that many do', () => {
		const s = scenario(raw('ecommerce-case.json'));
		const b = checkBudget(s, { replications: 100_000 });
		expect(b.ok).toBe(false);
		const most = Number(
			/lower the replications to at most ([\d,]+)/.exec(b.reasons.join(' '))![1].replace(/,/g, '')
		);
		expect(most).toBeGreaterThan(100);
		expect(checkBudget(s, { replications: most }).ok).toBe(true);
		expect(estimateWork(s, { replications: most + 1 }).contacts).toBeGreaterThan(WORK_BUDGET.contacts);
	});

	it('1e8 first contacts a day: refused for the customers open at once, with the most that fit', () => {
		const b = checkBudget(scenario(huge()));
		expect(b.ok).toBe(false);
		expect(b.reasons.join(' ')).toMatch(
			/customers would be open at once.*lower the first contacts per day to at most/
		);
	});
});

describe('sim run over the budget', () => {
	it('exits 2 before starting, with what to lower and --force', async () => {
		const file = join(await tempDir('sim-budget-'), 'huge.json');
		await writeFile(file, JSON.stringify(huge()));
		const r = await sim(['run', file]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/over the work budget/);
		expect(r.stderr).toMatch(/lower the first contacts per day to at most [\d,]+/);
		expect(r.stderr).toMatch(/--force/);
	});
});
