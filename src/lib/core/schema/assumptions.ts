/**
 * Zod 4 schema of a scenario's shared assumptions: everything that is the same for every draft
 * (calendar, demand, contact intents, customers, agent behaviour, the vendor's staffing method, QA,
 * costs). Drafts (`draft.ts`) change only the contract and the vendor's levers.
 *
 * Conventions: every object is strict (unknown fields are errors) and every field is required
 * (a missing field is reported, not silently defaulted): a scenario file states all its assumptions.
 * `DEFAULT_ASSUMPTIONS` holds the documented defaults to start from. Units are in the field names
 * (Seconds, Minutes, Hours) or stated; fractions are 0..1; money is in the scenario's currency.
 */
import { z } from 'zod';
import { CustomerOutcomeFloorSchema } from './draft';
import {
	BEHAVIOUR_PARAMS,
	DEFAULT_BEHAVIOUR,
	paramKeys,
	type AgentBehaviour,
	type BehaviourParams,
	type ParamGroup,
	type QaParams,
	type SatisfactionParams
} from '../behaviour';
import { boundWords, optionList } from './messages';

// ---------------------------------------------------------------------------------------------
// Field helpers: every error names the rule; a missing field says "is required".

const typeError = (expected: string) => (iss: { input?: unknown }) =>
	iss.input === undefined ? `is required (${expected})` : `must be ${expected}`;

interface NumRule {
	min?: number;
	max?: number;
	gt?: number;
	int?: boolean;
	desc: string;
}

function num(rule: NumRule) {
	let s = z.number({ error: typeError(rule.int ? 'a whole number' : 'a number') });
	if (rule.int) s = s.int({ error: 'must be a whole number' });
	if (rule.gt !== undefined) s = s.gt(rule.gt, { error: `must be ${boundWords(rule.gt, true, false)}` });
	if (rule.min !== undefined) s = s.min(rule.min, { error: `must be ${boundWords(rule.min, true)}` });
	if (rule.max !== undefined) s = s.max(rule.max, { error: `must be ${boundWords(rule.max, false)}` });
	return s.meta({ description: rule.desc });
}

/** A strict object (unknown fields are errors) whose type error says "is required" / "must be an object". */
export function obj<T extends z.core.$ZodLooseShape>(shape: T) {
	return z.strictObject(shape, { error: typeError('an object') });
}

/** A share (80 % is 0.8 in a file); `unit: 'share'` in the JSON Schema tells the editor so. */
const fraction = (desc: string) =>
	z
		.number({ error: typeError('a number') })
		.min(0, { error: 'must be at least 0 %' })
		.max(1, { error: 'must be at most 100 % (in a scenario file, a share from 0 to 1: 0.8 for 80 %)' })
		.meta({ description: desc, unit: 'share' });
const str = (desc: string, max = 200) =>
	z
		.string({ error: typeError('text') })
		.max(max, { error: `must be at most ${max} characters` })
		.meta({ description: desc });

/** True when the value under refinement is a plain object (refinements run even if some fields failed). */
export const whenObject = {
	when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null
};
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * An array whose element errors are reported even when its length is wrong (zod's own min/max would
 * hide them); minItems/maxItems still go to the JSON Schema.
 */
export function countedArray<T extends z.ZodType>(item: T, min: number, max: number, what: string) {
	return z
		.array(item, { error: typeError(`a list of ${what}`) })
		.superRefine(
			(v, ctx) => {
				if (v.length < min)
					ctx.addIssue({ code: 'custom', message: `needs at least ${min} ${what} (has ${v.length})` });
				if (v.length > max)
					ctx.addIssue({ code: 'custom', message: `at most ${max} ${what} (has ${v.length})` });
			},
			{ when: (p) => Array.isArray(p.value) }
		)
		.meta({ minItems: min, maxItems: max });
}

// ---------------------------------------------------------------------------------------------
// Distributions

const positiveMean = (unit: string) => num({ gt: 0, desc: `The average, ${unit}.` });
const cv = num({
	gt: 0,
	max: 10,
	desc: 'How widely values spread around the average: the standard deviation divided by the average (0.5 = half the average).'
});

