/**
 * A few sentences that say what the numbers say, generated from the run summary (never canned):
 * each claim of a difference is made only when its 95 % interval excludes zero.
 */
import type { RunSummary } from '$lib/core/stats';
import type { Scenario } from '$lib/core/schema/scenario';
import { formatPercent, formatMoney, formatMoneyCompact, formatSeconds } from '../format';
import { metric, diff, formatDiff } from './view';

function oneIn(share: number): string {
	if (!(share > 0)) return 'no contact';
	const n = Math.round(1 / share);
	return n <= 1 ? 'almost every contact' : `1 in ${n} contacts`;
}

export function narrative(summary: RunSummary, scenario: Scenario): string[] {
	const out: string[] = [];
	const cur = scenario.currency;
	const months = summary.n;
	scenario.drafts.forEach((d, i) => {
		const sla = metric(summary, i, 'slaMet').mean;
		const rep = metric(summary, i, 'repeatContactRate').mean;
		const fcr = metric(summary, i, 'fcrTrue').mean;
		const csat = metric(summary, i, 'csatTrue').mean;
		const aht = metric(summary, i, 'aht').mean;
		const water = metric(summary, i, 'watermelon').mean;
		const marginShare = metric(summary, i, 'vendorMarginShare').mean;
		const breakEven = metric(summary, i, 'breakEvenPrice').mean;
		const miss = metric(summary, i, 'forecastMiss').mean;
		const slaText =
			d.metrics.length === 0
				? 'the draft sets no service targets'
				: `the SLA is met in ${formatPercent(sla, 0)} of simulated months`;
		const but = sla >= 0.5 && (fcr < 0.7 || rep > 0.15) ? ', yet' : ', and';
		out.push(
			`Under ${d.name}, ${slaText}${but} ${oneIn(rep)} is a repeat of an unresolved issue: ` +
				`agents resolve ${formatPercent(fcr, 0)} of contacts at an average handle time of ${formatSeconds(aht)}, ` +
				`and ${formatPercent(csat, 0)} of customers are satisfied.` +
				(water >= 0.5
					? ` This is a watermelon: green on the SLA report, red for customers, in ${formatPercent(water, 0)} of months.`
					: '') +
				(Math.abs(miss) >= 0.05
					? ` ${formatPercent(Math.abs(miss), 0)} ${miss > 0 ? 'more' : 'fewer'} contacts came than the vendor staffed for: a forecast miss on top of the scorecard's effect.`
					: '') +
				(marginShare < 0.05
					? ` Warning: the vendor's margin is only ${formatPercent(marginShare, 1)} of its revenue (break-even price ${formatMoney(breakEven, cur, 2)} against ${formatMoney(d.price.rate, cur, 2)}); few vendors would sign this, or they would cut corners the model does not show.`
					: '')
		);
	});
	for (let i = 1; i < scenario.drafts.length; i++) {
		const a = scenario.drafts[0].name;
		const b = scenario.drafts[i].name;
		const parts: string[] = [];
		const say = (key: 'repeatContactRate' | 'csatTrue' | 'fcrTrue', what: string) => {
			const dd = diff(summary, 0, i, key);
			if (!dd || dd.n < 2) return;
			if (dd.significant)
				parts.push(
					`${what} by ${formatDiff(dd.mean, 'fraction', cur)} (95 % CI ${formatDiff(dd.ci95[0], 'fraction', cur)} to ${formatDiff(dd.ci95[1], 'fraction', cur)})`
				);
			else parts.push(`${what} by no clear amount`);
		};
		say('repeatContactRate', 'changes the repeat-contact rate');
		say('fcrTrue', 'true resolution');
		say('csatTrue', 'true CSAT');
		const before = diff(summary, 0, i, 'clientCostBeforeChurn');
		const cost = diff(summary, 0, i, 'clientTotalCost');
		const margin = diff(summary, 0, i, 'vendorMargin');
		let money = '';
		if (before && cost && cost.n > 1) {
			money =
				(before.significant
					? ` What the client pays out (fees, credits, bonuses and its own cost of repeats) moves by ${formatDiff(before.mean, 'money', cur)} per period`
					: ` What the client pays out (fees, credits, bonuses and its own cost of repeats) is not clearly different`) +
				(cost.significant
					? `; counting the margin of lost customers, its total cost moves by ${formatDiff(cost.mean, 'money', cur)}`
					: `; counting the margin of lost customers, its total cost is not clearly different`);
			if (margin && margin.n > 1)
				money += margin.significant
					? `, and the vendor's margin by ${formatDiff(margin.mean, 'money', cur)}.`
					: `, and the vendor's margin is not clearly different.`;
			else money += '.';
		}
		if (parts.length)
			out.push(`Compared with ${a}, ${b} ${parts.join(', ')}, on the same simulated customers.${money}`);
	}
	const costs = scenario.drafts.map((_, i) => metric(summary, i, 'clientTotalCost').mean);
	const paid = scenario.drafts.map((_, i) => metric(summary, i, 'clientCostBeforeChurn').mean);
	const best = costs.indexOf(Math.min(...costs));
	const bestPaid = paid.indexOf(Math.min(...paid));
	out.push(
		`Over ${months} simulated months, the lowest total cost for the client is under ${scenario.drafts[best].name} ` +
			`(${formatMoneyCompact(costs[best], cur)} per period on average, of which ${formatMoneyCompact(costs[best] - paid[best], cur)} is the margin of lost customers); ` +
			(bestPaid === best
				? 'it is also the cheapest before lost customers.'
				: `before lost customers, ${scenario.drafts[bestPaid].name} is cheaper (${formatMoneyCompact(paid[bestPaid], cur)}).`)
	);
	return out;
}
