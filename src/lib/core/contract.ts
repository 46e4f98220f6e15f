/**
 * The contract's evaluation: one draft against one replication's interval table (`fields.ts`)
 * -> the per-replication scalars of `metrics.ts`, plus, on request, per-metric and per-month details
 * (read by the tests; the app reads only the scalars).
 *
 * Rules (the negotiator's version with the worked example is docs/CONTRACT.md):
 *
 * - Calendar: the horizon is `days` days of `intervalsPerDay` intervals; months are consecutive
 *   blocks of `daysPerMonth` days (default 30); a last, shorter block is a (partial) month.
 * - Metric value of a window, from the window's summed fields (measured, as the contract sees it):
 *   SL (offered)  = ANSWERED_WITHIN_T / (OFFERED - ABANDONED_SHORT if short abandons excluded)
 *   SL (answered) = ANSWERED_WITHIN_T / ANSWERED
 *   ASA = WAIT_SUM_ANSWERED / ANSWERED;   AHT = HANDLE_SUM / HANDLED
 *   abandon rate = ABANDONED / OFFERED, or (ABANDONED - SHORT) / (OFFERED - SHORT) when excluded
 *   FCR = 1 - REPEAT_WITHIN_N / HANDLED;  repeat rate = OFFERED_REPEAT / OFFERED
 *   CSAT = SURVEYS_SATISFIED / SURVEYS;   QA = QA_SCORE_SUM / QA_EVALS
 * - Empty window: the metric's denominator is zero (no contacts, no surveys, no QA evaluations).
 *   It has no value (NaN), and counts neither as met nor as missed: it is left out of the
 *   average and of the share of windows. A month with no non-empty window is "not measured":
 *   no credit, no bonus, and it does not break `slaMet`.
 * - Roll-up per month: 'periodValue' = unweighted mean of the non-empty windows' values (with
 *   window 'month' that is the month's own pooled value; with 'day' it is the average daily value);
 *   'shareOfWindows' = share of non-empty windows meeting the target, met when >= `share`.
 *   Comparisons allow 1e-9 of floating-point slack (0.8 measured as 0.79999999999 meets 0.8).
 * - Volume relief (draft.volumeRelief.enabled and the metric's `volumeRelief`): a window where
 *   OFFERED > FORECAST x (1 + band) is excused: the metric is deemed to meet its target there
 *   (a missed value counts as the target itself). So relief can only improve a month's result and
 *   never raises credits.
 * - Credits per month: invoice = the month's fees; at-risk amount = percentOfInvoice x invoice;
 *   allocation = atRisk.poolAllocation x metric.poolAllocation x at-risk amount (the public
 *   example: 50 % x 40 % x (10 % x 100,000) = 2,000). A missed metric costs
 *   binary: allocation x cap; slidingPerPoint: allocation x min(cap, perPoint x points), where a
 *   point is 1 percentage point for fractions, 1 % of the target for ASA and AHT, and 1 percentage
 *   point of windows for 'shareOfWindows'. The month's credits are then capped at
 *   atRisk.cap x at-risk amount (scaled down pro rata across metrics when the cap binds).
 * - Earn-back: a metric's charged credit of month m is returned when the metric is met in each
 *   ('allFollowing') or any ('anyFollowing') of months m+1..m+N. When those months run past the
 *   simulated horizon and the outcome is not yet decided, the credit stays charged (reported as
 *   `pendingEarnBack`): with a one-month horizon earn-back never returns anything.
 * - Bonuses: each month whose month value (window 'month', measured, definitions of the draft's
 *   first metric of that kind) meets the threshold pays `percentOfInvoice x invoice` or `amount`
 *   (pro rata for a partial month). Volume relief does not earn bonuses.
 * - Fees per month by price model: perHandledContact rate x handled contacts (when repeats are
 *   not billable: only the first handled contact of each issue, ISSUES_HANDLED; a redial after an
 *   abandon that is the issue's first handled contact is billed); perHandledMinute rate x handle
 *   minutes (when not billable: the minutes of first handled contacts, estimated per interval at
 *   that interval's average handle time); perProductiveHour
 *   rate x BUSY_SECONDS / 3600; perStaffedHour rate x STAFFED_SECONDS / 3600; perFte rate x
 *   scheduled agent hours / fteHoursPerMonth. Hour-based prices ignore `repeatsBillable`.
 * - Vendor cost = paid agent hours (AGENTS_SCHEDULED x interval hours, unless given) x agent cost.
 * - Client total cost = fees - credits + bonuses + OFFERED_REPEAT x clientCostPerRepeat
 *   + CHURNED x customerLifetimeValue.
 * - slaMet = 1 when every contract metric met its target (after volume relief) in every measured
 *   month (a draft without metrics reads met). watermelon = slaMet and (true FCR < floor.fcr or
 *   true CSAT < floor.csat).
 * - Ratio scalars with a zero denominator over the whole horizon are NaN (not measured).
 *
 * Speed: an evaluator is built once per (draft, calendar) and reused; `evaluate` reads the table
 * once (intervals -> day sums -> month sums) and then each metric's windows; it allocates nothing
 * but its result (the scalar row unless `out` is given) unless details are asked for.
 */
