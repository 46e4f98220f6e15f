/**
 * The vendor's staffing plan per interval (MODEL.md part 3).
 *
 * From the client's forecast of offered contacts per interval and the vendor's planned AHT:
 *   required  = fewest agents on the phones meeting the target SL (Erlang C, or Erlang A with the
 *               customers' mean patience), within the occupancy cap (at least `minAgents` when the
 *               forecast is > 0, 0 when it is 0);
 *   planned   = round(required x staffing policy factor / (1 - absenteeism))   agents the vendor rosters
 *               on the phones, so that on average required x policy show up after the engine's random
 *               daily absence (the vendor knows its mean absence rate; the day-to-day variation remains);
 *   scheduled = planned / (1 - shrinkage)                  paid agents (breaks, training, meetings);
 * or, with method 'fixed', planned = the fixed agents per interval (policy factor not applied).
 * Absenteeism is applied on the day by the engine, not here.
 */
import { requiredAgents } from './erlang';

export type StaffingMethod = 'erlangC' | 'erlangA' | 'fixed';

export interface StaffingPlanInput {
	method: StaffingMethod;
	/** Forecast offered contacts per interval row. */
	forecast: Float64Array;
	/** Interval length, seconds. */
	intervalSec: number;
	/** Intervals per open day (for a per-interval-of-day fixed pattern). */
	intervalsPerDay: number;
	/** Vendor's planned mean handle time, seconds. */
	plannedAhtSec: number;
	/** Target service level (fraction of offered answered within T). */
	targetServiceLevel: number;
	/** T, seconds. */
	targetSec: number;
	/** Maximum planned occupancy (0..1]. */
	occupancyCap: number;
	/** Customers' mean patience, seconds (Erlang A only; Infinity = Erlang C). */
	patienceMeanSec: number;
	/** Shrinkage (0..1): share of paid time not on the phones. */
	shrinkage: number;
	/** Mean share of rostered agents absent on a day (the plan covers the mean; 0 = none). Ignored when fixed. */
	absenteeism: number;
	/** Multiplies the required agents (vendor's lever; 1 = staff to plan). Ignored when fixed. */
	policyFactor: number;
	/** Fewest agents on the phones in an interval with forecast > 0. */
	minAgents: number;
	/** 'fixed' only: agents on the phones, one number for every interval or one per interval of the day. */
	fixedAgents?: number | readonly number[];
}

export interface StaffingPlan {
	/** Per row: agents required by the Erlang plan (before policy and shrinkage). */
	agentsRequired: Float64Array;
	/** Per row: agents paid = planned / (1 - shrinkage). */
	agentsScheduled: Float64Array;
	/** Per row: agents the vendor puts on the phones (integer). */
	agentsPlanned: Int32Array;
}

/** Builds the vendor's plan for every interval row. Identical forecasts are solved once (memoised). */
export function staffingPlan(input: StaffingPlanInput): StaffingPlan {
	const n = input.forecast.length;
	const agentsRequired = new Float64Array(n);
	const agentsScheduled = new Float64Array(n);
	const agentsPlanned = new Int32Array(n);
	const keep = 1 - input.shrinkage;
	if (!(keep > 0)) throw new Error('staffingPlan: shrinkage must be < 1');
	const memo = new Map<number, number>();
	for (let k = 0; k < n; k++) {
		let planned: number;
		let required: number;
		if (input.method === 'fixed') {
			const f = input.fixedAgents ?? 0;
			required = typeof f === 'number' ? f : (f[k % input.intervalsPerDay] ?? 0);
			planned = Math.max(0, Math.round(required));
		} else {
			const fc = input.forecast[k];
			let r = memo.get(fc);
			if (r === undefined) {
				r =
					fc > 0
						? Math.max(
								input.minAgents,
								requiredAgents({
									arrivalRate: fc / input.intervalSec,
									aht: input.plannedAhtSec,
									slThreshold: input.targetSec,
									targetServiceLevel: input.targetServiceLevel,
									maxOccupancy: input.occupancyCap,
									patienceMean: input.method === 'erlangA' ? input.patienceMeanSec : Infinity
								})
							)
						: 0;
				memo.set(fc, r);
			}
			required = r;
			planned = Math.round((required * input.policyFactor) / (1 - input.absenteeism));
			if (fc > 0) planned = Math.max(planned, Math.min(input.minAgents, required));
		}
		agentsRequired[k] = required;
		agentsPlanned[k] = planned;
		agentsScheduled[k] = planned / keep;
	}
	return { agentsRequired, agentsScheduled, agentsPlanned };
}
