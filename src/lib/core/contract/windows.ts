/**
 * The contract's metrics as the contract measures them: each metric's value in a window (an
 * interval, a day or a month) from the window's summed fields, and its roll-up to a month, met or
 * missed, with volume relief excusing windows of unforeseen volume. Also the sums of one
 * replication's interval table by day, by month and over the horizon that every other part reads.
 *
 * Rules (the negotiator's version with the worked example is docs/CONTRACT.md):
 *
 * - Metric value of a window, from the window's summed fields (measured, as the contract sees it):
 *   SL (offered)  = ANSWERED_WITHIN_T / (OFFERED - ABANDONED_SHORT if short abandons excluded)
 *   SL (answered) = ANSWERED_WITHIN_T / ANSWERED
 *   ASA = WAIT_SUM_ANSWERED / ANSWERED;   AHT = HANDLE_SUM / HANDLED
 *   abandon rate = ABANDONED / OFFERED, or (ABANDONED - SHORT) / (OFFERED - SHORT) when excluded
 *   FCR = 1 - REPEAT_WITHIN_N / HANDLED;  repeat rate = OFFERED_REPEAT / OFFERED
 *   CSAT = SURVEYS_SATISFIED / SURVEYS;   QA = QA_SCORE_SUM / QA_EVALS
 * - Empty window: the metric's denominator is zero (no contacts, no surveys, no QA evaluations).
 *   It has no value (NaN), and counts neither as met nor as missed: it is left out of the
 *   average and of the share of windows. A month with no non-empty window is "not measured"
 *   (NOT_MEASURED in `monthMet`, which reads as met for credits and earn-back): no credit, no
 *   bonus, and it does not break `slaMet`; a metric never measured has no met flag (NaN).
 * - Roll-up per month: 'periodValue' = unweighted mean of the non-empty windows' values (with
 *   window 'month' that is the month's own pooled value; with 'day' it is the average daily value);
 *   'shareOfWindows' = share of non-empty windows meeting the target, met when >= `share`.
 *   Comparisons allow 1e-9 of floating-point slack (0.8 measured as 0.79999999999 meets 0.8).
 * - Shortfall points of a missed month (what a sliding credit charges per): 1 percentage point for
 *   fractions, 1 % of the target for ASA and AHT, 1 percentage point of windows for 'shareOfWindows'.
 * - Volume relief (draft.volumeRelief.enabled and the metric's `volumeRelief`): a window where
 *   OFFERED > FORECAST x (1 + band) is excused: the metric is deemed to meet its target there
 *   (a missed value counts as the target itself). So relief can only improve a month's result and
 *   never raises credits.
 * - Ratio scalars with a zero denominator over the whole horizon are NaN (not measured).
 */
import { F, FIELD_COUNT } from '../fields';
import { MET_KEY, METRIC_INDEX } from '../metrics';
import type { ContractMetricName, Direction, Draft, MeasurementWindow } from '../schema/draft';
import { SECONDS_METRICS } from '../schema/draft';
import type { MetricDetail } from './details';
import { firstContactMinutes } from './price';

/** Floating-point slack of every comparison with a target. */
const EPS = 1e-9;

// Metric kind codes (hot-path switch).
export const K_SL_OFFERED = 0;
export const K_SL_ANSWERED = 1;
export const K_ASA = 2;
export const K_ABANDON = 3;
export const K_AHT = 4;
export const K_FCR = 5;
export const K_REPEAT = 6;
export const K_CSAT = 7;
export const K_QA = 8;

const W_INTERVAL = 0;
const W_DAY = 1;
const W_MONTH = 2;