function distSchema(unit: string, allowNever: boolean) {
	const options = [
		obj({ kind: z.literal('exponential'), mean: positiveMean(unit) }),
		obj({ kind: z.literal('lognormal'), mean: positiveMean(unit), cv }),
		obj({ kind: z.literal('gamma'), mean: positiveMean(unit), cv }),
		obj({
			kind: z.literal('deterministic'),
			mean: num({ min: 0, desc: `The value, ${unit}.` })
		}),
		z
			.strictObject({
				kind: z.literal('empirical'),
				values: z
					.array(num({ min: 0, desc: `A value, ${unit}.` }), { error: typeError('a list of numbers') })
					.min(1, { error: 'needs at least one value' })
					.max(1000, { error: 'at most 1000 values' }),
				probs: z
					.array(num({ min: 0, desc: 'How often the value occurs, relative to the others.' }), {
						error: typeError('a list of numbers')
					})
					.min(1, { error: 'needs at least one weight' })
			})
			.superRefine((d, ctx) => {
				if (d.values.length !== d.probs.length)
					ctx.addIssue({
						code: 'custom',
						path: ['probs'],
						message: 'must have as many weights as there are values'
					});
				else if (!d.probs.some((p) => p > 0))
					ctx.addIssue({ code: 'custom', path: ['probs'], message: 'at least one weight must be above 0' });
			})
	];
	const kinds = ['exponential', 'lognormal', 'gamma', 'deterministic', 'empirical'];
	if (allowNever) {
		options.push(obj({ kind: z.literal('never') }) as never);
		kinds.push('never');
	}
	return z
		.discriminatedUnion('kind', options as unknown as [(typeof options)[0], ...(typeof options)[number][]], {
			error: (iss) =>
				iss.input === undefined
					? 'is required (a kind of spread and its average)'
					: `must be of a known kind: ${optionList(kinds)}`
		})
		.meta({
			description: `How it varies from one contact to the next, in ${unit}: an average with a random spread (exponential, lognormal or gamma), always the same value (deterministic), or a list of values with how often each occurs (empirical)${allowNever ? ', or never' : ''}.`
		});
}

export type DistSpec =
	| { kind: 'exponential'; mean: number }
	| { kind: 'lognormal'; mean: number; cv: number }
	| { kind: 'gamma'; mean: number; cv: number }
	| { kind: 'deterministic'; mean: number }
	| { kind: 'empirical'; values: number[]; probs: number[] }
	| { kind: 'never' };

// ---------------------------------------------------------------------------------------------
// Calendar

export const WEEKDAYS = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday'
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CalendarSchema = z
	.strictObject({
		days: num({ int: true, min: 1, max: 366, desc: 'Days simulated (usually 30, one month).' }),
		startWeekday: z
			.enum(WEEKDAYS, { error: typeError(`one of ${WEEKDAYS.join(', ')}`) })
			.meta({ description: 'Weekday of day 0.' }),
		openHour: num({ min: 0, max: 23.75, desc: 'Opening time, hours from midnight (8.5 = 08:30).' }),
		closeHour: num({ gt: 0, max: 24, desc: 'Closing time, hours from midnight.' }),
		intervalMinutes: z
			.union([z.literal(15), z.literal(30)], { error: typeError('15 or 30') })
			.meta({ description: 'Interval length in minutes: 15 or 30.' }),
		dayOfWeekProfile: z
			.array(num({ min: 0, desc: 'Relative volume of the weekday.' }), {
				error: typeError('an array of 7 numbers')
			})
			.length(7, { error: 'must have 7 entries, Monday to Sunday' })
			.meta({
				description:
					'Volume of each weekday, Monday to Sunday, relative to the others: scaled so that their average is 1, and the first contacts per day are the average day. 0 means no contacts that day.'
			}),
		intradayProfile: countedArray(num({ min: 0, desc: 'Relative volume.' }), 1, 96, 'entries').meta({
			description:
				'Volume over the open day, relative: one entry per open hour or one per interval, scaled to add up to the whole day.'
		})
	})
	.superRefine((c, ctx) => {
		if (!isNum(c.openHour) || !isNum(c.closeHour)) return;
		if (c.closeHour <= c.openHour) {
			ctx.addIssue({ code: 'custom', path: ['closeHour'], message: 'must be later than the opening time' });
			return;
		}
		if (c.intervalMinutes !== 15 && c.intervalMinutes !== 30) return;
		const minutes = (c.closeHour - c.openHour) * 60;
		const n = minutes / c.intervalMinutes;
		if (Math.abs(n - Math.round(n)) > 1e-9) {
			ctx.addIssue({
				code: 'custom',
				path: ['closeHour'],
				message: `open hours (${minutes} minutes) must be a whole number of ${c.intervalMinutes}-minute intervals`
			});
			return;
		}
		const hours = c.closeHour - c.openHour;
		if (Array.isArray(c.intradayProfile)) {
			const len = c.intradayProfile.length;
			if (len !== Math.round(n) && !(Number.isInteger(hours) && len === hours))
				ctx.addIssue({
					code: 'custom',
					path: ['intradayProfile'],
					message: `must have one entry per open hour (${hours}) or per interval (${Math.round(n)}); has ${len}`
				});
			else if (!c.intradayProfile.some((v) => v > 0))
				ctx.addIssue({
					code: 'custom',
					path: ['intradayProfile'],
					message: 'at least one entry must be above 0'
				});
		}
		if (Array.isArray(c.dayOfWeekProfile) && !c.dayOfWeekProfile.some((v) => v > 0))
			ctx.addIssue({
				code: 'custom',
				path: ['dayOfWeekProfile'],
				message: 'at least one entry must be above 0'
			});
	}, whenObject);
