/**
 * The contract's evaluation: one draft against one replication's interval table (`fields.ts`)
 * -> the per-replication scalars of `metrics.ts`, plus, on request, per-metric and per-month details
 * (read by the tests; the app reads only the scalars). It composes the parts of this folder:
 * windows.ts (metrics per window, roll-up to months, volume relief), price.ts (fees), credits.ts
 * (credits, month cap, earn-back), bonuses.ts and costs.ts (both sides' money). A new clause goes in
 * its own file here and is called from `evaluate`. The negotiator's version of every rule, with the
 * worked example, is docs/CONTRACT.md.
 *
 * - Calendar: the horizon is `days` days of `intervalsPerDay` intervals; months are consecutive
 *   blocks of `daysPerMonth` days (default 30); a last, shorter block is a (partial) month.
 * - slaMet = 1 when every contract metric met its target (after volume relief) in every measured
 *   month; NaN ("no data", n/a) when nothing was measured (no metric, or no data for any: a month
 *   without traffic). A metric's met flag is NaN when it was measured in no month. watermelon =
 *   slaMet and (true FCR < floor.fcr or true CSAT < floor.csat), NaN when slaMet is.
 *
 * Speed: an evaluator is built once per (draft, calendar) and reused; `evaluate` reads the table
 * once (intervals -> day sums -> month sums) and then each metric's windows; it allocates nothing
 * but its result (the scalar row unless `out` is given) unless details are asked for.
 */
import { F, FIELD_COUNT } from '../fields';
import { MET_KEY, METRIC_COUNT, METRIC_INDEX } from '../metrics';
import type { Draft } from '../schema/draft';
import { payBonuses, resolveBonus, type ResolvedBonus } from './bonuses';
import { writeMoney } from './costs';
import { CreditLedger } from './credits';
import type { ContractDetails, ContractResult, MetricDetail, MonthMoney } from './details';
import { DEFAULT_OUTCOME_FLOOR, type ContractAssumptions, type ContractCalendar } from './inputs';
import { monthlyFees, needsFirstContactMinutes } from './price';
import {
	K_ABANDON,
	K_AHT,
	K_ASA,
	K_CSAT,
	K_FCR,
	K_QA,
	K_REPEAT,
	K_SL_ANSWERED,
	K_SL_OFFERED,
	ratio,
	resolveMetric,
	rollUpMetric,
	sumTable,
	windowValue,
	type ResolvedMetric,
	type WindowSources
} from './windows';

/** Index in the scalar row of every contract metric's met flag. */
const MET_INDICES = Object.values(MET_KEY).map((key) => METRIC_INDEX[key]);

/**
 * Evaluates one draft on interval tables of one calendar. Build once, call `evaluate` per
 * replication. Not re-entrant (it owns its scratch arrays).
 */
export class ContractEvaluator {
	readonly draft: Draft;
	readonly assumptions: ContractAssumptions;
	readonly days: number;
	readonly intervalsPerDay: number;
	readonly intervalSeconds: number;
	readonly daysPerMonth: number;
	readonly months: number;
	private readonly metrics: ResolvedMetric[];
	private readonly bonuses: ResolvedBonus[];
	private readonly slKind: number;
	private readonly slExcl: boolean;
	private readonly abandonExcl: boolean;
	private readonly daySums: Float64Array;
	private readonly monthSums: Float64Array;
	private readonly total: Float64Array;
	private readonly monthBillableMinutes: Float64Array;
	private readonly monthFees: Float64Array;
	private readonly monthDays: Float64Array;
	/** metric x month scratch: met flag (1/0, NaN month counts as met), shortfall points. */
	private readonly monthMet: Uint8Array;
	private readonly monthPoints: Float64Array;
	private readonly ledger: CreditLedger;
	/** Where each metric's windows are read (the interval table is set per replication). */
	private readonly sources: WindowSources;

