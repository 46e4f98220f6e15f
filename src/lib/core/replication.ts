/**
 * One replication of a whole scenario: every draft simulated on the same customers (common random
 * numbers: the engine's streams are keyed by (seed, replication, stream), never by draft), then
 * evaluated under its contract. This is the unit the worker pool distributes.
 */
import { compileScenario } from './compile';
import { ContractEvaluator } from './contract/evaluator';
import { contractInputsOf } from './contract/inputs';
import { simulate } from './engine';
import type { EngineConfig } from './engine-config';
import { F, FIELD_COUNT } from './fields';
import { MET_KEY, METRIC_COUNT, METRIC_INDEX as M } from './metrics';
import type { Draft } from './schema/draft';
import type { Scenario } from './schema/scenario';

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
	/** METRIC_COUNT values, see metrics.ts. */
	scalars: Float64Array;
	/** (days + intervalsPerDay) x DAILY_FIELD_COUNT, see DAILY. */
	daily: Float64Array;
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
}

export function prepareScenario(scenario: Scenario): PreparedScenario {
	const configs = compileScenario(scenario);
	const first = configs[0];
	const { assumptions: contractAssumptions, calendar } = contractInputsOf(scenario);
	return {
		scenario,
		seed: scenario.seed,
		configs,
		evaluators: scenario.drafts.map((d) => new ContractEvaluator(d, contractAssumptions, calendar)),
		days: first.days,
		intervalsPerDay: first.intervalsPerDay,
		table: new Float64Array(first.days * first.intervalsPerDay * FIELD_COUNT)
	};
}

/** Replication `rep` of every draft of a prepared scenario. Deterministic in (scenario, rep). */
export function runReplication(prep: PreparedScenario, rep: number): ReplicationOutput {
	let contacts = 0;
	const drafts: DraftReplication[] = [];
	for (let d = 0; d < prep.configs.length; d++) {
		const sim = simulate(prep.configs[d], prep.seed, rep, prep.table);
		contacts += sim.contacts;
		const { scalars } = prep.evaluators[d].evaluate(sim.table, {});
		if (scalars.length !== METRIC_COUNT)
			throw new Error('contract evaluation returned a row of the wrong length');
		deriveScalars(scalars, prep.scenario.drafts[d], prep.configs[d]);
		drafts.push({ scalars, daily: timeTable(sim.table, prep.days, prep.intervalsPerDay) });
	}
	return { contacts, drafts };
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
export function deriveScalars(row: Float64Array, draft: Draft, config: EngineConfig): void {
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
	let planned = config.plannedContacts;
	if (planned === undefined) {
		planned = 0;
		for (let k = 0; k < config.forecast.length; k++) planned += config.forecast[k];
	}
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