export type Calendar = z.infer<typeof CalendarSchema>;

/** Intervals in the open day of a (validated) calendar: the rows per day of the engine's table. */
export function openIntervalsPerDay(c: Pick<Calendar, 'openHour' | 'closeHour' | 'intervalMinutes'>): number {
	return Math.round(((c.closeHour - c.openHour) * 60) / c.intervalMinutes);
}

// ---------------------------------------------------------------------------------------------
// Demand

export const SpikeSchema = z
	.strictObject({
		day: num({ int: true, min: 0, desc: 'The day of the spike, counted from 0 (0 is the first day).' }),
		fromHour: num({ min: 0, max: 24, desc: 'Start, hours from midnight.' }),
		toHour: num({ min: 0, max: 24, desc: 'End, hours from midnight.' }),
		multiplier: num({
			min: 0,
			max: 20,
			desc: 'How many times the usual contacts arrive during the spike (2 = double).'
		})
	})
	.superRefine((s, ctx) => {
		if (isNum(s.toHour) && isNum(s.fromHour) && s.toHour <= s.fromHour)
			ctx.addIssue({ code: 'custom', path: ['toHour'], message: 'must be later than the start' });
	}, whenObject);

export const DemandSchema = obj({
	firstContactsPerDay: num({
		gt: 0,
		desc: "The client's forecast of first contacts (new customer issues) on an average day."
	}),
	forecastContactsPerIssue: num({
		min: 1,
		max: 5,
		desc: "The client's forecast of offered contacts per first contact (repeats and redials it expects, from history), e.g. 1.25."
	}),
	actualToForecast: num({
		gt: 0,
		max: 5,
		desc: 'Actual first contacts compared to the forecast: 1 = the forecast is right on average, 1.2 = a 20 % surge the forecast missed.'
	}),
	busynessCV: num({
		min: 0,
		max: 1,
		desc: 'How much one day differs from another at random, beyond the forecast: 0.10 means a typical day is about 10 % above or below it. Usually 0.10.'
	}),
	spikes: countedArray(SpikeSchema, 0, 100, 'spikes').meta({
		description: 'Events (campaigns, outages) that multiply the contacts arriving for a few hours.'
	})
});
export type Demand = z.infer<typeof DemandSchema>;

// ---------------------------------------------------------------------------------------------
// Intents

export const IntentSchema = obj({
	name: str('Name of the contact reason.', 60).min(1, { error: 'must not be empty' }),
	share: num({
		min: 0,
		desc: 'Share of first contacts, relative to the other contact reasons (they need not add up to 1).'
	}),
	workSeconds: distSchema('seconds', false).meta({
		description: 'Required work content per contact at full effort (talk time of an average agent), seconds.'
	}),
	acwSeconds: distSchema('seconds', false).meta({
		description: 'After-call work per handled contact, seconds.'
	}),
	resolvability: fraction('Chance that a contact at full effort by an average agent resolves the issue')
});
export type Intent = z.infer<typeof IntentSchema>;

// ---------------------------------------------------------------------------------------------
// Behaviour parameter groups (built from the documented table in behaviour.ts)

