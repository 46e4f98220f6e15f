/**
 * The contract term: one continuous simulation per replication of a discarded warm-up and then N
 * months of 30 days, so that open issues, pending callbacks and redials carry over from one month
 * into the next. At each month's opening the engine pauses (engine.ts `DayHook`):
 * - the client's forecast and the vendor's plan for the month learn from the month just seen
 *   (exponential smoothing of offered contacts per new issue and of handle time), and the vendor
 *   re-plans its staffing with them;
 * - agents' habits move from the regime they start from towards the draft's scorecard (a straight
 *   line over the adaptation weeks, read once a month).
 * Each month is evaluated under the draft (fees, credits with earn-back across months, bonuses),
 * then the draft's governance clauses (governance.ts) read the months' misses. The scenario's
 * calendar repeats over the term (its weekdays and spikes, day by day). See docs/TERM.md.
 */
import { scorecardBehaviour } from './behaviour';
import { behaviourParams, compileDraft, demandPlan, draftBehaviour, staffingInputs } from './compile';
import { ContractEvaluator } from './contract/evaluator';
import { contractInputsOf } from './contract/inputs';
import type { DayHook } from './engine';
import type { EngineConfig } from './engine-config';
import { F, FIELD_COUNT } from './fields';
import { MAX_AGENTS } from './limits';
import type { Scenario } from './schema/scenario';
import { TERM_MONTH_DAYS, type Term } from './schema/term';
import { staffingPlan, type StaffingPlanInput } from './staffing';

/** What agents do in one stretch of the term (the warm-up or a month). */
interface Habits {
	effort: number;
	resolutionFactor: number;
	dumpProb: number;
	qaScore: number;
}

/** One draft of a term, compiled once and reused (its arrays re-filled) for every replication. */
export interface TermDraft {
	/** The working config the engine runs; its plan and behaviour are changed at month openings. */
	config: EngineConfig;
	/** Month 1's plan over the whole term (the warm-up included): each replication starts from it. */
	plan: { forecast: Float64Array; required: Float64Array; scheduled: Float64Array; planned: Int32Array };
	/** Per row: the client's forecast of first contacts (its offered forecast / its contacts per issue). */
	firstForecast: Float64Array;
	/** Index 0: the warm-up; 1..months: each month. */
	habits: Habits[];
	clientCpi0: number;
	vendorCpi0: number;
	vendorAht0: number;
	/** The vendor's staffing inputs apart from the forecast and the AHT. */
	staffing: Omit<StaffingPlanInput, 'forecast' | 'plannedAhtSec'>;
	/** Evaluators of one month and of the whole term (both 30-day months). */
	monthEvaluator: ContractEvaluator;
	termEvaluator: ContractEvaluator;
}

export interface TermPrep {
	term: Term;
	months: number;
	warmupDays: number;
	/** Interval rows of the warm-up, of a month. */
	warmRows: number;
	monthRows: number;
	drafts: TermDraft[];
	/** Days at whose opening the engine pauses: the opening of each month. */
	pauseDays: number[];
}

/** The source day of term day `d` in the scenario's calendar of `period` days (month 1 starts at day 0). */
function sourceDay(d: number, warm: number, period: number): number {
	return (((d - warm) % period) + period) % period;
}

function tile<T extends Float64Array | Int32Array>(
	src: T,
	out: T,
	warm: number,
	period: number,
	ipd: number
): T {
	const days = out.length / ipd;
	for (let d = 0; d < days; d++)
		out.set(src.subarray(sourceDay(d, warm, period) * ipd, (sourceDay(d, warm, period) + 1) * ipd), d * ipd);
	return out;
}

/** Pressure agents feel in month m (1-based; 0 = the warm-up) on the way from `from` to `to`. */
export function habitPressure(from: number, to: number, month: number, adaptationWeeks: number): number {
	if (month === 0) return from;
	const days = (month - 0.5) * TERM_MONTH_DAYS;
	const progress = adaptationWeeks > 0 ? Math.min(1, days / (7 * adaptationWeeks)) : 1;
	return from + (to - from) * progress;
}