import { F, FIELD_COUNT } from './fields';
import { MET_KEY, METRIC_COUNT, METRIC_INDEX } from './metrics';
import type {
	ContractMetricName,
	Direction,
	Draft,
	MeasurementWindow,
	ScorecardKey,
	ScorecardWeights
} from './schema/draft';
import { SCORECARD_KEYS, SECONDS_METRICS } from './schema/draft';
import { openIntervalsPerDay } from './schema/assumptions';
import type { Scenario } from './schema/scenario';

/** The bits of the scenario's shared assumptions the contract needs. */
export interface ContractAssumptions {
	currency?: string;
	/** Vendor's cost of one paid agent hour. */
	agentCostPerPaidHour: number;
	/** The client's own cost of one repeat contact it absorbs. */
	clientCostPerRepeat: number;
	/** Value lost per churned customer. */
	customerLifetimeValue: number;
	/** Customer-outcome floor for the watermelon flag (true values). Default DEFAULT_OUTCOME_FLOOR. */
	customerOutcomeFloor?: { fcr: number; csat: number };
}

/**
 * Default floor: true FCR 0.70 (bottom of SQM's "good" band, 70-79 %) and true CSAT 0.75
 * (SQM's industry CSAT figures run 68-81 %; 75 % is the middle of that range).
 */
export const DEFAULT_OUTCOME_FLOOR = { fcr: 0.7, csat: 0.75 } as const;

export interface ContractCalendar {
	days: number;
	intervalsPerDay: number;
	intervalSeconds: number;
	/** Days in a contract month. Default 30. */
	daysPerMonth?: number;
}

/** One month of one contract metric. */
export interface MetricMonthDetail {
	/** Rolled-up value: the metric value ('periodValue') or the share of windows met ('shareOfWindows'); NaN = not measured. */
	value: number;
	/** Same without volume relief (raw measured). */
	rawValue: number;
	met: boolean;
	/** Windows with a value, windows that met (incl. excused), windows excused by volume relief. */
	windows: number;
	windowsMet: number;
	windowsRelieved: number;
	shortfallPoints: number;
	/** Credit before the month cap, after the month cap, returned by earn-back, still pending earn-back. */
	creditRaw: number;
	credit: number;
	earnedBack: number;
	pendingEarnBack: number;
}

export interface MetricDetail {
	index: number;
	metric: ContractMetricName;
	target: number;
	direction: Direction;
	window: MeasurementWindow;
	/** Measured value per window (NaN = empty window). */
	windowValues: Float64Array;
	/** Per window: 0 missed, 1 met, 2 excused by volume relief, 3 empty. */
	windowStatus: Uint8Array;
	months: MetricMonthDetail[];
}

