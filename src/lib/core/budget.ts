/**
 * The work budget: what a run will cost, estimated before it starts, and whether that is within
 * the budget a run may use without being asked for explicitly (the CLI's --force, the app's
 * confirmation). A valid scenario can ask for weeks of computing or more memory than a machine has;
 * the estimate finds that in milliseconds, from the scenario alone.
 *
 * The estimate, per draft and replication:
 * - first contacts: the expected arrivals of the demand plan (forecast x actual/forecast, weekday
 *   profile, spikes), as the engine draws them;
 * - contacts: first contacts x contacts per issue, at most 1 + k + k^2 + ... (maxAttempts terms)
 *   with k the larger of the call-back and redial probabilities (every contact unresolved or
 *   abandoned: an upper estimate);
 * - open issues (memory): the busiest day's contacts: customers waiting, in service or due to call
 *   back are about a day's worth when the centre keeps up.
 * A run is contacts x replications x drafts; its results keep every replication's row and daily
 * table (for percentiles and fan charts). A contract term simulates its warm-up and months
 * (term.ts): the scenario's days scaled to those days, and a row per month kept.
 */
import { demandPlan } from './compile';
import { MAX_OPEN_ISSUES } from './limits';
import { METRIC_COUNT } from './metrics';
import { DAILY_FIELD_COUNT } from './replication';
import type { Scenario } from './schema/scenario';
import { TERM_MONTH_DAYS } from './schema/term';

export const WORK_BUDGET = {
	/**
	 * Contacts one run may simulate, every draft and replication together: about ten minutes on a
	 * two-core laptop at the full model's speed (`npm run bench`: a few million contacts a second per
	 * core). Every preset is far below it.
	 */
	contacts: 2e9,
	/** Memory for the results a run keeps: rows, daily tables (and the CSV's copy of them). */
	resultBytes: 1e9
} as const;

export interface WorkEstimate {
	/** Expected first contacts of one replication (one draft). */
	firstContacts: number;
	/** Upper estimate of contacts per first contact (see the module comment). */
	contactsPerIssue: number;
	/** Contacts of the whole run: first contacts x contacts per issue x replications x drafts. */
	contacts: number;
	/** Estimated customers open at once in one replication (the busiest day's contacts). */
	openIssues: number;
	/** Bytes of results kept over the run. */
	resultBytes: number;
	replications: number;
	/** Drafts (or variants) simulated per replication. */
	drafts: number;
}

export interface BudgetCheck {
	ok: boolean;
	estimate: WorkEstimate;
	/** When over budget: each excess in words, with what to lower and how far. */
	reasons: string[];
}

/** Contacts per issue at most: 1 + k + ... + k^(attempts - 1). */
function contactsPerIssue(s: Scenario): number {
	const c = s.assumptions.customers;
	const k = Math.max(c.callbackProbability, c.redialProbability);
	return k === 1 ? c.maxAttempts : (1 - k ** c.maxAttempts) / (1 - k);
}

/**
 * The work of running `scenario` for `replications` (default: its own) with `drafts` drafts or
 * variants per replication (default: its drafts); `keepRows` when every row is also kept for a CSV.
 */
export function estimateWork(
	scenario: Scenario,
	opts: { replications?: number; drafts?: number; keepRows?: boolean } = {}
): WorkEstimate {
	const plan = demandPlan(scenario.assumptions);
	const ipd = plan.intervalsPerDay;
	const days = scenario.assumptions.calendar.days;
	let first = 0;
	let busiestDay = 0;
	for (let d = 0; d < days; d++) {
		let day = 0;
		for (let j = 0; j < ipd; j++) {
			const k = d * ipd + j;
			day += plan.arrivalRate[k] * (plan.spike ? plan.spike[k] : 1) * plan.intervalSec;
		}
		first += day;
		if (day > busiestDay) busiestDay = day;
	}
	const perIssue = contactsPerIssue(scenario);
	const replications = opts.replications ?? scenario.replications;
	const drafts = opts.drafts ?? scenario.drafts.length;
	const term = scenario.term;
	if (term) first *= (term.warmupDays + term.months * TERM_MONTH_DAYS) / days;
	const rowBytes = 8 * (METRIC_COUNT * (1 + (term?.months ?? 0)) + (days + ipd) * DAILY_FIELD_COUNT);
	return {
		firstContacts: first,
		contactsPerIssue: perIssue,
		contacts: first * perIssue * replications * drafts,
		openIssues: busiestDay * perIssue,
		resultBytes: rowBytes * replications * drafts * (opts.keepRows ? 2 : 1),
		replications,
		drafts
	};
}

/** A count in words a negotiator reads: 4.0e8 -> "400 million". */
function count(x: number): string {
	const words: [number, string][] = [
		[1e12, 'trillion'],
		[1e9, 'billion'],
		[1e6, 'million']
	];
	for (const [unit, word] of words)
		if (x >= unit) return `${Number((x / unit).toPrecision(3)).toLocaleString('en-US')} ${word}`;
	return Math.round(x).toLocaleString('en-US');
}

/** Is the estimated work within WORK_BUDGET and the engine's caps? If not, what to lower. */
export function checkBudget(
	scenario: Scenario,
	opts: { replications?: number; drafts?: number; keepRows?: boolean } = {}
): BudgetCheck {
	const e = estimateWork(scenario, opts);
	const reasons: string[] = [];
	const fcpd = scenario.assumptions.demand.firstContactsPerDay;
	if (e.openIssues > MAX_OPEN_ISSUES) {
		const most = Math.floor((fcpd * MAX_OPEN_ISSUES) / e.openIssues);
		reasons.push(
			`about ${count(e.openIssues)} customers would be open at once (a busy day's contacts), more than the ` +
				`${MAX_OPEN_ISSUES.toLocaleString('en-US')} one simulation can hold: lower the first contacts per day ` +
				`to at most ${most.toLocaleString('en-US')}.`
		);
	}
	if (e.contacts > WORK_BUDGET.contacts) {
		const perRep = e.contacts / e.replications;
		const reps = Math.floor(WORK_BUDGET.contacts / perRep);
		const most = Math.floor((fcpd * WORK_BUDGET.contacts) / e.contacts);
		reasons.push(
			`the run would simulate about ${count(e.contacts)} contacts (${count(perRep / e.drafts)} per draft and ` +
				`replication, ${e.replications.toLocaleString('en-US')} replications, ${e.drafts} drafts), more than the ` +
				`budget of ${count(WORK_BUDGET.contacts)}: ` +
				(reps >= 1 ? `lower the replications to at most ${reps.toLocaleString('en-US')}, or ` : '') +
				`lower the first contacts per day to at most ${most.toLocaleString('en-US')} or the days.`
		);
	}
	if (e.resultBytes > WORK_BUDGET.resultBytes) {
		const reps = Math.floor((WORK_BUDGET.resultBytes / e.resultBytes) * e.replications);
		reasons.push(
			`the results would take about ${Math.round(e.resultBytes / 1e6).toLocaleString('en-US')} MB of memory, ` +
				`more than the budget of ${WORK_BUDGET.resultBytes / 1e6} MB: lower the replications to at most ` +
				`${reps.toLocaleString('en-US')} or the days.`
		);
	}
	return { ok: reasons.length === 0, estimate: e, reasons };
}