function paramGroupSchema(group: ParamGroup) {
	const shape: Record<string, z.ZodNumber | z.ZodDefault<z.ZodNumber>> = {};
	for (const m of BEHAVIOUR_PARAMS)
		if (m.group === group) {
			const field = num({
				min: m.min,
				max: m.max,
				int: m.integer,
				desc: `${m.label} (${m.unit}; usually ${m.default}${m.optional ? ', also when a file does not state it' : ''}). ${m.help} Source: ${m.source}`
			});
			shape[m.key] = m.optional ? field.default(m.default) : field;
		}
	return obj(shape);
}

export const BehaviourSchema = paramGroupSchema('agents').meta({
	description:
		'How agents react to the scorecard: the pressure to be fast it creates, the effort they then put in, and what that does to resolution, dumping and quality.'
}) as unknown as z.ZodType<AgentBehaviour>;
const SatisfactionSchema = paramGroupSchema('satisfaction') as unknown as z.ZodType<SatisfactionParams>;
const QaItemsSchema = paramGroupSchema('qa');

// ---------------------------------------------------------------------------------------------
// Customers

export const CustomersSchema = obj({
	patienceSeconds: distSchema('seconds', true).meta({
		description:
			'How long customers wait before hanging up, each time they try, in seconds; "never" means nobody hangs up.'
	}),
	redialProbability: fraction('Chance of redialling after abandoning'),
	redialDelayMinutes: distSchema('minutes', false).meta({
		description: 'Time from hanging up to calling again, in minutes.'
	}),
	callbackProbability: fraction('Chance of contacting again after an unresolved contact (usually 80 %).'),
	callbackDelayHours: distSchema('hours', false).meta({
		description: 'Time from an unresolved contact to the customer coming back, in hours (hours to days).'
	}),
	maxAttempts: num({
		int: true,
		min: 1,
		max: 50,
		desc: 'Most contacts per issue (first, redials, callbacks); an unresolved issue at its last attempt gives up.'
	}),
	churnOnGiveUp: fraction(
		'Chance that a customer who gives up on an issue an agent handled but did not resolve is lost'
	),
	churnOnAbandon: fraction(
		'Chance that a customer who hung up in the queue, did not call again and never reached an agent about the issue is lost'
	)
		.default(0.1)
		.meta({
			description:
				'Chance that a customer who hung up in the queue, did not call again and never reached an agent about the issue is lost. Usually 10 %, also when a file does not state it.',
			unit: 'share'
		}),
	lifetimeValue: num({
		min: 0,
		desc: 'Margin a lost customer would still have brought the client (future gross margin, not revenue), in the currency.'
	}),
	surveyResponseRate: fraction(
		'Share of handled contacts whose customer answers the satisfaction survey (usually 10-15 %).'
	),
	closedSpreadMinutes: num({
		min: 0,
		max: 24 * 60,
		desc: 'Customers who would call back while the centre is closed call after it opens, spread evenly over this many minutes (usually the open day, 720 for 08:00-20:00: they call back at some time of the next day).'
	}),
	satisfaction: SatisfactionSchema.meta({
		description:
			'How satisfied customers are after a contact: the chance a customer is satisfied, and what lowers it.'
	})
});
export type Customers = z.infer<typeof CustomersSchema>;

// ---------------------------------------------------------------------------------------------
// Staffing, QA, costs