export interface MonthMoney {
	fees: number;
	atRiskAmount: number;
	creditsCharged: number;
	earnedBack: number;
	bonuses: number;
}

export interface ContractDetails {
	currency: string;
	months: MonthMoney[];
	metrics: MetricDetail[];
	bonuses: Array<{ metric: ContractMetricName; monthValues: number[]; paid: number[] }>;
	paidAgentHours: number;
	pendingEarnBack: number;
}

export interface ContractResult {
	scalars: Float64Array;
	details: ContractDetails | null;
}

const EPS = 1e-9;

// Metric kind codes (hot-path switch).
const K_SL_OFFERED = 0;
const K_SL_ANSWERED = 1;
const K_ASA = 2;
const K_ABANDON = 3;
const K_AHT = 4;
const K_FCR = 5;
const K_REPEAT = 6;
const K_CSAT = 7;
const K_QA = 8;

const W_INTERVAL = 0;
const W_DAY = 1;
const W_MONTH = 2;

function kindOf(name: ContractMetricName, slBase: 'offered' | 'answered'): number {
	switch (name) {
		case 'serviceLevel':
			return slBase === 'offered' ? K_SL_OFFERED : K_SL_ANSWERED;
		case 'asa':
			return K_ASA;
		case 'abandonRate':
			return K_ABANDON;
		case 'aht':
			return K_AHT;
		case 'fcr':
			return K_FCR;
		case 'repeatContactRate':
			return K_REPEAT;
		case 'csat':
			return K_CSAT;
		case 'qaScore':
			return K_QA;
	}
}

/**
 * Measured value of a metric over a row of summed fields at `src[b..b+FIELD_COUNT)`.
 * `excl`: short abandons excluded (SL of offered, abandon rate). NaN when the denominator is 0.
 */
function windowValue(kind: number, excl: boolean, src: Float64Array, b: number): number {
	let num: number;
	let den: number;
	switch (kind) {
		case K_SL_OFFERED:
			num = src[b + F.ANSWERED_WITHIN_T];
			den = src[b + F.OFFERED] - (excl ? src[b + F.ABANDONED_SHORT] : 0);
			break;
		case K_SL_ANSWERED:
			num = src[b + F.ANSWERED_WITHIN_T];
			den = src[b + F.ANSWERED];
			break;
		case K_ASA:
			num = src[b + F.WAIT_SUM_ANSWERED];
			den = src[b + F.ANSWERED];
			break;
		case K_ABANDON:
			if (excl) {
				num = src[b + F.ABANDONED] - src[b + F.ABANDONED_SHORT];
				den = src[b + F.OFFERED] - src[b + F.ABANDONED_SHORT];
			} else {
				num = src[b + F.ABANDONED];
				den = src[b + F.OFFERED];
			}
			break;
		case K_AHT:
			num = src[b + F.HANDLE_SUM];
			den = src[b + F.HANDLED];
			break;
		case K_FCR:
			den = src[b + F.HANDLED];
			num = den - src[b + F.REPEAT_WITHIN_N];
			break;
		case K_REPEAT:
			num = src[b + F.OFFERED_REPEAT];
			den = src[b + F.OFFERED];
			break;
		case K_CSAT:
			num = src[b + F.SURVEYS_SATISFIED];
			den = src[b + F.SURVEYS];
			break;
		case K_QA:
			num = src[b + F.QA_SCORE_SUM];
			den = src[b + F.QA_EVALS];
			break;
		default:
			return NaN;
	}
	return den > 0 ? num / den : NaN;
}

/** a / b, NaN when b is not > 0 (a ratio scalar with nothing measured). */
function ratio(a: number, b: number): number {
	return b > 0 ? a / b : NaN;
}

/** Index in the scalar row of every contract metric's met flag. */
const MET_INDICES = Object.values(MET_KEY).map((key) => METRIC_INDEX[key]);

function meets(value: number, target: number, atLeast: boolean): boolean {
	return atLeast ? value >= target - EPS : value <= target + EPS;
}

