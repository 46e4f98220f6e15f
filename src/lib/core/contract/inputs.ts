/**
 * What the contract's evaluation needs besides the draft: the costs and customer value from the
 * scenario's shared assumptions, the customer-outcome floor, and the calendar of the engine's
 * interval table (days, open intervals a day, 30-day contract months).
 */
import { openIntervalsPerDay } from '../schema/assumptions';
import type { Scenario } from '../schema/scenario';

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
