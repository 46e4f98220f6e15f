/**
 * The money of one replication for both sides: the vendor's revenue, cost and margin, and the
 * client's total cost including what the contract does not invoice (repeat contacts it absorbs,
 * customers it loses).
 *
 * - Vendor revenue = fees - credits + bonuses; vendor cost = paid agent hours (AGENTS_SCHEDULED x
 *   interval hours, unless given) x agent cost; margin = revenue - cost.
 * - Client total cost = fees - credits + bonuses + OFFERED_REPEAT x clientCostPerRepeat
 *   + CHURNED x customerLifetimeValue.
 */
import { F } from '../fields';
import { METRIC_INDEX } from '../metrics';
import type { ContractAssumptions } from './inputs';

/**
 * Writes the money scalars into `out` from the horizon's sums `t` and the contract's fees, credits
 * and bonuses.
 */
export function writeMoney(
	out: Float64Array,
	t: Float64Array,
	fees: number,
	credits: number,
	bonuses: number,
	paidHours: number,
	a: ContractAssumptions
): void {
	const vendorRevenue = fees - credits + bonuses;
	const vendorCost = paidHours * a.agentCostPerPaidHour;
	const repeatCost = t[F.OFFERED_REPEAT] * a.clientCostPerRepeat;
	const churnCost = t[F.CHURNED] * a.customerLifetimeValue;
	out[METRIC_INDEX.fees] = fees;
	out[METRIC_INDEX.credits] = credits;
	out[METRIC_INDEX.bonuses] = bonuses;
	out[METRIC_INDEX.vendorRevenue] = vendorRevenue;
	out[METRIC_INDEX.vendorCost] = vendorCost;
	out[METRIC_INDEX.vendorMargin] = vendorRevenue - vendorCost;
	out[METRIC_INDEX.repeatCost] = repeatCost;
	out[METRIC_INDEX.churnCost] = churnCost;
	out[METRIC_INDEX.clientTotalCost] = fees - credits + bonuses + repeatCost + churnCost;
}