	constructor(draft: Draft, assumptions: ContractAssumptions, calendar: ContractCalendar) {
		const { days, intervalsPerDay, intervalSeconds } = calendar;
		const daysPerMonth = calendar.daysPerMonth ?? 30;
		if (!(Number.isInteger(days) && days > 0)) throw new Error('calendar.days must be a positive integer');
		if (!(Number.isInteger(intervalsPerDay) && intervalsPerDay > 0))
			throw new Error('calendar.intervalsPerDay must be a positive integer');
		if (!(intervalSeconds > 0)) throw new Error('calendar.intervalSeconds must be > 0');
		if (!(Number.isInteger(daysPerMonth) && daysPerMonth > 0))
			throw new Error('calendar.daysPerMonth must be a positive integer');
		this.draft = draft;
		this.assumptions = assumptions;
		this.days = days;
		this.intervalsPerDay = intervalsPerDay;
		this.intervalSeconds = intervalSeconds;
		this.daysPerMonth = daysPerMonth;
		this.months = Math.ceil(days / daysPerMonth);

		this.metrics = draft.metrics.map((m) => resolveMetric(m, draft.volumeRelief.enabled));
		const firstSl = draft.metrics.find((m) => m.metric === 'serviceLevel');
		const firstAb = draft.metrics.find((m) => m.metric === 'abandonRate');
		this.slKind = firstSl && firstSl.definition.base === 'answered' ? K_SL_ANSWERED : K_SL_OFFERED;
		this.slExcl = firstSl ? firstSl.definition.excludeShortAbandons : false;
		this.abandonExcl = firstAb ? firstAb.excludeShortAbandons : false;
		this.bonuses = draft.bonuses.map((b) => resolveBonus(b, this.slKind, this.slExcl, this.abandonExcl));

		this.daySums = new Float64Array(days * FIELD_COUNT);
		this.monthSums = new Float64Array(this.months * FIELD_COUNT);
		this.total = new Float64Array(FIELD_COUNT);
		this.monthBillableMinutes = new Float64Array(this.months);
		this.monthFees = new Float64Array(this.months);
		this.monthDays = new Float64Array(this.months);
		for (let mo = 0; mo < this.months; mo++)
			this.monthDays[mo] = Math.min(daysPerMonth, days - mo * daysPerMonth);
		this.monthMet = new Uint8Array(this.metrics.length * this.months);
		this.monthPoints = new Float64Array(this.metrics.length * this.months);
		this.ledger = new CreditLedger(this.metrics.length, this.months);
		this.sources = {
			intervals: new Float64Array(0),
			days: this.daySums,
			months: this.monthSums,
			intervalsPerDay,
			daysPerMonth,
			dayCount: days,
			monthCount: this.months
		};
	}

