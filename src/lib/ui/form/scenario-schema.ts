import { scenarioJsonSchema } from '$lib/core/schema/scenario';
import { BEHAVIOUR_PARAM_META, type BehaviourParamKey } from '$lib/core/behaviour';
import { discriminator, getIn, rangeText, type JsonSchema, type Path } from './jsonschema';
import type { FieldNote } from './context';
import { SCORECARD_KEYS, SECONDS_METRICS } from '$lib/core/schema/draft';

/** The scenario's JSON Schema, generated from the zod schema: the forms are built from it. */
export const SCENARIO_JSON_SCHEMA = scenarioJsonSchema() as JsonSchema;

export const ASSUMPTIONS_SCHEMA = SCENARIO_JSON_SCHEMA.properties!.assumptions;
export const DRAFT_SCHEMA = SCENARIO_JSON_SCHEMA.properties!.drafts.items!;

/** Labels, units and sources beyond the schema's own descriptions, for the fields a negotiator will question. */
const NOTES: Record<string, FieldNote> = {
	'calendar.days': { unit: 'days', source: 'One month of 30 days.' },
	'calendar.intervalMinutes': { unit: 'minutes' },
	'calendar.openHour': { unit: 'hour of day' },
	'calendar.closeHour': { unit: 'hour of day' },
	'demand.firstContactsPerDay': { unit: 'contacts/day' },
	'demand.busynessCV': { unit: '%', source: 'Usual day-to-day forecast error: about 10 %.' },
	'customers.callbackProbability': {
		unit: '%',
		source: 'Usually 80 %: most customers with an unresolved issue come back.'
	},
	'customers.surveyResponseRate': {
		unit: '%',
		source: 'Industry: 10-15 % of customers answer a survey.'
	},
	'customers.maxAttempts': { unit: 'contacts' },
	'customers.lifetimeValue': {
		label: 'Margin a lost customer would have brought',
		unit: 'currency',
		source:
			'Illustrative (400): enter your own figure, the future gross margin of an average customer (not revenue). It decides most of the client\u2019s total cost; see the sensitivity tornado.'
	},
	'customers.churnOnAbandon': {
		label: 'Lost after abandoning without service',
		unit: '%',
		source:
			'Illustrative (10 %): enter your own figure. Counted apart from customers lost after unresolved service: many who hang up found the answer elsewhere.'
	},
	'staffing.shrinkage': {
		unit: '%',
		source: 'Industry 20-35 %, 30 % usual: with 30 %, 70 agents on the phones need 100 scheduled.'
	},
	'staffing.targetServiceLevel': { unit: '%', source: '80/20 is the common default.' },
	'staffing.targetSeconds': { unit: 'seconds', source: '80/20 is the common default.' },
	'qa.evaluationsPerAgentPerMonth': { unit: 'evaluations', source: 'SQM Group: about 6 per agent a month.' },
	'costs.clientCostPerRepeatContact': {
		label: 'Client\u2019s own cost per repeat contact',
		unit: 'currency/contact',
		source:
			'Illustrative (5): enter your own figure. What the client spends itself on each repeat (escalations, goodwill, internal handling), on top of the vendor\u2019s fee for that contact, which is already in the fees.'
	},
	'staffing.planningForecast': {
		label: 'Forecast the vendor staffs to',
		source:
			'A vendor\u2019s planning team re-forecasts the contacts per issue and handle time it expects under its own agents\u2019 behaviour. "Client" keeps the client\u2019s own forecast, to see a forecast miss.'
	},
	'atRisk.percentOfInvoice': {
		unit: '% of the invoice',
		source: 'Market standard 10-12 % of the monthly invoice.'
	},
	'price.rate': { unit: 'currency per unit of the price model' },
	shortAbandonSeconds: { unit: 'seconds', source: 'Contracts often exclude abandons under 5 s.' },
	'vendor.staffingPolicyFactor': { unit: 'x plan' },
	'demand.forecastContactsPerIssue': {
		unit: 'contacts per issue',
		source: 'Assumption: a client that knows its repeat rate forecasts about 1.25 contacts per issue.'
	},
	'demand.actualToForecast': {
		unit: 'x forecast',
		source: '1 = an unbiased forecast; the forecast-risk preset uses 1.2.'
	},
	'customers.patienceSeconds': {
		source: 'Exponential patience by default (the Erlang A assumption, Garnett et al. 2002).'
	},
	'customers.churnOnGiveUp': {
		label: 'Lost after unresolved service',
		unit: '%',
		source:
			'Illustrative (30 %): enter your own figure. A customer whose issue an agent handled but did not resolve, and who then gives up, is much more likely to leave; test it with Sensitivity.'
	},
	'customers.redialProbability': {
		unit: '%',
		source: 'Assumption: about half of abandoners try again.'
	},
	'staffing.method': { source: 'Vendors plan with Erlang C or Erlang A to a target service level.' },
	'staffing.occupancyCap': { unit: '%', source: 'Common planning cap 85-90 %.' },
	'staffing.plannedAhtSeconds': { unit: 'seconds, or auto' },
	'costs.agentCostPerPaidHour': {
		unit: 'currency/hour',
		source: 'Assumption: a fully loaded offshore/nearshore BPO agent hour.'
	},
	'customerOutcomeFloor.fcr': { unit: '%', source: 'SQM Group: FCR of 70-79 % is "good".' },
	'customerOutcomeFloor.csat': { unit: '%', source: 'SQM Group industry CSAT figures run 68-81 %.' },
	'earnBack.months': { unit: 'months' },
	'volumeRelief.band': { unit: '% above forecast' },
	'staffing.absenteeism': { unit: '%' },
	'price.fteHoursPerMonth': { unit: 'hours' },
	...Object.fromEntries(SCORECARD_KEYS.map((k) => [`scorecard.weights.${k}`, { unit: 'relative weight' }]))
};

