import { scenarioJsonSchema } from '$lib/core/schema/scenario';
import { BEHAVIOUR_PARAM_META, type BehaviourParamKey } from '$lib/core/behaviour';
import type { JsonSchema, Path } from './jsonschema';
import type { FieldNote } from './context';

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
	'demand.busynessCV': { unit: 'fraction', source: 'Usual day-to-day forecast error: about 10 %.' },
	'customers.callbackProbability': {
		unit: 'fraction',
		source: 'Usually 80 %: most customers with an unresolved issue come back.'
	},
	'customers.surveyResponseRate': {
		unit: 'fraction',
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
		unit: 'fraction',
		source:
			'Illustrative (0.1): enter your own figure. Counted apart from customers lost after unresolved service: many who hang up found the answer elsewhere.'
	},
	'staffing.shrinkage': {
		unit: 'fraction',
		source: 'Industry 20-35 %, 30 % usual: with 30 %, 70 agents on the phones need 100 scheduled.'
	},
	'staffing.targetServiceLevel': { unit: 'fraction', source: '80/20 is the common default.' },
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
	'atRisk.percentOfInvoice': { unit: 'fraction', source: 'Market standard 10-12 % of the monthly invoice.' },
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
		unit: 'fraction',
		source:
			'Illustrative (0.3): enter your own figure. A customer whose issue an agent handled but did not resolve, and who then gives up, is much more likely to leave; test it with Sensitivity.'
	},
	'customers.redialProbability': {
		unit: 'fraction',
		source: 'Assumption: about half of abandoners try again.'
	},
	'staffing.method': { source: 'Vendors plan with Erlang C or Erlang A to a target service level.' },
	'staffing.occupancyCap': { unit: 'fraction', source: 'Common planning cap 85-90 %.' },
	'staffing.plannedAhtSeconds': { unit: 'seconds or auto' },
	'costs.agentCostPerPaidHour': {
		unit: 'currency/hour',
		source: 'Assumption: a fully loaded offshore/nearshore BPO agent hour.'
	},
	'customerOutcomeFloor.fcr': { unit: 'fraction', source: 'SQM Group: FCR of 70-79 % is "good".' },
	'customerOutcomeFloor.csat': { unit: 'fraction', source: 'SQM Group industry CSAT figures run 68-81 %.' },
	'earnBack.months': { unit: 'months' },
	'volumeRelief.band': { unit: 'fraction above forecast' },
	'price.fteHoursPerMonth': { unit: 'hours' }
};

/** A unit read off the field's name or rule when no note gives one (workSeconds.mean is in seconds). */
export function inferUnit(path: Path, schema: JsonSchema): string | undefined {
	const names = path.filter((p): p is string => typeof p === 'string');
	const own = names[names.length - 1] ?? '';
	const named = ['mean', 'values'].includes(own) ? (names[names.length - 2] ?? '') : own;
	if (/Seconds$/.test(named)) return 'seconds';
	if (/Minutes$/.test(named)) return 'minutes';
	if (/Hours?$/.test(named)) return 'hours';
	if ((schema as { unit?: string }).unit === 'share') return 'fraction 0-1';
	if (/in the currency/.test(schema.description ?? '')) return 'currency';
	return undefined;
}

/** Notes for a field: behaviour parameters carry their own label, unit, help and source. */
export function noteFor(path: Path): FieldNote | undefined {
	const last = path[path.length - 1];
	const meta = typeof last === 'string' ? BEHAVIOUR_PARAM_META[last as BehaviourParamKey] : undefined;
	if (meta) return { label: meta.label, unit: meta.unit, help: meta.help, source: meta.source };
	// Notes are keyed without the leading "assumptions." or "drafts.N.".
	const key = (path[0] === 'drafts' ? path.slice(2) : path[0] === 'assumptions' ? path.slice(1) : path).join(
		'.'
	);
	return NOTES[key];
}
