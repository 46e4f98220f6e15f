/**
 * The contract's result for one replication: the scalar row, and on request the details per
 * metric, month and bonus (read by the tests and by anyone checking a month's money by hand; the
 * app reads only the scalars).
 */
import type { ContractMetricName, Direction, MeasurementWindow } from '../schema/draft';

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

export interface BonusDetail {
	metric: ContractMetricName;
	monthValues: number[];
	paid: number[];
}

export interface ContractDetails {
	currency: string;
	months: MonthMoney[];
	metrics: MetricDetail[];
	bonuses: BonusDetail[];
	paidAgentHours: number;
	pendingEarnBack: number;
}

export interface ContractResult {
	scalars: Float64Array;
	details: ContractDetails | null;
}
