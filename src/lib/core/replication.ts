/**
 * One replication of a whole scenario: every draft simulated on the same customers (common random
 * numbers: the engine's streams are keyed by (seed, replication, stream), never by draft), then
 * evaluated under its contract. This is the unit the worker pool distributes.
 */
import { compileScenario } from './compile';
import { ContractEvaluator } from './contract/evaluator';
import { applyGovernance } from './contract/governance';
import { contractInputsOf } from './contract/inputs';
import { simulate } from './engine';
import type { EngineConfig } from './engine-config';
import { F, FIELD_COUNT } from './fields';
import { MET_KEY, METRIC_COUNT, METRIC_INDEX as M } from './metrics';
import type { Draft } from './schema/draft';
import type { Scenario } from './schema/scenario';
import { newTrace, prepareTerm, termHook, type TermPrep } from './term';

/**
 * Layout of a draft's time table, for the fan charts: rows of DAILY_FIELD_COUNT fields.
 * Rows 0..days-1 are the days of the period (counts per day); rows days..days+intervalsPerDay-1 are
 * the intervals of an average open day (each interval pooled over the days; counts per day).
 */
export const DAILY = {
	/** Contacts offered that day. */
	OFFERED: 0,
	/** The client's forecast of offered contacts that day. */
	FORECAST: 1,
	/** Mean agents on the phones over the day's open intervals. */
	AGENTS_ON_PHONES: 2,
	/** Mean agents the vendor's plan required over the day's open intervals. */
	AGENTS_REQUIRED: 3,
	/** Answered within T / offered that day. */
	SERVICE_LEVEL: 4,
	/** Repeat contacts / offered that day. */
	REPEAT_RATE: 5,
	/** True CSAT of the day's handled contacts. */
	CSAT_TRUE: 6,
	/** Mean agents scheduled (paid) over the day's open intervals. */
	AGENTS_SCHEDULED: 7
} as const;
export const DAILY_FIELD_COUNT = 8;

export interface DraftReplication {
	/** METRIC_COUNT values, see metrics.ts (over the whole term when the scenario has one). */
	scalars: Float64Array;
	/**
	 * (days + intervalsPerDay) x DAILY_FIELD_COUNT, see DAILY (a term: the scenario's days from the
	 * start of month 1, and the intervals of an average day of month 1).
	 */
	daily: Float64Array;
	/** A term only: months x METRIC_COUNT, each month's row with the same keys as `scalars`. */
	monthly?: Float64Array;
}

export interface ReplicationOutput {
	/** Contacts simulated over all drafts (for speed figures). */
	contacts: number;
	drafts: DraftReplication[];
}

/** A scenario compiled once and reused for every replication (per worker). */
export interface PreparedScenario {
	scenario: Scenario;
	seed: number | string;
	configs: EngineConfig[];
	evaluators: ContractEvaluator[];
	days: number;
	intervalsPerDay: number;
	table: Float64Array;
	/** The multi-month term, when the scenario has one. */
	term?: TermPrep;
}

export function prepareScenario(scenario: Scenario): PreparedScenario {
	const configs = compileScenario(scenario);
	const first = configs[0];
	const { assumptions: contractAssumptions, calendar } = contractInputsOf(scenario);
	const term = scenario.term ? prepareTerm(scenario, scenario.term) : undefined;
	const tableDays = term ? term.drafts[0].config.days : first.days;
	return {
		scenario,
		seed: scenario.seed,
		configs,
		evaluators: scenario.drafts.map((d) => new ContractEvaluator(d, contractAssumptions, calendar)),
		days: first.days,
		intervalsPerDay: first.intervalsPerDay,
		table: new Float64Array(tableDays * first.intervalsPerDay * FIELD_COUNT),
		term
	};
}

