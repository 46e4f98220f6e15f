/**
 * The per-replication scalar results of one draft: the shared vocabulary of the CLI's JSON keys,
 * the statistics and the UI's result table. A replication of a draft yields one Float64Array of
 * length METRIC_COUNT, indexed by METRIC_INDEX[key]. Fractions are 0..1, times in seconds,
 * money in the scenario's currency, counts are per period (the whole horizon).
 *
 * Add keys at the end only. Every key is documented in the README's results table.
 */
export type MetricKind = 'fraction' | 'seconds' | 'money' | 'count' | 'flag' | 'ratio';
export type MetricGroup = 'service' | 'customer' | 'money' | 'volume';

export interface MetricDef {
	key: string;
	label: string;
	kind: MetricKind;
	group: MetricGroup;
	/** +1 when more is better for the client's customers / the named side, -1 when less is better, 0 neutral. */
	better: 1 | -1 | 0;
	help: string;
}

export const METRICS = [
	{
		key: 'serviceLevel',
		label: 'Service level',
		kind: 'fraction',
		group: 'service',
		better: 1,
		help: "Share of contacts answered within the SL threshold, by the first draft metric's definition (of offered by default)."
	},
	{
		key: 'asa',
		label: 'ASA',
		kind: 'seconds',
		group: 'service',
		better: -1,
		help: 'Average speed of answer: mean wait of answered contacts.'
	},
	{
		key: 'abandonRate',
		label: 'Abandon rate',
		kind: 'fraction',
		group: 'service',
		better: -1,
		help: 'Share of offered contacts abandoned (short abandons excluded when the contract says so).'
	},
	{
		key: 'aht',
		label: 'AHT',
		kind: 'seconds',
		group: 'service',
		better: 0,
		help: 'Average handle time: talk plus after-call work per handled contact.'
	},
	{
		key: 'occupancy',
		label: 'Occupancy',
		kind: 'fraction',
		group: 'service',
		better: 0,
		help: "Share of agents' time on the phones spent handling contacts."
	},
	{
		key: 'fcr',
		label: 'FCR (as measured)',
		kind: 'fraction',
		group: 'customer',
		better: 1,
		help: 'First-contact resolution as the contract measures it: handled contacts with no repeat of the same issue within N days.'
	},
	{
		key: 'fcrTrue',
		label: 'FCR (true)',
		kind: 'fraction',
		group: 'customer',
		better: 1,
		help: "Share of handled contacts that truly resolved the customer's issue."
	},
	{
		key: 'repeatContactRate',
		label: 'Repeat-contact rate',
		kind: 'fraction',
		group: 'customer',
		better: -1,
		help: 'Share of offered contacts that are callbacks about an issue already handled and not resolved.'
	},
	{
		key: 'csat',
		label: 'CSAT (as measured)',
		kind: 'fraction',
		group: 'customer',
		better: 1,
		help: 'Share of returned surveys that are satisfied: a random sample, so it carries sampling noise.'
	},
	{
		key: 'csatTrue',
		label: 'CSAT (true)',
		kind: 'fraction',
		group: 'customer',
		better: 1,
		help: 'Expected satisfaction over every handled contact, not just surveyed ones.'
	},
	{
		key: 'qaScore',
		label: 'QA score (as measured)',
		kind: 'fraction',
		group: 'customer',
		better: 1,
		help: 'Mean score of the random QA evaluations (a few per agent per month).'
	},
	{
		key: 'qaTrue',
		label: 'QA score (true)',
		kind: 'fraction',
		group: 'customer',
		better: 1,
		help: 'Expected QA score over every handled contact.'
	},
	{
		key: 'contactsPerIssue',
		label: 'Contacts per issue',
		kind: 'ratio',
		group: 'customer',
		better: -1,
		help: 'Handled contacts per customer issue that reached an agent.'
	},
	{
		key: 'churnedCustomers',
		label: 'Churned customers',
		kind: 'count',
		group: 'customer',
		better: -1,
		help: 'Customers lost after giving up on an unresolved issue.'
	},
	{
		key: 'offered',
		label: 'Offered contacts',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'All contacts that arrived, first contacts, callbacks and redials.'
	},
	{
		key: 'forecast',
		label: 'Forecast contacts',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: "The client's forecast of offered contacts for the period."
	},
	{
		key: 'handled',
		label: 'Handled contacts',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Contacts answered and handled to the end.'
	},
	{
		key: 'fees',
		label: 'Fees',
		kind: 'money',
		group: 'money',
		better: 0,
		help: 'What the client pays the vendor under the price model, before credits and bonuses.'
	},
	{
		key: 'credits',
		label: 'Service credits',
		kind: 'money',
		group: 'money',
		better: 0,
		help: 'Penalties the vendor owes for missed targets, after caps, earn-back and volume relief.'
	},
	{
		key: 'bonuses',
		label: 'Bonuses',
		kind: 'money',
		group: 'money',
		better: 0,
		help: 'Outcome bonuses the client pays the vendor.'
	},
	{
		key: 'vendorRevenue',
		label: 'Vendor revenue',
		kind: 'money',
		group: 'money',
		better: 0,
		help: 'Fees - credits + bonuses.'
	},
	{
		key: 'vendorCost',
		label: 'Vendor cost',
		kind: 'money',
		group: 'money',
		better: 0,
		help: 'Paid agent hours x cost per paid hour.'
	},
	{
		key: 'vendorMargin',
		label: 'Vendor margin',
		kind: 'money',
		group: 'money',
		better: 0,
		help: 'Vendor revenue - vendor cost.'
	},
	{
		key: 'repeatCost',
		label: 'Client cost of repeats',
		kind: 'money',
		group: 'money',
		better: -1,
		help: "The client's own cost of handling the repeat contacts (escalations, goodwill, internal work), on top of the vendor's fee for them."
	},
	{
		key: 'churnCost',
		label: 'Lost customer margin',
		kind: 'money',
		group: 'money',
		better: -1,
		help: 'Churned customers x the margin a lost customer would still have brought the client.'
	},
	{
		key: 'clientTotalCost',
		label: 'Client total cost',
		kind: 'money',
		group: 'money',
		better: -1,
		help: 'Fees - credits + bonuses + cost of repeats + lost customer margin.'
	},
	{
		key: 'slaMet',
		label: 'SLA met',
		kind: 'flag',
		group: 'service',
		better: 1,
		help: '1 when every contract metric met its target in the period, else 0; no value (n/a) for a draft with no contract metric.'
	},
	{
		key: 'watermelon',
		label: 'Watermelon',
		kind: 'flag',
		group: 'customer',
		better: -1,
		help: '1 when the SLA reads met while true FCR or true CSAT is below the customer-outcome floor.'
	},
	{
		key: 'metServiceLevel',
		label: 'Service level target met',
		kind: 'flag',
		group: 'service',
		better: 1,
		help: '1 when every service-level clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metAsa',
		label: 'ASA target met',
		kind: 'flag',
		group: 'service',
		better: 1,
		help: '1 when every ASA clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metAbandonRate',
		label: 'Abandon-rate target met',
		kind: 'flag',
		group: 'service',
		better: 1,
		help: '1 when every abandon-rate clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metAht',
		label: 'AHT target met',
		kind: 'flag',
		group: 'service',
		better: 1,
		help: '1 when every AHT clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metFcr',
		label: 'FCR target met',
		kind: 'flag',
		group: 'customer',
		better: 1,
		help: '1 when every FCR clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metRepeatContactRate',
		label: 'Repeat-rate target met',
		kind: 'flag',
		group: 'customer',
		better: 1,
		help: '1 when every repeat-contact clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metCsat',
		label: 'CSAT target met',
		kind: 'flag',
		group: 'customer',
		better: 1,
		help: '1 when every CSAT clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'metQaScore',
		label: 'QA target met',
		kind: 'flag',
		group: 'customer',
		better: 1,
		help: '1 when every QA clause met its target in every month; no value (n/a) when the draft has no such clause.'
	},
	{
		key: 'firstContacts',
		label: 'First contacts',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Contacts that opened a new customer issue.'
	},
	{
		key: 'repeatContacts',
		label: 'Repeat contacts',
		kind: 'count',
		group: 'volume',
		better: -1,
		help: 'Callbacks about an issue that was handled and not resolved.'
	},
	{
		key: 'redials',
		label: 'Redials',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Contacts from customers trying again after abandoning.'
	},
	{
		key: 'abandoned',
		label: 'Abandoned contacts',
		kind: 'count',
		group: 'volume',
		better: -1,
		help: 'Contacts whose caller hung up before an answer.'
	},
	{
		key: 'resolvedContacts',
		label: 'Resolving contacts',
		kind: 'count',
		group: 'volume',
		better: 1,
		help: 'Handled contacts that resolved the issue.'
	},
	{
		key: 'giveUps',
		label: 'Give-ups',
		kind: 'count',
		group: 'customer',
		better: -1,
		help: 'Customer issues abandoned unresolved after the last attempt.'
	},
	// The repeat loop by stage (fields.ts, HANDLED_ATTEMPT_k ...): stage k = an issue's k-th handled
	// contact. Per stage: handled = resolved + called back + gave up + still open at the end.
	{
		key: 'handledAttempt1',
		label: 'Handled, stage 1',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: "Handled contacts that were their issue's 1st handled contact (redials after abandons do not count as stages)."
	},
	{
		key: 'handledAttempt2',
		label: 'Handled, stage 2',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: "Handled contacts that were their issue's 2nd handled contact (redials after abandons do not count as stages)."
	},
	{
		key: 'handledAttempt3',
		label: 'Handled, stage 3',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: "Handled contacts that were their issue's 3rd handled contact (redials after abandons do not count as stages)."
	},
	{
		key: 'handledAttempt4',
		label: 'Handled, stage 4+',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: "Handled contacts that were their issue's 4th or later handled contact (redials after abandons do not count as stages)."
	},
	{
		key: 'resolvedAttempt1',
		label: 'Resolved, stage 1',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Issues resolved on their 1st handled contact.'
	},
	{
		key: 'resolvedAttempt2',
		label: 'Resolved, stage 2',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Issues resolved on their 2nd handled contact.'
	},
	{
		key: 'resolvedAttempt3',
		label: 'Resolved, stage 3',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Issues resolved on their 3rd handled contact.'
	},
	{
		key: 'resolvedAttempt4',
		label: 'Resolved, stage 4+',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Issues resolved on their 4th or later handled contact.'
	},
	{
		key: 'callbacksAfter1',
		label: 'Called back after stage 1',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 1st handled contacts after which the customer came back and reached an agent again.'
	},
	{
		key: 'callbacksAfter2',
		label: 'Called back after stage 2',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 2nd handled contacts after which the customer came back and reached an agent again.'
	},
	{
		key: 'callbacksAfter3',
		label: 'Called back after stage 3',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 3rd handled contacts after which the customer came back and reached an agent again.'
	},
	{
		key: 'callbacksAfter4',
		label: 'Called back after stage 4+',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 4th or later handled contacts after which the customer came back and reached an agent again.'
	},
	{
		key: 'giveUpsAfter1',
		label: 'Gave up after stage 1',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 1st handled contacts after which the customer gave up (churned or not) without reaching an agent again.'
	},
	{
		key: 'giveUpsAfter2',
		label: 'Gave up after stage 2',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 2nd handled contacts after which the customer gave up (churned or not) without reaching an agent again.'
	},
	{
		key: 'giveUpsAfter3',
		label: 'Gave up after stage 3',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 3rd handled contacts after which the customer gave up (churned or not) without reaching an agent again.'
	},
	{
		key: 'giveUpsAfter4',
		label: 'Gave up after stage 4+',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 4th or later handled contacts after which the customer gave up (churned or not) without reaching an agent again.'
	},
	{
		key: 'churnedAfter1',
		label: 'Churned after stage 1',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 1st handled contacts after which the customer gave up without reaching an agent again and churned (the churned part of giveUpsAfter1).'
	},
	{
		key: 'churnedAfter2',
		label: 'Churned after stage 2',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 2nd handled contacts after which the customer gave up without reaching an agent again and churned (the churned part of giveUpsAfter2).'
	},
	{
		key: 'churnedAfter3',
		label: 'Churned after stage 3',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 3rd handled contacts after which the customer gave up without reaching an agent again and churned (the churned part of giveUpsAfter3).'
	},
	{
		key: 'churnedAfter4',
		label: 'Churned after stage 4+',
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'Unresolved 4th or later handled contacts after which the customer gave up without reaching an agent again and churned (the churned part of giveUpsAfter4).'
	},
	{
		key: 'clientCostBeforeChurn',
		label: 'Client cost before lost customers',
		kind: 'money',
		group: 'money',
		better: -1,
		help: 'Fees - credits + bonuses + cost of repeats: what the client pays out, without the margin of lost customers.'
	},
	{
		key: 'churnedUnserved',
		label: 'Lost after abandoning',
		kind: 'count',
		group: 'volume',
		better: -1,
		help: 'Of churned customers: those who hung up in the queue, did not call again and never reached an agent about the issue.'
	},
	{
		key: 'vendorMarginShare',
		label: 'Vendor margin, share of revenue',
		kind: 'ratio',
		group: 'money',
		better: 0,
		help: 'Vendor margin / vendor revenue (below 0 for a loss).'
	},
	{
		key: 'breakEvenPrice',
		label: 'Break-even price',
		kind: 'money',
		group: 'money',
		better: 0,
		help: "The price rate at which the vendor's margin would be zero, with credits and bonuses scaling with the invoice: rate x vendor cost / vendor revenue."
	},
	{
		key: 'plannedContacts',
		label: "Vendor's forecast contacts",
		kind: 'count',
		group: 'volume',
		better: 0,
		help: 'The offered contacts the vendor staffed for: its re-forecast under its own behaviour (or the client forecast, when the scenario plans on it).'
	},
	{
		key: 'forecastMiss',
		label: "Volume vs vendor's forecast",
		kind: 'ratio',
		group: 'volume',
		better: 0,
		help: "Offered / vendor's forecast - 1: above 0, more contacts came than the vendor staffed for (a forecast miss, apart from the scorecard's effect)."
	},
	{
		key: 'watchList',
		label: 'Months on the watch list',
		kind: 'count',
		group: 'money',
		better: -1,
		help: "Months the vendor spent on the watch list (remediation after chronic failure) under the draft's governance clauses; n/a without them."
	},
	{
		key: 'terminationRisk',
		label: 'Termination right',
		kind: 'flag',
		group: 'money',
		better: -1,
		help: 'Whether the client gained the right to terminate for chronic failure within the term (as a mean: the share of replications); n/a without governance clauses.'
	},
	{
		key: 'vendorTerminationCost',
		label: "Vendor's termination cost",
		kind: 'money',
		group: 'money',
		better: -1,
		help: 'What termination costs the vendor: the margin of the months after the right arose, which it loses, plus any termination fee; 0 when no right arose.'
	},
	{
		key: 'clientTerminationCost',
		label: "Client's termination cost",
		kind: 'money',
		group: 'money',
		better: -1,
		help: 'What termination costs the client: its transition cost to another vendor less any termination fee it receives; 0 when no right arose.'
	},
	{
		key: 'vendorTermMargin',
		label: 'Vendor margin over the term',
		kind: 'money',
		group: 'money',
		better: 1,
		help: 'Vendor margin less its termination cost: what the vendor keeps when the client terminates as soon as the right arises (the vendor margin when it does not).'
	},
	{
		key: 'clientTermCost',
		label: 'Client cost over the term',
		kind: 'money',
		group: 'money',
		better: -1,
		help: "Client's total cost plus its termination cost (the months after a termination are assumed to cost what this draft's months cost)."
	}
] as const satisfies readonly MetricDef[];

export type MetricKey = (typeof METRICS)[number]['key'];

/** The met flag of each contract metric name. */
export const MET_KEY = {
	serviceLevel: 'metServiceLevel',
	asa: 'metAsa',
	abandonRate: 'metAbandonRate',
	aht: 'metAht',
	fcr: 'metFcr',
	repeatContactRate: 'metRepeatContactRate',
	csat: 'metCsat',
	qaScore: 'metQaScore'
} as const satisfies Record<string, MetricKey>;
export const METRIC_COUNT = METRICS.length;
export const METRIC_INDEX = Object.fromEntries(METRICS.map((m, i) => [m.key, i])) as Record<
	MetricKey,
	number
>;

const UNIT: Record<MetricKind, string> = {
	fraction: 'fraction 0-1',
	seconds: 'seconds',
	money: 'currency, per period',
	count: 'count, per period',
	flag: 'share of replications',
	ratio: 'ratio'
};

/** The README's table of result keys (kept current by a test). */
export function metricKeysTable(): string {
	const rows = METRICS.map((m) => `| \`${m.key}\` | ${UNIT[m.kind]} | ${m.label}: ${m.help} |`);
	return ['| key | unit | meaning |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}