export const StaffingSchema = z
	.strictObject({
		method: z
			.enum(['erlangC', 'erlangA', 'fixed'], {
				error: typeError(optionList(['erlangC', 'erlangA', 'fixed']))
			})
			.meta({
				description:
					'How the vendor plans its agents: with the Erlang C formula, with Erlang A (which counts customers hanging up, from their average patience), or a fixed number of agents.'
			}),
		targetServiceLevel: fraction(
			"The vendor's planning target: the share of contacts answered within the target seconds (e.g. 80 %)."
		),
		targetSeconds: num({
			gt: 0,
			max: 3600,
			desc: 'The seconds of the planning target (e.g. 20 in "80 % within 20 seconds").'
		}),
		planningForecast: z
			.enum(['vendor', 'client'], { error: typeError(optionList(['vendor', 'client'])) })
			.default('vendor')
			.meta({
				description:
					"Which forecast the vendor staffs to. Vendor (usual, also when a file does not state it): the client's first contacts times the contacts per issue the vendor expects from its own agents' behaviour (its planning team re-forecasts). Client: the client's forecast as given (its contacts per issue)."
			}),
		plannedAhtSeconds: z
			.union([num({ gt: 0, max: 36000, desc: 'Planned handle time, seconds.' }), z.literal('auto')], {
				error: typeError('a number of seconds, or automatic')
			})
			.meta({
				description:
					"The average handle time the vendor plans with, in seconds; automatic: the handle time it expects under the draft's scorecard (effort, dumping and the mix of agents)."
			}),
		shrinkage: num({
			min: 0,
			max: 0.9,
			desc: 'Share of paid time off the phones (breaks, training, meetings): with 30 %, 70 agents on the phones need 100 scheduled. Usually 30 %.'
		}),
		occupancyCap: num({
			gt: 0,
			max: 1,
			desc: 'The highest share of their time the vendor plans agents to be busy with customers (e.g. 90 %).'
		}),
		absenteeism: num({
			min: 0,
			max: 0.5,
			desc: 'Chance that a planned agent is absent on a day, beyond the time off the phones already planned.'
		}),
		minAgents: num({
			int: true,
			min: 0,
			max: 1000,
			desc: 'Fewest agents on the phones in any interval where contacts are forecast.'
		}),
		fixedAgents: z
			.union(
				[
					num({ int: true, min: 0, max: 100000, desc: 'Agents on the phones in every interval.' }),
					z.array(num({ int: true, min: 0, max: 100000, desc: 'Agents on the phones.' })).min(1),
					z.null()
				],
				{ error: typeError('a whole number, a list of whole numbers, or empty') }
			)
			.meta({
				description:
					'Fixed number of agents only: agents on the phones, one number or one per interval of the day; empty for the other methods.'
			})
	})
	.superRefine((s, ctx) => {
		if (s.method === 'fixed' && s.fixedAgents === null)
			ctx.addIssue({
				code: 'custom',
				path: ['fixedAgents'],
				message: 'is required when the vendor plans a fixed number of agents'
			});
	}, whenObject);
export type Staffing = z.infer<typeof StaffingSchema>;

export const QaSchema = QaItemsSchema.extend({
	evaluationsPerAgentPerMonth: num({
		min: 0,
		max: 200,
		desc: 'Quality evaluations per agent a month (30 days), on contacts picked at random (SQM Group: about 6).'
	})
}) as unknown as z.ZodType<QaParams & { evaluationsPerAgentPerMonth: number }>;

export const CostsSchema = obj({
	agentCostPerPaidHour: num({
		min: 0,
		desc: "Vendor's fully loaded cost per paid agent hour, in the currency."
	}),
	clientCostPerRepeatContact: num({
		min: 0,
		desc: "The client's own cost per repeat contact (escalations, goodwill, internal handling), in the currency."
	})
});
export type Costs = z.infer<typeof CostsSchema>;

// ---------------------------------------------------------------------------------------------

export const AssumptionsSchema = z
	.strictObject({
		calendar: CalendarSchema,
		demand: DemandSchema,
		intents: countedArray(IntentSchema, 1, 10, 'intents'),
		customers: CustomersSchema,
		behaviour: BehaviourSchema,
		staffing: StaffingSchema,
		qa: QaSchema,
		costs: CostsSchema,
		customerOutcomeFloor: CustomerOutcomeFloorSchema
	})
	.superRefine((a, ctx) => {
		const intents: unknown = a.intents;
		if (Array.isArray(intents) && intents.length > 0 && !intents.some((i) => isNum(i?.share) && i.share > 0))
			ctx.addIssue({
				code: 'custom',
				path: ['intents'],
				message: 'at least one contact reason needs a share above 0'
			});
		const cal = a.calendar as Partial<Calendar> | undefined;
		const spikes: unknown = a.demand?.spikes;
		if (cal && isNum(cal.days) && Array.isArray(spikes))
			spikes.forEach((s, i) => {
				if (isNum(s?.day) && s.day >= cal.days!)
					ctx.addIssue({
						code: 'custom',
						path: ['demand', 'spikes', i, 'day'],
						message: `must be before the last simulated day (less than ${cal.days}, counted from 0)`
					});
			});
		const f: unknown = a.staffing?.fixedAgents;
		if (
			Array.isArray(f) &&
			cal &&
			isNum(cal.openHour) &&
			isNum(cal.closeHour) &&
			isNum(cal.intervalMinutes)
		) {
			const n = Math.round(((cal.closeHour - cal.openHour) * 60) / cal.intervalMinutes);
			if (f.length !== n)
				ctx.addIssue({
					code: 'custom',
					path: ['staffing', 'fixedAgents'],
					message: `must have one entry per interval of the day (${n}); has ${f.length}`
				});
		}
	}, whenObject);
