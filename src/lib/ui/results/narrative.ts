/**
 * A few sentences that say what the numbers say, generated from the run summary (never canned):
 * each claim of a difference is made only when its 95 % interval excludes zero.
 */
import type { RunSummary } from '$lib/core/stats';
import type { Scenario } from '$lib/core/schema/scenario';
import { formatPercent, formatMoney, formatMoneyCompact, formatSeconds } from '../format';
import type { DiffSummary } from '$lib/core/stats';
import { metric, diff } from './view';

/**
 * The share of repeat contacts, said the same way everywhere (the story above the results and the
 * watermelon cards): one phrasing from one number, so that "1 in 3" never sits beside "29 %".
 */
export function repeatsText(share: number): string {
	return `${formatPercent(share, 0)} of contacts are repeats of an unresolved issue`;
}

/** A difference of two shares in words: "lowers ... by 9.1 percentage points (95 % interval: 9.0 to 9.2)". */
function shareChange(dd: DiffSummary, what: string): string {
	const pts = (v: number) => (Math.abs(v) * 100).toFixed(1);
	const [lo, hi] = [Math.abs(dd.ci95[0]), Math.abs(dd.ci95[1])].sort((x, y) => x - y);
	return `${dd.mean < 0 ? 'lowers' : 'raises'} ${what} by ${pts(dd.mean)} percentage points (95 % interval: ${pts(lo)} to ${pts(hi)})`;
}

/** A difference of money in words: "saves EUR 373 k" / "costs EUR 12 k more". */
function moneyChange(v: number, cur: string, less: string, more: string): string {
	return `${v < 0 ? less : more} ${formatMoneyCompact(Math.abs(v), cur)}`;
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
			`Under ${d.name}, ${slaText}${but} ${repeatsText(rep)}: ` +
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
			parts.push(
				dd.significant ? shareChange(dd, what) : `leaves ${what} about the same (no clear difference)`
			);
		};
		say('repeatContactRate', 'the share of repeat contacts');
		say('fcrTrue', 'the share of issues really resolved at the first contact');
		say('csatTrue', 'the share of customers really satisfied');
		const before = diff(summary, 0, i, 'clientCostBeforeChurn');
		const cost = diff(summary, 0, i, 'clientTotalCost');
		const margin = diff(summary, 0, i, 'vendorMargin');
		let money = '';
		if (before && cost && cost.n > 1) {
			money =
				(before.significant
					? ` What the client pays out a month (fees, credits, bonuses and its own cost of repeats): it ${moneyChange(before.mean, cur, 'saves', 'pays')}${before.mean < 0 ? '' : ' more'}`
					: ` What the client pays out a month (fees, credits, bonuses and its own cost of repeats) is about the same`) +
				(cost.significant
					? `; counting the margin of the customers it loses, its total cost ${moneyChange(cost.mean, cur, 'falls by', 'rises by')}`
					: `; counting the margin of the customers it loses, its total cost is about the same`);
			if (margin && margin.n > 1)
				money += margin.significant
					? `; the vendor's margin ${moneyChange(margin.mean, cur, 'falls by', 'rises by')}.`
					: `; the vendor's margin is about the same.`;
			else money += '.';
		}
		if (parts.length)
			out.push(`On the same simulated customers, ${b} compared with ${a} ${parts.join(', ')}.${money}`);
	}
	const costs = scenario.drafts.map((_, i) => metric(summary, i, 'clientTotalCost').mean);
	const paid = scenario.drafts.map((_, i) => metric(summary, i, 'clientCostBeforeChurn').mean);
	const best = costs.indexOf(Math.min(...costs));
	const bestPaid = paid.indexOf(Math.min(...paid));
	out.push(
		`Over ${months} simulated months, the lowest total cost for the client is under ${scenario.drafts[best].name} ` +
			`(${formatMoneyCompact(costs[best], cur)} a month on average, of which ${formatMoneyCompact(costs[best] - paid[best], cur)} is the margin of lost customers); ` +
			(bestPaid === best
				? 'it is also the cheapest before lost customers.'
				: `before lost customers, ${scenario.drafts[bestPaid].name} is cheaper (${formatMoneyCompact(paid[bestPaid], cur)}).`)
	);
	return out;
}