/** Points of shortfall of a period value (see the module comment); 0 when met. */
function shortfallPoints(value: number, target: number, atLeast: boolean, seconds: boolean): number {
	const gap = atLeast ? target - value : value - target;
	if (!(gap > EPS)) return 0;
	if (!seconds) return gap * 100;
	return target > 0 ? (gap / target) * 100 : Infinity;
}

interface ResolvedMetric {
	name: ContractMetricName;
	kind: number;
	excl: boolean;
	seconds: boolean;
	target: number;
	direction: Direction;
	atLeast: boolean;
	window: MeasurementWindow;
	windowCode: number;
	shareRollUp: boolean;
	share: number;
	alloc: number;
	sliding: boolean;
	perPoint: number;
	cap: number;
	relief: boolean;
	/** Index of the metric's met flag in the scalar row. */
	metIndex: number;
}

interface ResolvedBonus {
	name: ContractMetricName;
	kind: number;
	excl: boolean;
	threshold: number;
	atLeast: boolean;
	amount: number;
	percent: number;
}

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
	/** metric x month scratch: met flag (1/0, NaN month counts as met), charged credit. */
	private readonly monthMet: Uint8Array;
	private readonly monthCredit: Float64Array;
	private readonly monthCreditRaw: Float64Array;

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

		const reliefOn = draft.volumeRelief.enabled;
		this.metrics = draft.metrics.map((m) => {
			const slBase = m.metric === 'serviceLevel' ? m.definition.base : 'offered';
			const excl =
				m.metric === 'serviceLevel'
					? m.definition.excludeShortAbandons
					: m.metric === 'abandonRate'
						? m.excludeShortAbandons
						: false;
			return {
				name: m.metric,
				kind: kindOf(m.metric, slBase),
				excl,
				seconds: SECONDS_METRICS.includes(m.metric),
				target: m.target,
				direction: m.direction,
				atLeast: m.direction === 'atLeast',
				window: m.window,
				windowCode: m.window === 'interval' ? W_INTERVAL : m.window === 'day' ? W_DAY : W_MONTH,
				shareRollUp: m.rollUp === 'shareOfWindows',
				share: m.share ?? 1,
				alloc: m.poolAllocation,
				sliding: m.credit.type === 'slidingPerPoint',
				perPoint: m.credit.perPoint ?? 0,
				cap: m.credit.cap,
				relief: reliefOn && m.volumeRelief,
				metIndex: METRIC_INDEX[MET_KEY[m.metric]]
			};
		});
		const firstSl = draft.metrics.find((m) => m.metric === 'serviceLevel');
		const firstAb = draft.metrics.find((m) => m.metric === 'abandonRate');
		this.slKind = firstSl && firstSl.definition.base === 'answered' ? K_SL_ANSWERED : K_SL_OFFERED;
		this.slExcl = firstSl ? firstSl.definition.excludeShortAbandons : false;
		this.abandonExcl = firstAb ? firstAb.excludeShortAbandons : false;
		this.bonuses = draft.bonuses.map((b) => {
			const kind = b.metric === 'serviceLevel' ? this.slKind : kindOf(b.metric, 'offered');
			const excl =
				b.metric === 'serviceLevel' ? this.slExcl : b.metric === 'abandonRate' ? this.abandonExcl : false;
			return {
				name: b.metric,
				kind,
				excl,
				threshold: b.threshold,
				atLeast: b.direction === 'atLeast',
				amount: b.amount ?? 0,
				percent: b.percentOfInvoice ?? 0
			};
		});

		this.daySums = new Float64Array(days * FIELD_COUNT);
		this.monthSums = new Float64Array(this.months * FIELD_COUNT);
		this.total = new Float64Array(FIELD_COUNT);
		this.monthBillableMinutes = new Float64Array(this.months);
		this.monthFees = new Float64Array(this.months);
		this.monthDays = new Float64Array(this.months);
		for (let mo = 0; mo < this.months; mo++)
			this.monthDays[mo] = Math.min(daysPerMonth, days - mo * daysPerMonth);
		this.monthMet = new Uint8Array(this.metrics.length * this.months);
		this.monthCredit = new Float64Array(this.metrics.length * this.months);
		this.monthCreditRaw = new Float64Array(this.metrics.length * this.months);
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
		const price = draft.price;
		const perMinuteNoRepeats = price.model === 'perHandledMinute' && !price.repeatsBillable;
		const { daySums, monthSums, total, monthBillableMinutes, monthFees } = this;

		// 1. One pass over the table: day sums (and per-minute billable minutes per month).
		daySums.fill(0);
		monthBillableMinutes.fill(0);
		for (let d = 0; d < days; d++) {
			const db = d * FIELD_COUNT;
			const mo = Math.floor(d / daysPerMonth);
			for (let i = 0; i < intervalsPerDay; i++) {
				const rb = (d * intervalsPerDay + i) * FIELD_COUNT;
				for (let f = 0; f < FIELD_COUNT; f++) daySums[db + f] += table[rb + f];
				if (perMinuteNoRepeats) {
					const h = table[rb + F.HANDLED];
					if (h > 0)
						monthBillableMinutes[mo] += ((table[rb + F.HANDLE_SUM] / 60) * table[rb + F.ISSUES_HANDLED]) / h;
				}
			}
		}
		monthSums.fill(0);
		for (let d = 0; d < days; d++) {
			const mb = Math.floor(d / daysPerMonth) * FIELD_COUNT;
			const db = d * FIELD_COUNT;
			for (let f = 0; f < FIELD_COUNT; f++) monthSums[mb + f] += daySums[db + f];
		}
		total.fill(0);
		for (let mo = 0; mo < months; mo++) {
			const mb = mo * FIELD_COUNT;
			for (let f = 0; f < FIELD_COUNT; f++) total[f] += monthSums[mb + f];
		}

		// 2. Fees per month.
		const intervalHours = this.intervalSeconds / 3600;
		let fees = 0;
		for (let mo = 0; mo < months; mo++) {
			const mb = mo * FIELD_COUNT;
			let units: number;
			switch (price.model) {
				case 'perHandledContact':
					units = price.repeatsBillable ? monthSums[mb + F.HANDLED] : monthSums[mb + F.ISSUES_HANDLED];
					break;
				case 'perHandledMinute':
					units = price.repeatsBillable ? monthSums[mb + F.HANDLE_SUM] / 60 : monthBillableMinutes[mo];
					break;
				case 'perProductiveHour':
					units = monthSums[mb + F.BUSY_SECONDS] / 3600;
					break;
				case 'perStaffedHour':
					units = monthSums[mb + F.STAFFED_SECONDS] / 3600;
					break;
				case 'perFte':
					units = (monthSums[mb + F.AGENTS_SCHEDULED] * intervalHours) / price.fteHoursPerMonth;
					break;
			}
			monthFees[mo] = price.rate * Math.max(0, units);
			fees += monthFees[mo];
		}

		// 3. Contract metrics: windows -> months -> credits.
		const wantDetails = opts.details === true;
		const metricDetails: MetricDetail[] | null = wantDetails ? [] : null;
		const { monthMet, monthCredit, monthCreditRaw } = this;
		const atRisk = draft.atRisk;
		const band = 1 + draft.volumeRelief.band;
		const nM = this.metrics.length;
		for (let k = 0; k < nM; k++) {
			const m = this.metrics[k];
			const src = m.windowCode === W_INTERVAL ? table : m.windowCode === W_DAY ? daySums : monthSums;
			const nWin = m.windowCode === W_INTERVAL ? rows : m.windowCode === W_DAY ? days : months;
			const winPerMonth =
				m.windowCode === W_INTERVAL
					? intervalsPerDay * daysPerMonth
					: m.windowCode === W_DAY
						? daysPerMonth
						: 1;
			let det: MetricDetail | null = null;
			if (metricDetails) {
				det = {
					index: k,
					metric: m.name,
					target: m.target,
					direction: m.direction,
					window: m.window,
					windowValues: new Float64Array(nWin),
					windowStatus: new Uint8Array(nWin),
					months: []
				};
				metricDetails.push(det);
			}
			for (let mo = 0; mo < months; mo++) {
				const w0 = mo * winPerMonth;
				const w1 = Math.min(nWin, w0 + winPerMonth);
				let sum = 0;
				let rawSum = 0;
				let n = 0;
				let nMet = 0;
				let nRelieved = 0;
				for (let w = w0; w < w1; w++) {
					const b = w * FIELD_COUNT;
					const v = windowValue(m.kind, m.excl, src, b);
					if (v !== v) {
						if (det) {
							det.windowValues[w] = NaN;
							det.windowStatus[w] = 3;
						}
						continue;
					}
					n++;
					rawSum += v;
					let ok = meets(v, m.target, m.atLeast);
					let used = v;
					let status = ok ? 1 : 0;
					if (!ok && m.relief && src[b + F.OFFERED] > src[b + F.FORECAST] * band) {
						ok = true;
						used = m.target;
						status = 2;
						nRelieved++;
					}
					if (ok) nMet++;
					sum += used;
					if (det) {
						det.windowValues[w] = v;
						det.windowStatus[w] = status;
					}
				}
				let value: number;
				let rawValue: number;
				let met: boolean;
				let points: number;
				if (n === 0) {
					value = NaN;
					rawValue = NaN;
					met = true;
					points = 0;
				} else if (m.shareRollUp) {
					value = nMet / n;
					rawValue = (nMet - nRelieved) / n;
					met = value >= m.share - EPS;
					points = met ? 0 : (m.share - value) * 100;
				} else {
					value = sum / n;
					rawValue = rawSum / n;
					met = meets(value, m.target, m.atLeast);
					points = met ? 0 : shortfallPoints(value, m.target, m.atLeast, m.seconds);
				}
				const allocation = atRisk.poolAllocation * m.alloc * atRisk.percentOfInvoice * monthFees[mo];
				const share = met ? 0 : m.sliding ? Math.min(m.cap, m.perPoint * points) : m.cap;
				const ix = k * months + mo;
				monthMet[ix] = met ? 1 : 0;
				monthCreditRaw[ix] = allocation * share;
				if (det)
					det.months.push({
						value,
						rawValue,
						met,
						windows: n,
						windowsMet: nMet,
						windowsRelieved: nRelieved,
						shortfallPoints: points,
						creditRaw: monthCreditRaw[ix],
						credit: 0,
						earnedBack: 0,
						pendingEarnBack: 0
					});
			}
		}

		// 4. Month cap, then earn-back.
		const monthMoney: MonthMoney[] | null = wantDetails ? [] : null;
		let charged = 0;
		for (let mo = 0; mo < months; mo++) {
			let raw = 0;
			for (let k = 0; k < nM; k++) raw += monthCreditRaw[k * months + mo];
			const atRiskAmount = atRisk.percentOfInvoice * monthFees[mo];
			const capAmount = atRisk.cap * atRiskAmount;
			const scale = raw > capAmount ? (raw > 0 ? capAmount / raw : 0) : 1;
			for (let k = 0; k < nM; k++) {
				const ix = k * months + mo;
				monthCredit[ix] = monthCreditRaw[ix] * scale;
				charged += monthCredit[ix];
			}
			if (monthMoney)
				monthMoney.push({
					fees: monthFees[mo],
					atRiskAmount,
					creditsCharged: Math.min(raw, capAmount),
					earnedBack: 0,
					bonuses: 0
				});
		}
		let earnedBack = 0;
		let pending = 0;
		const eb = draft.earnBack;
		for (let k = 0; k < nM; k++) {
			for (let mo = 0; mo < months; mo++) {
				const ix = k * months + mo;
				const c = monthCredit[ix];
				if (metricDetails) metricDetails[k].months[mo].credit = c;
				if (!(c > 0)) continue;
				if (!eb.enabled) continue;
				const last = mo + eb.months;
				let observed = 0;
				let metCount = 0;
				for (let j = mo + 1; j <= last && j < months; j++) {
					observed++;
					if (monthMet[k * months + j]) metCount++;
				}
				const truncated = last >= months;
				let decided: 'returned' | 'kept' | 'pending';
				if (eb.rule === 'allFollowing') {
					decided = metCount < observed ? 'kept' : truncated ? 'pending' : 'returned';
				} else {
					decided = metCount > 0 ? 'returned' : truncated ? 'pending' : 'kept';
				}
				if (decided === 'returned') {
					earnedBack += c;
					if (metricDetails) metricDetails[k].months[mo].earnedBack = c;
					if (monthMoney) monthMoney[mo].earnedBack += c;
				} else if (decided === 'pending') {
					pending += c;
					if (metricDetails) metricDetails[k].months[mo].pendingEarnBack = c;
				}
			}
		}
		const credits = charged - earnedBack;

		// 5. Bonuses.
		let bonuses = 0;
		const bonusDetails: ContractDetails['bonuses'] | null = wantDetails ? [] : null;
		for (const b of this.bonuses) {
			const bd = bonusDetails ? { metric: b.name, monthValues: [] as number[], paid: [] as number[] } : null;
			for (let mo = 0; mo < months; mo++) {
				const v = windowValue(b.kind, b.excl, monthSums, mo * FIELD_COUNT);
				let paid = 0;
				if (v === v && meets(v, b.threshold, b.atLeast))
					paid = b.percent * monthFees[mo] + (b.amount * this.monthDays[mo]) / daysPerMonth;
				bonuses += paid;
				if (monthMoney) monthMoney[mo].bonuses += paid;
				if (bd) {
					bd.monthValues.push(v);
					bd.paid.push(paid);
				}
			}
			if (bd) bonusDetails!.push(bd);
		}

		// 6. Scalars.
		const out = opts.out ?? new Float64Array(METRIC_COUNT);
		const t = total;
		const handled = t[F.HANDLED];
		const paidHours =
			opts.paidAgentHours !== undefined && opts.paidAgentHours >= 0
				? opts.paidAgentHours
				: t[F.AGENTS_SCHEDULED] * intervalHours;
		const a = this.assumptions;
		const vendorRevenue = fees - credits + bonuses;
		const vendorCost = paidHours * a.agentCostPerPaidHour;
		const repeatCost = t[F.OFFERED_REPEAT] * a.clientCostPerRepeat;
		const churnCost = t[F.CHURNED] * a.customerLifetimeValue;
		let slaMet = 1;
		for (let i = 0; i < monthMet.length; i++) if (!monthMet[i]) slaMet = 0;
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
		out[METRIC_INDEX.fees] = fees;
		out[METRIC_INDEX.credits] = credits;
		out[METRIC_INDEX.bonuses] = bonuses;
		out[METRIC_INDEX.vendorRevenue] = vendorRevenue;
		out[METRIC_INDEX.vendorCost] = vendorCost;
		out[METRIC_INDEX.vendorMargin] = vendorRevenue - vendorCost;
		out[METRIC_INDEX.repeatCost] = repeatCost;
		out[METRIC_INDEX.churnCost] = churnCost;
		out[METRIC_INDEX.clientTotalCost] = fees - credits + bonuses + repeatCost + churnCost;
		out[METRIC_INDEX.slaMet] = slaMet;
		out[METRIC_INDEX.watermelon] = slaMet === 1 && red ? 1 : 0;
		for (let i = 0; i < MET_INDICES.length; i++) out[MET_INDICES[i]] = 1;
		for (let k = 0; k < nM; k++)
			for (let mo = 0; mo < months; mo++) if (!monthMet[k * months + mo]) out[this.metrics[k].metIndex] = 0;
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
						pendingEarnBack: pending
					}
				: null
		};
	}
}