export type Assumptions = z.infer<typeof AssumptionsSchema>;

function pick<K extends keyof BehaviourParams>(keys: K[]): Pick<BehaviourParams, K> {
	return Object.fromEntries(keys.map((k) => [k, DEFAULT_BEHAVIOUR[k]])) as Pick<BehaviourParams, K>;
}

/**
 * Documented defaults: a mid-size retail/e-commerce queue. About 30 days x 12 hours, 2,500 first
 * contacts a day (about 3,000-3,700 offered with repeats and redials), so one replication of a draft
 * simulates about 100,000 contacts. Sources: MODEL.md "Default figures" and the comments below.
 */
export const DEFAULT_ASSUMPTIONS: Assumptions = {
	calendar: {
		days: 30, // MODEL.md: one month of 30 days
		startWeekday: 'monday',
		openHour: 8,
		closeHour: 20, // 12 opening hours
		intervalMinutes: 30,
		// retail: busiest Monday, quieter weekend
		dayOfWeekProfile: [1.2, 1.1, 1.05, 1.0, 1.0, 0.85, 0.8],
		// one entry per open hour 08..19: morning peak, lunch dip, early-evening shoulder
		intradayProfile: [0.6, 1.0, 1.25, 1.3, 1.15, 1.0, 1.05, 1.1, 1.05, 0.95, 0.85, 0.7]
	},
	demand: {
		firstContactsPerDay: 2500,
		forecastContactsPerIssue: 1.25, // FCR ~75 % x callback 0.8: 1 / (1 - 0.25 x 0.8) = 1.25
		actualToForecast: 1,
		busynessCV: 0.1, // MODEL.md default
		spikes: []
	},
	intents: [
		{
			name: 'simple',
			share: 0.5,
			workSeconds: { kind: 'lognormal', mean: 180, cv: 0.6 },
			acwSeconds: { kind: 'lognormal', mean: 30, cv: 0.5 },
			resolvability: 0.95
		},
		{
			name: 'standard',
			share: 0.35,
			workSeconds: { kind: 'lognormal', mean: 360, cv: 0.6 },
			acwSeconds: { kind: 'lognormal', mean: 60, cv: 0.5 },
			resolvability: 0.85
		},
		{
			name: 'complex',
			share: 0.15,
			workSeconds: { kind: 'lognormal', mean: 720, cv: 0.7 },
			acwSeconds: { kind: 'lognormal', mean: 120, cv: 0.5 },
			resolvability: 0.65
		}
	],
	customers: {
		patienceSeconds: { kind: 'exponential', mean: 180 },
		redialProbability: 0.5,
		redialDelayMinutes: { kind: 'exponential', mean: 10 },
		callbackProbability: 0.8, // MODEL.md default
		callbackDelayHours: { kind: 'lognormal', mean: 20, cv: 1 },
		maxAttempts: 5,
		churnOnGiveUp: 0.3,
		churnOnAbandon: 0.1,
		lifetimeValue: 400,
		surveyResponseRate: 0.12, // MODEL.md: 10-15 %
		// A customer whose callback or redial falls in closed hours calls at some time of the next open
		// day, not all at opening: spread over the whole 12-hour open day of the default calendar.
		closedSpreadMinutes: 720,
		satisfaction: pick(paramKeys('satisfaction') as (keyof SatisfactionParams)[])
	},
	behaviour: pick(paramKeys('agents') as (keyof AgentBehaviour)[]),
	staffing: {
		method: 'erlangA',
		targetServiceLevel: 0.8, // 80/20, the common default
		targetSeconds: 20,
		planningForecast: 'vendor',
		plannedAhtSeconds: 'auto',
		shrinkage: 0.3, // MODEL.md: 20-35 %, 30 % usual
		occupancyCap: 0.9,
		absenteeism: 0.04,
		minAgents: 2,
		fixedAgents: null
	},
	qa: {
		...pick(paramKeys('qa') as (keyof QaParams)[]),
		evaluationsPerAgentPerMonth: 6 // SQM: about 6 a month
	},
	costs: {
		agentCostPerPaidHour: 22,
		clientCostPerRepeatContact: 5
	},
	// The watermelon flag's floor: SQM's "good" FCR band starts at 70 %; CSAT 75 % is mid-range of SQM's industry figures.
	customerOutcomeFloor: { fcr: 0.7, csat: 0.75 }
};