/** A unit read off the field's name when no note gives one (workSeconds.mean is in seconds). */
export function inferUnit(path: Path, schema: JsonSchema): string | undefined {
	const names = path.filter((p): p is string => typeof p === 'string');
	const own = names[names.length - 1] ?? '';
	const named = ['mean', 'values'].includes(own) ? (names[names.length - 2] ?? '') : own;
	if (/Seconds$/.test(named)) return 'seconds';
	if (/Minutes$/.test(named)) return 'minutes';
	// "contactsPerHour" is a rate, not a duration
	if (/Hours?$/.test(named) && !/Per[A-Z]?[a-z]*Hours?$/.test(named)) return 'hours';
	if (/in the currency/.test(schema.description ?? '')) return 'currency';
	return undefined;
}

/**
 * Behaviour parameters stated as fractions, and the units they read as percentages: the file keeps
 * 0.25, the form shows 25 %.
 */
const PERCENT_UNITS: Record<string, string> = {
	fraction: '%',
	probability: '%',
	'fraction of contacts': '% of contacts',
	'fraction of talk time': '% of talk time',
	'fraction of agents': '% of agents',
	'fraction of required work': '% of the work',
	'share of the monthly invoice': '% of the monthly invoice',
	'fraction per minute': '% per minute waited',
	'fraction per attempt': '% per extra contact'
};

/** Draft and assumption fields (indices dropped) that are shares without a note saying so. */
const PERCENT_KEYS = new Set([
	'metrics.share',
	'metrics.poolAllocation',
	'metrics.credit.perPoint',
	'metrics.credit.cap',
	'atRisk.poolAllocation',
	'atRisk.cap',
	'bonuses.percentOfInvoice',
	'intents.share',
	'intents.resolvability'
]);

const noteKey = (path: Path) =>
	(path[0] === 'drafts' ? path.slice(2) : path[0] === 'assumptions' ? path.slice(1) : path).join('.');

/**
 * Whether a number field is a share, edited and shown as a percentage (typing 10 stores 0.1).
 * `sibling` reads a value next to the field: a metric's target and a bonus's threshold are shares
 * unless the metric is measured in seconds.
 */
export function isPercentField(path: Path, schema: JsonSchema, sibling: (key: string) => unknown): boolean {
	const note = noteFor(path);
	if (note?.unit !== undefined) return note.unit.startsWith('%');
	// the schema marks its shares (a target's rule depends on its metric: read below)
	if ((schema as { unit?: string }).unit === 'share') return true;
	const own = noteKey(path)
		.split('.')
		.filter((p) => !/^\d+$/.test(p))
		.join('.');
	if (PERCENT_KEYS.has(own)) return true;
	if (own === 'metrics.target' || own === 'bonuses.threshold') {
		const metric = sibling('metric');
		return typeof metric === 'string' && !(SECONDS_METRICS as readonly string[]).includes(metric);
	}
	return false;
}

/** Notes for a field: behaviour parameters carry their own label, unit, help and source. */
export function noteFor(path: Path): FieldNote | undefined {
	const last = path[path.length - 1];
	const meta = typeof last === 'string' ? BEHAVIOUR_PARAM_META[last as BehaviourParamKey] : undefined;
	if (meta)
		return {
			label: meta.label,
			unit: PERCENT_UNITS[meta.unit] ?? meta.unit,
			help: meta.help,
			source: meta.source
		};
	// Notes are keyed without the leading "assumptions." or "drafts.N.".
	return NOTES[noteKey(path)];
}

/** The schema of the field at a path of a scenario, following each union's branch by the value's tag. */
export function schemaAt(path: Path, input: unknown): JsonSchema | undefined {
	let schema: JsonSchema | undefined = SCENARIO_JSON_SCHEMA;
	for (let i = 0; i < path.length && schema; i++) {
		const union = discriminator(schema);
		if (union) {
			const tag = getIn(input, [...path.slice(0, i), union.key]);
			schema = union.options.find((o) => o.properties![union.key].const === tag) ?? union.options[0];
		}
		const key = path[i];
		schema = typeof key === 'number' ? schema.items : schema.properties?.[key];
	}
	return schema;
}

/**
 * The rule of a percentage field said in percent ("Must be from 0 % to 100 %."), when its value is
 * out of range: the file's own rule speaks of fractions, which the user never typed.
 */
export function percentRule(path: Path, input: unknown): string | null {
	const schema = schemaAt(path, input);
	const value = getIn(input, path);
	if (!schema || typeof value !== 'number') return null;
	const sibling = (key: string) => getIn(input, [...path.slice(0, -1), key]);
	if (!isPercentField(path, schema, sibling)) return null;
	const outside =
		(schema.minimum !== undefined && value < schema.minimum) ||
		(schema.maximum !== undefined && value > schema.maximum);
	const range = rangeText(schema, 100);
	return outside && range ? `Must be ${range.includes(' to ') ? 'from ' : ''}${range}.` : null;
}