export function prepareTerm(scenario: Scenario, term: Term): TermPrep {
	const a = scenario.assumptions;
	const period = a.calendar.days;
	const months = term.months;
	const warm = term.warmupDays;
	const days = warm + months * TERM_MONTH_DAYS;
	const demand = demandPlan(a);
	const ipd = demand.intervalsPerDay;
	const rows = days * ipd;
	const params = behaviourParams(a);
	const { assumptions: ca, calendar } = contractInputsOf(scenario);
	const monthCal = { ...calendar, days: TERM_MONTH_DAYS, daysPerMonth: TERM_MONTH_DAYS };
	const termCal = { ...calendar, days: months * TERM_MONTH_DAYS, daysPerMonth: TERM_MONTH_DAYS };
	const from = term.habits.startFrom;
	const fromIndex = from === 'draft' ? -1 : scenario.drafts.findIndex((d) => d.name === from);
	const startPressure = fromIndex >= 0 ? draftBehaviour(scenario, fromIndex, demand).pressure : NaN;
	const st = a.staffing;
	const drafts = scenario.drafts.map((draft, di): TermDraft => {
		const base = compileDraft(scenario, di);
		const b = draftBehaviour(scenario, di, demand);
		const habits: Habits[] = [];
		for (let m = 0; m <= months; m++) {
			if (fromIndex < 0) {
				habits.push({
					effort: base.effort,
					resolutionFactor: base.resolutionFactor,
					dumpProb: base.dumpProb,
					qaScore: base.qaScore
				});
				continue;
			}
			const sb = scorecardBehaviour(
				habitPressure(startPressure, b.pressure, m, term.habits.adaptationWeeks),
				params
			);
			habits.push({
				effort: sb.effort,
				resolutionFactor: sb.resolutionFactor,
				dumpProb: sb.dumpProbability,
				qaScore: sb.qaScore
			});
		}
		const plan = {
			forecast: tile(base.forecast, new Float64Array(rows), warm, period, ipd),
			required: tile(base.agentsRequired, new Float64Array(rows), warm, period, ipd),
			scheduled: tile(base.agentsScheduled, new Float64Array(rows), warm, period, ipd),
			planned: tile(base.agentsPlanned, new Int32Array(rows), warm, period, ipd)
		};
		let most = 0;
		for (let k = 0; k < rows; k++) if (plan.planned[k] > most) most = plan.planned[k];
		const config: EngineConfig = {
			...base,
			days,
			arrivalRate: tile(base.arrivalRate, new Float64Array(rows), warm, period, ipd),
			spike: base.spike ? tile(base.spike, new Float64Array(rows), warm, period, ipd) : null,
			forecast: new Float64Array(rows),
			agentsRequired: new Float64Array(rows),
			agentsScheduled: new Float64Array(rows),
			agentsPlanned: new Int32Array(rows),
			// room for a learned plan up to twice month 1's
			rosterSize: Math.min(MAX_AGENTS, Math.ceil(most * 2) + st.minAgents)
		};
		const clientCpi0 = a.demand.forecastContactsPerIssue;
		const firstForecast = plan.forecast.map((f) => f / clientCpi0);
		return {
			config,
			plan,
			firstForecast,
			habits,
			clientCpi0,
			vendorCpi0: b.plannedContactsPerIssue,
			vendorAht0: b.plannedAht,
			staffing: staffingInputs(a, draft, demand),
			monthEvaluator: new ContractEvaluator(draft, ca, monthCal),
			termEvaluator: new ContractEvaluator(draft, ca, termCal)
		};
	});
	const pauseDays = Array.from({ length: months }, (_, m) => warm + m * TERM_MONTH_DAYS);
	return {
		term,
		months,
		warmupDays: warm,
		warmRows: warm * ipd,
		monthRows: TERM_MONTH_DAYS * ipd,
		drafts,
		pauseDays
	};
}