export function kindOf(name: ContractMetricName, slBase: 'offered' | 'answered'): number {
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
export function windowValue(kind: number, excl: boolean, src: Float64Array, b: number): number {
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
export function ratio(a: number, b: number): number {
	return b > 0 ? a / b : NaN;
}

export function meets(value: number, target: number, atLeast: boolean): boolean {
	return atLeast ? value >= target - EPS : value <= target + EPS;
}

/** Points of shortfall of a period value (see the module comment); 0 when met. */
function shortfallPoints(value: number, target: number, atLeast: boolean, seconds: boolean): number {
	const gap = atLeast ? target - value : value - target;
	if (!(gap > EPS)) return 0;
	if (!seconds) return gap * 100;
	return target > 0 ? (gap / target) * 100 : Infinity;
}

/** A contract metric of the draft in the form the hot path reads. */
export interface ResolvedMetric {
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

export function resolveMetric(m: Draft['metrics'][number], reliefOn: boolean): ResolvedMetric {
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
}

/**
 * One pass over a replication's table (days x intervalsPerDay rows): the sums per day, per month
 * and over the horizon, and (when `billableMinutes` is given) the billable minutes of first handled
 * contacts per month. Fills the arrays it is given.
 */
export function sumTable(
	table: Float64Array,
	days: number,
	intervalsPerDay: number,
	daysPerMonth: number,
	months: number,
	daySums: Float64Array,
	monthSums: Float64Array,
	total: Float64Array,
	billableMinutes: Float64Array | null
): void {
	daySums.fill(0);
	for (let d = 0; d < days; d++) {
		const db = d * FIELD_COUNT;
		const mo = Math.floor(d / daysPerMonth);
		for (let i = 0; i < intervalsPerDay; i++) {
			const rb = (d * intervalsPerDay + i) * FIELD_COUNT;
			for (let f = 0; f < FIELD_COUNT; f++) daySums[db + f] += table[rb + f];
			if (billableMinutes && table[rb + F.HANDLED] > 0) billableMinutes[mo] += firstContactMinutes(table, rb);
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
}

/** The table sums a metric's windows are read from, by the metric's window. */
export interface WindowSources {
	intervals: Float64Array;
	days: Float64Array;
	months: Float64Array;
	intervalsPerDay: number;
	daysPerMonth: number;
	dayCount: number;
	monthCount: number;
}

/**
 * Metric k's windows -> months: writes, per month mo at index k x months + mo, whether it was met
 * (1/0; a month not measured counts as met) and its shortfall points; pushes metric k's details
 * when `details` is given (their credits are filled in by credits.ts).
 */
/** `monthMet` of a month in which the metric had no data: truthy, so it costs no credit. */
export const NOT_MEASURED = 2;

export function rollUpMetric(
	m: ResolvedMetric,
	k: number,
	s: WindowSources,
	reliefBand: number,
	monthMet: Uint8Array,
	monthPoints: Float64Array,
	details: MetricDetail[] | null
): void {
	const months = s.monthCount;
	const src = m.windowCode === W_INTERVAL ? s.intervals : m.windowCode === W_DAY ? s.days : s.months;
	const nWin =
		m.windowCode === W_INTERVAL
			? s.dayCount * s.intervalsPerDay
			: m.windowCode === W_DAY
				? s.dayCount
				: months;
	const winPerMonth =
		m.windowCode === W_INTERVAL
			? s.intervalsPerDay * s.daysPerMonth
			: m.windowCode === W_DAY
				? s.daysPerMonth
				: 1;
	let det: MetricDetail | null = null;
	if (details) {
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
		details.push(det);
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
			if (!ok && m.relief && src[b + F.OFFERED] > src[b + F.FORECAST] * reliefBand) {
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
		const ix = k * months + mo;
		monthMet[ix] = n === 0 ? NOT_MEASURED : met ? 1 : 0;
		monthPoints[ix] = points;
		if (det)
			det.months.push({
				value,
				rawValue,
				met,
				windows: n,
				windowsMet: nMet,
				windowsRelieved: nRelieved,
				shortfallPoints: points,
				creditRaw: 0,
				credit: 0,
				earnedBack: 0,
				pendingEarnBack: 0
			});
	}
}