/**
 * The contract's inputs from a parsed scenario: costs, customer value, currency, the
 * customer-outcome floor (`assumptions.customerOutcomeFloor`), and the calendar of the engine's
 * table (open intervals only, 30-day months).
 */
export function contractInputsOf(scenario: Scenario): {
	assumptions: ContractAssumptions;
	calendar: ContractCalendar;
} {
	const a = scenario.assumptions;
	const cal = a.calendar;
	return {
		assumptions: {
			currency: scenario.currency,
			agentCostPerPaidHour: a.costs.agentCostPerPaidHour,
			clientCostPerRepeat: a.costs.clientCostPerRepeatContact,
			customerLifetimeValue: a.customers.lifetimeValue,
			customerOutcomeFloor: a.customerOutcomeFloor
		},
		calendar: {
			days: cal.days,
			intervalsPerDay: openIntervalsPerDay(cal),
			intervalSeconds: cal.intervalMinutes * 60,
			daysPerMonth: 30
		}
	};
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

const METRIC_TO_SCORECARD: Record<ContractMetricName, ScorecardKey> = {
	serviceLevel: 'serviceLevel',
	asa: 'asa',
	abandonRate: 'abandonRate',
	aht: 'aht',
	fcr: 'fcr',
	repeatContactRate: 'repeatContactRate',
	csat: 'csat',
	qaScore: 'qaScore'
};

/**
 * The agent scorecard a vendor builds when it coaches to the contract: each metric's weight is
 * proportional to the most money the draft ties to it in a month, as a share of the invoice:
 *   credit exposure = atRisk.percentOfInvoice x atRisk.poolAllocation x metric.poolAllocation x credit.cap
 *   bonus money     = bonus.percentOfInvoice, or bonus.amount / expectedMonthlyInvoice
 * summed over the draft's metrics and bonuses of the same kind, then normalised to sum 1.
 * Fixed-amount bonuses count only when `expectedMonthlyInvoice` (> 0) is given.
 * When the draft ties no money to any metric but does list metrics, each listed metric gets an
 * equal weight (the vendor still reports and manages them). A draft with no metrics and no
 * bonuses gives all-zero weights (no pressure either way). `contactsPerHour` is never mirrored:
 * no contract clause measures it. Direction is not used: targets are assumed to point the
 * natural way (AHT, ASA, abandons, repeats down; the rest up).
 * In 'manual' mode the draft's own weights are returned, normalised to sum 1.
 */
export function mirrorScorecardWeights(draft: Draft, expectedMonthlyInvoice?: number): ScorecardWeights {
	const w = Object.fromEntries(SCORECARD_KEYS.map((k) => [k, 0])) as ScorecardWeights;
	if (draft.scorecard.mode === 'manual' && draft.scorecard.weights) {
		for (const k of SCORECARD_KEYS) w[k] = draft.scorecard.weights[k];
	} else {
		const ar = draft.atRisk;
		for (const m of draft.metrics)
			w[METRIC_TO_SCORECARD[m.metric]] +=
				ar.percentOfInvoice * ar.poolAllocation * m.poolAllocation * m.credit.cap;
		for (const b of draft.bonuses) {
			if (b.percentOfInvoice !== undefined) w[METRIC_TO_SCORECARD[b.metric]] += b.percentOfInvoice;
			else if (b.amount !== undefined && expectedMonthlyInvoice !== undefined && expectedMonthlyInvoice > 0)
				w[METRIC_TO_SCORECARD[b.metric]] += b.amount / expectedMonthlyInvoice;
		}
		let money = 0;
		for (const k of SCORECARD_KEYS) money += w[k];
		if (!(money > 0)) for (const m of draft.metrics) w[METRIC_TO_SCORECARD[m.metric]] = 1;
	}
	let sum = 0;
	for (const k of SCORECARD_KEYS) sum += w[k];
	if (sum > 0) for (const k of SCORECARD_KEYS) w[k] /= sum;
	return w;
}