/** Replication `rep` of every draft of a prepared scenario. Deterministic in (scenario, rep). */
export function runReplication(prep: PreparedScenario, rep: number): ReplicationOutput {
	if (prep.term) return runTermReplication(prep, prep.term, rep);
	let contacts = 0;
	const drafts: DraftReplication[] = [];
	for (let d = 0; d < prep.configs.length; d++) {
		const sim = simulate(prep.configs[d], prep.seed, rep, prep.table);
		contacts += sim.contacts;
		const { scalars } = prep.evaluators[d].evaluate(sim.table, {});
		if (scalars.length !== METRIC_COUNT)
			throw new Error('contract evaluation returned a row of the wrong length');
		const draft = prep.scenario.drafts[d];
		deriveScalars(scalars, draft, plannedContactsOf(prep.configs[d]));
		applyGovernance(draft, [scalars], scalars);
		drafts.push({ scalars, daily: timeTable(sim.table, prep.days, prep.intervalsPerDay) });
	}
	return { contacts, drafts };
}

/**
 * One replication of a term: per draft, the warm-up and the months in one simulation (the engine
 * pauses at each month's opening to re-plan), then each month evaluated under the draft, the term
 * as a whole (credits earned back across months), and the draft's governance over the months.
 */
function runTermReplication(prep: PreparedScenario, term: TermPrep, rep: number): ReplicationOutput {
	let contacts = 0;
	const drafts: DraftReplication[] = [];
	const N = term.months;
	const FC = FIELD_COUNT;
	for (let d = 0; d < term.drafts.length; d++) {
		const td = term.drafts[d];
		const draft = prep.scenario.drafts[d];
		const trace = newTrace(N);
		const sim = simulate(td.config, prep.seed, rep, prep.table, undefined, termHook(term, td, trace));
		contacts += sim.contacts;
		const termTable = sim.table.subarray(term.warmRows * FC, (term.warmRows + N * term.monthRows) * FC);
		const whole = td.termEvaluator.evaluate(termTable, { details: true });
		const scalars = whole.scalars;
		const monthly = new Float64Array(N * METRIC_COUNT);
		const rows: Float64Array[] = [];
		let planned = 0;
		for (let m = 0; m < N; m++) {
			const row = monthly.subarray(m * METRIC_COUNT, (m + 1) * METRIC_COUNT);
			td.monthEvaluator.evaluate(termTable.subarray(m * term.monthRows * FC, (m + 1) * term.monthRows * FC), {
				out: row
			});
			// credits as the whole term settles them: a month's credit earned back in a later month
			const money = whole.details!.months[m];
			setCredits(row, money.creditsCharged - money.earnedBack);
			deriveScalars(row, draft, trace.vendorPlanned[m]);
			planned += trace.vendorPlanned[m];
			rows.push(row);
		}
		deriveScalars(scalars, draft, planned);
		applyGovernance(draft, rows, scalars);
		drafts.push({
			scalars,
			daily: timeTable(
				termTable.subarray(0, prep.days * prep.intervalsPerDay * FC),
				prep.days,
				prep.intervalsPerDay
			),
			monthly
		});
	}
	return { contacts, drafts };
}

/** A month row's credits replaced, and the money that depends on them. */
function setCredits(row: Float64Array, credits: number): void {
	const delta = credits - row[M.credits];
	row[M.credits] = credits;
	row[M.vendorRevenue] -= delta;
	row[M.vendorMargin] -= delta;
	row[M.clientTotalCost] -= delta;
}

/** Offered contacts the vendor staffed for: its forecast (the client's when the config has none). */
export function plannedContactsOf(config: EngineConfig): number {
	if (config.plannedContacts !== undefined) return config.plannedContacts;
	let planned = 0;
	for (let k = 0; k < config.forecast.length; k++) planned += config.forecast[k];
	return planned;
}

/**
 * Results read off the contract's scalars, the draft and the vendor's plan:
 * - client cost before lost customers = total cost - lost customer margin;
 * - customers lost after abandoning without reaching an agent = churned - churned after service;
 * - vendor margin share = margin / revenue; break-even price = rate x cost / revenue (exact when
 *   credits and bonuses are shares of the invoice; fixed amounts make it approximate);
 * - the vendor's forecast and the volume against it (a forecast miss, apart from the scorecard);
 * - "target met" flags of clauses the draft does not have, and "SLA met" and "watermelon" of a draft
 *   with no clause at all: no value (NaN, "n/a"), never "met".
 */