	/**
	 * Evaluate one replication's table (days x intervalsPerDay rows of FIELD_COUNT).
	 * `paidAgentHours` overrides the paid hours derived from AGENTS_SCHEDULED.
	 * `out` (length METRIC_COUNT) is filled and returned when given.
	 */
	evaluate(
		table: Float64Array,
		opts: { paidAgentHours?: number; details?: boolean; out?: Float64Array } = {}
	): ContractResult {
		const { days, intervalsPerDay, daysPerMonth, months } = this;
		const rows = days * intervalsPerDay;
		if (table.length !== rows * FIELD_COUNT)
			throw new Error(
				`contract: table has ${table.length} values, expected ${rows} intervals x ${FIELD_COUNT} fields`
			);
		const draft = this.draft;
		const { daySums, monthSums, total, monthBillableMinutes, monthFees, monthMet, monthPoints } = this;

		// 1. One pass over the table: day, month and horizon sums (and billable minutes per month).
		monthBillableMinutes.fill(0);
		sumTable(
			table,
			days,
			intervalsPerDay,
			daysPerMonth,
			months,
			daySums,
			monthSums,
			total,
			needsFirstContactMinutes(draft.price) ? monthBillableMinutes : null
		);

		// 2. Fees per month.
		const intervalHours = this.intervalSeconds / 3600;
		const fees = monthlyFees(draft.price, monthSums, monthBillableMinutes, intervalHours, monthFees);

		// 3. Contract metrics: windows -> months.
		const wantDetails = opts.details === true;
		const metricDetails: MetricDetail[] | null = wantDetails ? [] : null;
		const sources = this.sources;
		sources.intervals = table;
		const band = 1 + draft.volumeRelief.band;
		const nM = this.metrics.length;
		for (let k = 0; k < nM; k++)
			rollUpMetric(this.metrics[k], k, sources, band, monthMet, monthPoints, metricDetails);

		// 4. Credits: month cap, then earn-back.
		const monthMoney: MonthMoney[] | null = wantDetails ? [] : null;
		const ledger = this.ledger;
		ledger.settle(
			this.metrics,
			draft.atRisk,
			draft.earnBack,
			monthFees,
			monthMet,
			monthPoints,
			monthMoney,
			metricDetails
		);
		const credits = ledger.credits;

		// 5. Bonuses.
		const bonusDetails: ContractDetails['bonuses'] | null = wantDetails ? [] : null;
		const bonuses = payBonuses(
			this.bonuses,
			monthSums,
			monthFees,
			this.monthDays,
			daysPerMonth,
			monthMoney,
			bonusDetails
		);

		// 6. Scalars.
		const out = opts.out ?? new Float64Array(METRIC_COUNT);
		const t = total;
		const handled = t[F.HANDLED];
		const paidHours =
			opts.paidAgentHours !== undefined && opts.paidAgentHours >= 0
				? opts.paidAgentHours
				: t[F.AGENTS_SCHEDULED] * intervalHours;
		const a = this.assumptions;
		writeMoney(out, t, fees, credits, bonuses, paidHours, a);
		let slaMet = NaN;
		for (let i = 0; i < monthMet.length; i++)
			if (monthMet[i] === 0) slaMet = 0;
			else if (monthMet[i] === 1 && slaMet !== 0) slaMet = 1;
		const fcrTrue = ratio(t[F.RESOLVED], handled);
		const csatTrue = ratio(t[F.SAT_PROB_SUM], handled);
		const floor = a.customerOutcomeFloor ?? DEFAULT_OUTCOME_FLOOR;
		const red = fcrTrue < floor.fcr || csatTrue < floor.csat;

		out[METRIC_INDEX.serviceLevel] = windowValue(this.slKind, this.slExcl, t, 0);
		out[METRIC_INDEX.asa] = windowValue(K_ASA, false, t, 0);
		out[METRIC_INDEX.abandonRate] = windowValue(K_ABANDON, this.abandonExcl, t, 0);
		out[METRIC_INDEX.aht] = windowValue(K_AHT, false, t, 0);
		out[METRIC_INDEX.occupancy] = ratio(t[F.BUSY_SECONDS], t[F.STAFFED_SECONDS]);
		out[METRIC_INDEX.fcr] = windowValue(K_FCR, false, t, 0);
		out[METRIC_INDEX.fcrTrue] = fcrTrue;
		out[METRIC_INDEX.repeatContactRate] = windowValue(K_REPEAT, false, t, 0);
		out[METRIC_INDEX.csat] = windowValue(K_CSAT, false, t, 0);
		out[METRIC_INDEX.csatTrue] = csatTrue;
		out[METRIC_INDEX.qaScore] = windowValue(K_QA, false, t, 0);
		out[METRIC_INDEX.qaTrue] = ratio(t[F.QA_TRUE_SUM], handled);
		out[METRIC_INDEX.contactsPerIssue] = ratio(handled, t[F.ISSUES_HANDLED]);
		out[METRIC_INDEX.churnedCustomers] = t[F.CHURNED];
		out[METRIC_INDEX.offered] = t[F.OFFERED];
		out[METRIC_INDEX.forecast] = t[F.FORECAST];
		out[METRIC_INDEX.handled] = handled;
		out[METRIC_INDEX.slaMet] = slaMet;
		out[METRIC_INDEX.watermelon] = slaMet === slaMet ? (slaMet === 1 && red ? 1 : 0) : NaN;
		for (let i = 0; i < MET_INDICES.length; i++) out[MET_INDICES[i]] = 1;
		// A metric's flag: 0 if missed in any month, else 1 if measured in one, else NaN (two
		// clauses on the same metric share the flag).
		for (let k = 0; k < nM; k++) out[this.metrics[k].metIndex] = NaN;
		for (let k = 0; k < nM; k++) {
			const ix = this.metrics[k].metIndex;
			for (let mo = 0; mo < months; mo++) {
				const x = monthMet[k * months + mo];
				if (x === 0) out[ix] = 0;
				else if (x === 1 && out[ix] !== 0) out[ix] = 1;
			}
		}
		out[METRIC_INDEX.firstContacts] = t[F.OFFERED_FIRST];
		out[METRIC_INDEX.repeatContacts] = t[F.OFFERED_REPEAT];
		out[METRIC_INDEX.redials] = t[F.OFFERED_REDIAL];
		out[METRIC_INDEX.abandoned] = t[F.ABANDONED];
		out[METRIC_INDEX.resolvedContacts] = t[F.RESOLVED];
		out[METRIC_INDEX.giveUps] = t[F.GIVE_UPS];
		out[METRIC_INDEX.handledAttempt1] = t[F.HANDLED_ATTEMPT_1];
		out[METRIC_INDEX.handledAttempt2] = t[F.HANDLED_ATTEMPT_2];
		out[METRIC_INDEX.handledAttempt3] = t[F.HANDLED_ATTEMPT_3];
		out[METRIC_INDEX.handledAttempt4] = t[F.HANDLED_ATTEMPT_4];
		out[METRIC_INDEX.resolvedAttempt1] = t[F.RESOLVED_ATTEMPT_1];
		out[METRIC_INDEX.resolvedAttempt2] = t[F.RESOLVED_ATTEMPT_2];
		out[METRIC_INDEX.resolvedAttempt3] = t[F.RESOLVED_ATTEMPT_3];
		out[METRIC_INDEX.resolvedAttempt4] = t[F.RESOLVED_ATTEMPT_4];
		out[METRIC_INDEX.callbacksAfter1] = t[F.CALLBACK_AFTER_1];
		out[METRIC_INDEX.callbacksAfter2] = t[F.CALLBACK_AFTER_2];
		out[METRIC_INDEX.callbacksAfter3] = t[F.CALLBACK_AFTER_3];
		out[METRIC_INDEX.callbacksAfter4] = t[F.CALLBACK_AFTER_4];
		out[METRIC_INDEX.giveUpsAfter1] = t[F.GIVEUP_AFTER_1];
		out[METRIC_INDEX.giveUpsAfter2] = t[F.GIVEUP_AFTER_2];
		out[METRIC_INDEX.giveUpsAfter3] = t[F.GIVEUP_AFTER_3];
		out[METRIC_INDEX.giveUpsAfter4] = t[F.GIVEUP_AFTER_4];
		out[METRIC_INDEX.churnedAfter1] = t[F.CHURNED_AFTER_1];
		out[METRIC_INDEX.churnedAfter2] = t[F.CHURNED_AFTER_2];
		out[METRIC_INDEX.churnedAfter3] = t[F.CHURNED_AFTER_3];
		out[METRIC_INDEX.churnedAfter4] = t[F.CHURNED_AFTER_4];

		return {
			scalars: out,
			details: wantDetails
				? {
						currency: a.currency ?? '',
						months: monthMoney!,
						metrics: metricDetails!,
						bonuses: bonusDetails!,
						paidAgentHours: paidHours,
						pendingEarnBack: ledger.pendingEarnBack
					}
				: null
		};
	}
}

/**
 * One-shot evaluation (builds an evaluator; for many replications build a `ContractEvaluator`
 * once and call `evaluate`).
 */
export function evaluateContract(
	draft: Draft,
	assumptions: ContractAssumptions,
	table: Float64Array,
	calendar: ContractCalendar,
	paidAgentHours?: number,
	opts: { details?: boolean } = {}
): ContractResult {
	return new ContractEvaluator(draft, assumptions, calendar).evaluate(table, {
		paidAgentHours,
		details: opts.details
	});
}