function setHabits(c: EngineConfig, h: Habits): void {
	c.effort = h.effort;
	c.resolutionFactor = h.resolutionFactor;
	c.dumpProb = h.dumpProb;
	c.qaScore = h.qaScore;
}

/** What one replication of one draft's term learned and planned, month by month. */
export interface TermTrace {
	/** Per month: offered contacts the vendor staffed for (its forecast). */
	vendorPlanned: Float64Array;
	/** Per month: the client's and the vendor's contacts per issue, the vendor's planned AHT. */
	clientCpi: Float64Array;
	vendorCpi: Float64Array;
	vendorAht: Float64Array;
}

/**
 * Resets the draft's working config to month 1's plan and the warm-up's habits, and returns the
 * day hook that re-plans each month (writing what it planned into `trace`).
 */
export function termHook(prep: TermPrep, td: TermDraft, trace: TermTrace): DayHook {
	const c = td.config;
	c.forecast.set(td.plan.forecast);
	c.agentsRequired.set(td.plan.required);
	c.agentsScheduled.set(td.plan.scheduled);
	c.agentsPlanned.set(td.plan.planned);
	setHabits(c, td.habits[0]);
	const alpha = prep.term.learning.smoothing;
	const ipd = c.intervalsPerDay;
	let clientCpi = td.clientCpi0;
	let vendorCpi = td.vendorCpi0;
	let vendorAht = td.vendorAht0;
	return {
		days: prep.pauseDays,
		onDay(day, table) {
			const m = prep.pauseDays.indexOf(day); // month m + 1 opens
			const from = day * ipd;
			const to = from + prep.monthRows;
			if (m > 0) {
				// what the month just ended showed
				let offered = 0,
					first = 0,
					handled = 0,
					handleSum = 0;
				for (let k = from - prep.monthRows; k < from; k++) {
					const b = k * FIELD_COUNT;
					offered += table[b + F.OFFERED];
					first += table[b + F.OFFERED_FIRST];
					handled += table[b + F.HANDLED];
					handleSum += table[b + F.HANDLE_SUM];
				}
				if (first > 0) {
					clientCpi += alpha * (offered / first - clientCpi);
					vendorCpi += alpha * (offered / first - vendorCpi);
				}
				if (handled > 0) vendorAht += alpha * (handleSum / handled - vendorAht);
				const vendorForecast = new Float64Array(prep.monthRows);
				for (let k = from; k < to; k++) {
					c.forecast[k] = td.firstForecast[k] * clientCpi;
					vendorForecast[k - from] = td.firstForecast[k] * vendorCpi;
				}
				if (td.staffing.method !== 'fixed') {
					const plan = staffingPlan({ ...td.staffing, forecast: vendorForecast, plannedAhtSec: vendorAht });
					const cap = c.rosterSize ?? Infinity;
					for (let k = from; k < to; k++) {
						c.agentsRequired[k] = plan.agentsRequired[k - from];
						c.agentsPlanned[k] = Math.min(cap, plan.agentsPlanned[k - from]);
						c.agentsScheduled[k] = c.agentsPlanned[k] / (1 - td.staffing.shrinkage);
					}
				}
			}
			let planned = 0;
			for (let k = from; k < to; k++) planned += td.firstForecast[k] * vendorCpi;
			trace.vendorPlanned[m] = planned;
			trace.clientCpi[m] = clientCpi;
			trace.vendorCpi[m] = vendorCpi;
			trace.vendorAht[m] = vendorAht;
			setHabits(c, td.habits[m + 1]);
		}
	};
}

export function newTrace(months: number): TermTrace {
	return {
		vendorPlanned: new Float64Array(months),
		clientCpi: new Float64Array(months),
		vendorCpi: new Float64Array(months),
		vendorAht: new Float64Array(months)
	};
}