export function deriveScalars(row: Float64Array, draft: Draft, planned: number): void {
	row[M.clientCostBeforeChurn] = row[M.clientTotalCost] - row[M.churnCost];
	row[M.churnedUnserved] =
		row[M.churnedCustomers] -
		row[M.churnedAfter1] -
		row[M.churnedAfter2] -
		row[M.churnedAfter3] -
		row[M.churnedAfter4];
	const revenue = row[M.vendorRevenue];
	row[M.vendorMarginShare] = revenue > 0 ? row[M.vendorMargin] / revenue : NaN;
	row[M.breakEvenPrice] = revenue > 0 ? (draft.price.rate * row[M.vendorCost]) / revenue : NaN;
	row[M.plannedContacts] = planned;
	row[M.forecastMiss] = planned > 0 ? row[M.offered] / planned - 1 : NaN;
	for (const [metric, key] of Object.entries(MET_KEY))
		if (!draft.metrics.some((m) => m.metric === metric)) row[M[key]] = NaN;
	if (draft.metrics.length === 0) row[M.slaMet] = row[M.watermelon] = NaN;
}

/** The time table of a run: the interval table summed by day, then by interval of the day. */
export function timeTable(table: Float64Array, days: number, intervalsPerDay: number): Float64Array {
	const out = new Float64Array((days + intervalsPerDay) * DAILY_FIELD_COUNT);
	for (let day = 0; day < days; day++) timeRow(table, day * intervalsPerDay, intervalsPerDay, 1, 1, out, day);
	for (let j = 0; j < intervalsPerDay; j++) timeRow(table, j, days, intervalsPerDay, days, out, days + j);
	return out;
}

/**
 * One row of the time table from `count` interval rows (first, first + stride, ...): counts summed and
 * divided by `per` (1 for a day, the number of days for an interval of the average day), agents
 * averaged over the open rows, ratios pooled.
 */
function timeRow(
	table: Float64Array,
	first: number,
	count: number,
	stride: number,
	per: number,
	out: Float64Array,
	row: number
): void {
	let offered = 0,
		forecast = 0,
		onPhones = 0,
		required = 0,
		scheduled = 0,
		within = 0,
		repeats = 0,
		satSum = 0,
		handled = 0,
		open = 0;
	for (let k = 0; k < count; k++) {
		const b = (first + k * stride) * FIELD_COUNT;
		offered += table[b + F.OFFERED];
		forecast += table[b + F.FORECAST];
		within += table[b + F.ANSWERED_WITHIN_T];
		repeats += table[b + F.OFFERED_REPEAT];
		satSum += table[b + F.SAT_PROB_SUM];
		handled += table[b + F.HANDLED];
		if (table[b + F.FORECAST] > 0 || table[b + F.AGENTS_SCHEDULED] > 0) {
			open++;
			onPhones += table[b + F.AGENTS_ON_PHONES];
			required += table[b + F.AGENTS_REQUIRED];
			scheduled += table[b + F.AGENTS_SCHEDULED];
		}
	}
	const o = row * DAILY_FIELD_COUNT;
	out[o + DAILY.OFFERED] = offered / per;
	out[o + DAILY.FORECAST] = forecast / per;
	out[o + DAILY.AGENTS_ON_PHONES] = open > 0 ? onPhones / open : 0;
	out[o + DAILY.AGENTS_REQUIRED] = open > 0 ? required / open : 0;
	out[o + DAILY.AGENTS_SCHEDULED] = open > 0 ? scheduled / open : 0;
	out[o + DAILY.SERVICE_LEVEL] = offered > 0 ? within / offered : NaN;
	out[o + DAILY.REPEAT_RATE] = offered > 0 ? repeats / offered : NaN;
	out[o + DAILY.CSAT_TRUE] = handled > 0 ? satSum / handled : NaN;
}
