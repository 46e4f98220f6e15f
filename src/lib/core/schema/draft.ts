/**
 * Zod 4 schema of one SLA draft: the contract a client and a vendor negotiate.
 *
 * A draft only changes INPUTS of the simulation (scorecard weights, targets, prices, clauses);
 * every outcome comes out of the simulation. The evaluation of a draft against the engine's
 * interval table is `../contract/evaluator.ts`; the negotiator's explanation of every clause is
 * `docs/CONTRACT.md`.
 *
 * Conventions: fractions are 0..1 (0.8 = 80 %), times in seconds, money in the scenario's currency.
 * Every object is strict (unknown keys are errors). Every field is either required or has the
 * default written in its comment (and in `.meta({ description })` for the JSON Schema).
 */
import { z } from 'zod';
import { NegotiableSchema, negotiableIssues } from './negotiable';
import { optionList, optionWords } from './messages';
import { governanceSchema } from './governance';

/** A share above 100 %: in the editor a percentage, in a scenario file a number from 0 to 1. */
const SHARE_TOO_BIG = 'must be at most 100 % (in a scenario file, a share from 0 to 1: 0.8 for 80 %)';

/** The metrics a contract can measure. */
export const CONTRACT_METRICS = [
	'serviceLevel',
	'asa',
	'abandonRate',
	'aht',
	'fcr',
	'repeatContactRate',
	'csat',
	'qaScore'
] as const;
export type ContractMetricName = (typeof CONTRACT_METRICS)[number];

/** Metrics measured in seconds; all others are fractions 0..1. */
export const SECONDS_METRICS: readonly ContractMetricName[] = ['asa', 'aht'];
/** Queue metrics: volume relief applies to them by default. */
export const QUEUE_METRICS: readonly ContractMetricName[] = ['serviceLevel', 'asa', 'abandonRate'];

/** Type error that says "is required" when the field is missing (whoever shows it names the field). */
const required = (expected: string) => (iss: { input?: unknown }) =>
	iss.input === undefined ? `is required (${expected})` : `must be ${expected}`;

export const MetricNameSchema = z.enum(CONTRACT_METRICS);
export const DirectionSchema = z
	.enum(['atLeast', 'atMost'], { error: required(optionList(['atLeast', 'atMost'])) })
	.meta({
		description:
			'At least: met when the result reaches the target or more (e.g. service level); at most: met when it stays at the target or below (e.g. handle time).'
	});
export type Direction = z.infer<typeof DirectionSchema>;
export const WindowSchema = z.enum(['interval', 'day', 'month']);
export type MeasurementWindow = z.infer<typeof WindowSchema>;

/** A share (80 % is 0.8 in a file); its `unit: 'share'` in the JSON Schema tells the editor so. */
const fraction = () =>
	z
		.number({ error: required('a number') })
		.min(0, { error: 'must be at least 0 %' })
		.max(1, { error: SHARE_TOO_BIG });
const nonNegative = () => z.number({ error: required('a number') }).min(0, { error: 'must be at least 0' });

/** Service-level definition. Default: of offered, short abandons counted, T = 20 s. */
export const SlDefinitionSchema = z
	.strictObject({
		base: z.enum(['offered', 'answered']).default('offered').meta({
			description:
				'Counted out of: offered (every contact that arrived; one that hung up counts as a miss) or answered (only contacts an agent took). Usually offered.'
		}),
		excludeShortAbandons: z.boolean().default(false).meta({
			description:
				"Leave quick hang-ups (sooner than the draft's short-abandon time) out of what service level is counted out of. Usually off."
		}),
		thresholdSeconds: z
			.number()
			.gt(0, { error: 'must be more than 0 seconds' })
			.default(20)
			.meta({ description: 'The seconds in "80 % answered within 20 seconds". Usually 20.' })
	})
	.meta({
		description:
			'How service level is counted. Usually: out of all contacts offered, within 20 seconds, quick hang-ups counted.'
	});
export type SlDefinition = z.infer<typeof SlDefinitionSchema>;

/** How a missed metric turns into a service credit. Default: binary, capped at 100 % of its allocation. */
export const CreditRuleSchema = z
	.strictObject({
		type: z.enum(['binary', 'slidingPerPoint']).default('binary').meta({
			description:
				'Binary: a missed month costs the whole amount tied to this measure. Sliding per point: each point short of the target costs a set share of it. Usually binary.'
		}),
		perPoint: fraction().optional().meta({
			description:
				"Sliding per point only (needed there): share of this measure's amount credited per point short of the target. A point is 1 percentage point for a percentage, 1 % of the target for a time, 1 percentage point of windows when the month counts windows that met the target.",
			unit: 'share'
		}),
		cap: fraction().default(1).meta({
			description:
				'The most this measure can cost in a month, as a share of the amount tied to it. Usually 100 %.',
			unit: 'share'
		})
	})
	.superRefine((c, ctx) => {
		if (c.type === 'slidingPerPoint' && c.perPoint === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['perPoint'],
				message: 'is required when the credit slides per point'
			});
		if (c.type === 'binary' && c.perPoint !== undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['perPoint'],
				message: 'is only used when the credit slides per point: leave it empty for a binary credit'
			});
	});
export type CreditRule = z.infer<typeof CreditRuleSchema>;

/** Fields shared by every contract metric. */
function commonShape(metric: ContractMetricName) {
	const seconds = SECONDS_METRICS.includes(metric);
	return {
		target: (seconds ? nonNegative() : fraction()).meta(
			seconds
				? { description: 'Target in seconds.' }
				: { description: 'Target, a percentage.', unit: 'share' }
		),
		direction: DirectionSchema,
		window: WindowSchema.default('month').meta({
			description:
				'Over what the result is measured: each interval of the day (15 or 30 minutes), each day, or the whole month. Usually the month.'
		}),
		rollUp: z.enum(['periodValue', 'shareOfWindows']).default('periodValue').meta({
			description:
				"How the windows make the month's result: their average (with a monthly window, the month's own result), or the share of windows that met the target, which must reach the share below. Usually the average."
		}),
		share: z
			.number()
			.gt(0, { error: 'must be more than 0 %' })
			.max(1, { error: SHARE_TOO_BIG })
			.optional()
			.meta({
				description: 'Needed when the month counts windows that met the target: e.g. 90 % of windows.',
				unit: 'share'
			}),
		poolAllocation: fraction().default(0).meta({
			description:
				"This measure's share of the month's at-risk amount (its metric allocation). 0 %: measured and reported, with no money tied to it.",
			unit: 'share'
		}),
		credit: CreditRuleSchema.prefault({}),
		volumeRelief: z.boolean().default(QUEUE_METRICS.includes(metric)).meta({
			description:
				"Whether the draft's volume relief excuses this measure when contacts run above the forecast. Usually on for service level, speed of answer and abandon rate, off for the others."
		})
	};
}

function checkRollUp(
	m: { rollUp: 'periodValue' | 'shareOfWindows'; share?: number },
	ctx: z.RefinementCtx
): void {
	if (m.rollUp === 'shareOfWindows' && m.share === undefined)
		ctx.addIssue({
			code: 'custom',
			path: ['share'],
			message: 'is required when the month counts windows that met the target (e.g. 90 %)'
		});
	if (m.rollUp === 'periodValue' && m.share !== undefined)
		ctx.addIssue({
			code: 'custom',
			path: ['share'],
			message: 'is only used when the month counts windows that met the target: leave it empty'
		});
}

const ServiceLevelMetric = z
	.strictObject({
		metric: z.literal('serviceLevel'),
		...commonShape('serviceLevel'),
		definition: SlDefinitionSchema.prefault({})
	})
	.superRefine(checkRollUp);
const AbandonRateMetric = z
	.strictObject({
		metric: z.literal('abandonRate'),
		...commonShape('abandonRate'),
		excludeShortAbandons: z.boolean().default(false).meta({
			description:
				'Leave quick hang-ups out of both what is counted and what it is counted out of. Usually off.'
		})
	})
	.superRefine(checkRollUp);
const FcrMetric = z
	.strictObject({
		metric: z.literal('fcr'),
		...commonShape('fcr'),
		windowDays: z
			.number()
			.int({ error: 'must be a whole number of days' })
			.min(1, { error: 'must be at least 1 day' })
			.max(60, { error: 'must be at most 60 days' })
			.default(7)
			.meta({
				description:
					'First-contact resolution as the contract measures it: a handled contact counts as resolved when the customer does not come back about it within this many days. Usually 7.'
			})
	})
	.superRefine(checkRollUp);
const plain = (name: 'asa' | 'aht' | 'repeatContactRate' | 'csat' | 'qaScore') =>
	z.strictObject({ metric: z.literal(name), ...commonShape(name) }).superRefine(checkRollUp);

/** One contract metric: what is measured, the target, the window, the roll-up and its money. */
export const ContractMetricSchema = z.discriminatedUnion(
	'metric',
	[
		ServiceLevelMetric,
		plain('asa'),
		AbandonRateMetric,
		plain('aht'),
		FcrMetric,
		plain('repeatContactRate'),
		plain('csat'),
		plain('qaScore')
	],
	{ error: `must be ${optionList(CONTRACT_METRICS)}` }
);
export type ContractMetric = z.infer<typeof ContractMetricSchema>;
export type ContractMetricInput = z.input<typeof ContractMetricSchema>;

export const PRICE_MODELS = [
	'perHandledContact',
	'perHandledMinute',
	'perProductiveHour',
	'perStaffedHour',
	'perFte'
] as const;
export type PriceModel = (typeof PRICE_MODELS)[number];

export const PriceSchema = z.strictObject(
	{
		model: z.enum(PRICE_MODELS, { error: required(optionList(PRICE_MODELS)) }).meta({
			description:
				'What the vendor is paid for: each handled contact, each minute of handle time, each productive hour (agents busy with customers), each staffed hour (agents on the phones), or each full-time agent a month (scheduled hours divided by the hours of a full-time month).'
		}),
		rate: nonNegative().meta({ description: 'Price per unit of the price model, in the currency.' }),
		repeatsBillable: z.boolean().default(true).meta({
			description:
				'Whether repeat contacts (customers calling back about an issue already handled) are billed. Matters for per-contact and per-minute prices only. Usually yes.'
		}),
		fteHoursPerMonth: z.number().gt(0, { error: 'must be more than 0 hours' }).default(160).meta({
			description: 'Per full-time agent only: the paid hours of one full-time agent a month. Usually 160.'
		})
	},
	{ error: required('a price model and a rate') }
);
export type Price = z.infer<typeof PriceSchema>;

export const AtRiskSchema = z
	.strictObject({
		percentOfInvoice: fraction().default(0.1).meta({
			description:
				'The at-risk amount as a share of the monthly invoice (the market usually puts 10-12 % at risk). Usually 10 %.',
			unit: 'share'
		}),
		poolAllocation: fraction().default(1).meta({
			description:
				'Share of the at-risk amount that credits can use in a month (the pool allocation). Usually 100 %.',
			unit: 'share'
		}),
		cap: fraction().default(1).meta({
			description:
				"The most all credits of a month can add up to, as a share of the month's at-risk amount. Usually 100 %.",
			unit: 'share'
		})
	})
	.meta({
		description:
			"A missed measure's credit is the at-risk share of the invoice, times the pool allocation, times the measure's own allocation. Example: 10 % at risk of a 100,000 invoice, a 100 % pool and a measure allocated 40 % make a 4,000 credit."
	});
export type AtRisk = z.infer<typeof AtRiskSchema>;

export const EarnBackSchema = z.strictObject({
	enabled: z.boolean().default(false).meta({
		description:
			'Whether the vendor can earn a credit back by meeting the measure in the following months. Usually off.'
	}),
	months: z
		.number()
		.int({ error: 'must be a whole number of months' })
		.min(1, { error: 'must be at least 1 month' })
		.max(12, { error: 'must be at most 12 months' })
		.default(3)
		.meta({ description: 'How many following months decide whether a credit is earned back. Usually 3.' }),
	rule: z.enum(['allFollowing', 'anyFollowing']).default('allFollowing').meta({
		description:
			'All following: a credit comes back when the measure is met in every one of the following months; any following: in at least one of them. A credit whose months run past the simulated period stays charged. Usually all following.'
	})
});
export type EarnBack = z.infer<typeof EarnBackSchema>;

export const BonusSchema = z
	.strictObject({
		metric: z.enum(CONTRACT_METRICS, { error: required(optionList(CONTRACT_METRICS)) }),
		threshold: nonNegative().meta({
			description: 'The result that earns the bonus: a percentage for shares, seconds for times.'
		}),
		direction: DirectionSchema,
		amount: nonNegative().optional().meta({ description: 'A fixed bonus per month, in the currency.' }),
		percentOfInvoice: fraction()
			.optional()
			.meta({ description: "The bonus per month as a share of that month's invoice.", unit: 'share' })
	})
	.superRefine((b, ctx) => {
		if ((b.amount === undefined) === (b.percentOfInvoice === undefined))
			ctx.addIssue({
				code: 'custom',
				path: b.amount === undefined ? [] : ['percentOfInvoice'],
				message: 'a bonus is either a fixed amount or a share of the invoice: fill in exactly one of the two'
			});
		if (!SECONDS_METRICS.includes(b.metric) && b.threshold > 1)
			ctx.addIssue({
				code: 'custom',
				path: ['threshold'],
				message: `must be at most 100 % for ${optionWords(b.metric)}`
			});
	})
	.meta({
		description:
			"Paid each month the metric's month value (measured, as the contract measures it) meets the threshold."
	});
export type Bonus = z.infer<typeof BonusSchema>;

export const VolumeReliefSchema = z.strictObject({
	enabled: z.boolean().default(false).meta({
		description: 'Whether the vendor is excused when contacts run well above the forecast. Usually off.'
	}),
	band: z
		.number()
		.min(0, { error: 'must be at least 0 %' })
		.max(5, { error: 'must be at most 500 %' })
		.default(0.1)
		.meta({
			description:
				'How far above the forecast contacts must run before the vendor is excused: with 10 %, a window with more than 110 % of the forecast counts as met for the measures relief covers. Usually 10 %.',
			unit: 'share'
		})
});
export type VolumeRelief = z.infer<typeof VolumeReliefSchema>;

export const SCORECARD_KEYS = [
	'aht',
	'contactsPerHour',
	'serviceLevel',
	'asa',
	'abandonRate',
	'fcr',
	'repeatContactRate',
	'csat',
	'qaScore'
] as const;
export type ScorecardKey = (typeof SCORECARD_KEYS)[number];
export type ScorecardWeights = Record<ScorecardKey, number>;

export const ScorecardWeightsSchema = z.strictObject(
	Object.fromEntries(
		SCORECARD_KEYS.map((k) => [
			k,
			nonNegative().default(0).meta({
				description:
					"This measure's weight on the agents' scorecard, relative to the others; 0 leaves it off."
			})
		])
	) as Record<ScorecardKey, z.ZodDefault<z.ZodNumber>>
);

export const ScorecardSchema = z
	.strictObject({
		mode: z.enum(['mirror', 'manual']).default('mirror').meta({
			description:
				"Mirror: agents feel each clause by the money tied to it and by how hard its target is for this centre to meet; manual: the vendor's own weights, each felt as a fully funded clause. Usually mirror."
		}),
		weights: ScorecardWeightsSchema.optional().meta({
			description:
				'Needed for a manual scorecard: weights relative to each other (they need not add up to 1).'
		})
	})
	.superRefine((s, ctx) => {
		if (s.mode === 'manual') {
			if (!s.weights)
				ctx.addIssue({
					code: 'custom',
					path: ['weights'],
					message: 'are required for a manual scorecard'
				});
			else if (!SCORECARD_KEYS.some((k) => s.weights![k] > 0))
				ctx.addIssue({
					code: 'custom',
					path: ['weights'],
					message: 'a manual scorecard needs at least one weight above 0'
				});
		}
	});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const VendorSchema = z.strictObject({
	staffingPolicyFactor: z
		.number()
		.min(0.3, { error: 'must be at least 0.3 (30 % of the plan)' })
		.max(3, { error: 'must be at most 3 (three times the plan)' })
		.default(1)
		.meta({
			description:
				'How many agents the vendor puts on the phones compared to its own plan: 1 staffs to plan, 0.9 staffs 10 % below it. Usually 1.'
		}),
	coachingSpeedBias: z
		.number()
		.min(-1, { error: 'must be at least -1 (all coaching on resolving issues)' })
		.max(1, { error: 'must be at most +1 (all coaching on speed)' })
		.default(0)
		.meta({
			description:
				"What team leaders push on top of the scorecard: from -1 (all on resolving customers' issues) through 0 (coach to the scorecard) to +1 (all on speed). Usually 0."
		})
});
export type Vendor = z.infer<typeof VendorSchema>;

export const DraftSchema = z
	.strictObject({
		name: z
			.string({ error: required('text') })
			.trim()
			.min(1, { error: 'must not be empty' })
			.max(60, { error: 'must be at most 60 characters' }),
		description: z.string().max(2000, { error: 'must be at most 2000 characters' }).default(''),
		metrics: z.array(ContractMetricSchema).max(16, { error: 'a draft holds at most 16 targets' }).default([]),
		shortAbandonSeconds: z
			.number()
			.min(0, { error: 'must be at least 0 seconds' })
			.max(60, { error: 'must be at most 60 seconds' })
			.default(5)
			.meta({
				description:
					'A contact that hangs up sooner than this is a quick hang-up (a short abandon), which some clauses leave out. Usually 5 seconds.'
			}),
		price: PriceSchema,
		atRisk: AtRiskSchema.prefault({}),
		earnBack: EarnBackSchema.prefault({}),
		bonuses: z.array(BonusSchema).max(16, { error: 'a draft holds at most 16 bonuses' }).default([]),
		volumeRelief: VolumeReliefSchema.prefault({}),
		scorecard: ScorecardSchema.prefault({}),
		vendor: VendorSchema.prefault({}),
		governance: governanceSchema(CONTRACT_METRICS).optional(),
		negotiable: NegotiableSchema.optional()
	})
	.superRefine((d, ctx) => {
		for (const { index, message } of negotiableIssues(d, d.negotiable ?? []))
			ctx.addIssue({ code: 'custom', path: ['negotiable', index, 'path'], message });
		// The engine measures one SL threshold and one FCR window per draft.
		let t: number | undefined;
		let n: number | undefined;
		d.metrics.forEach((m, i) => {
			if (m.metric === 'serviceLevel') {
				if (t !== undefined && m.definition.thresholdSeconds !== t)
					ctx.addIssue({
						code: 'custom',
						path: ['metrics', i, 'definition', 'thresholdSeconds'],
						message: "must be the same seconds as the draft's first service-level target (one is simulated)"
					});
				t ??= m.definition.thresholdSeconds;
			}
			if (m.metric === 'fcr') {
				if (n !== undefined && m.windowDays !== n)
					ctx.addIssue({
						code: 'custom',
						path: ['metrics', i, 'windowDays'],
						message:
							"must be the same days as the draft's first first-contact-resolution target (one is simulated)"
					});
				n ??= m.windowDays;
			}
		});
	})
	.meta({
		description:
			'An SLA draft: targets, price, at-risk amount, earn-back, bonuses, volume relief, agent scorecard.'
	});

export type Draft = z.infer<typeof DraftSchema>;
export type DraftInput = z.input<typeof DraftSchema>;

/** The SL threshold T the engine must measure for this draft (first SL metric's, else 20 s). */
export function draftSlThresholdSeconds(d: Draft): number {
	for (const m of d.metrics) if (m.metric === 'serviceLevel') return m.definition.thresholdSeconds;
	return 20;
}

/** The FCR window N (days) the engine must measure for this draft (first FCR metric's, else 7). */
export function draftFcrWindowDays(d: Draft): number {
	for (const m of d.metrics) if (m.metric === 'fcr') return m.windowDays;
	return 7;
}

/**
 * The customer-outcome floor of the watermelon flag (SLA met while TRUE FCR or TRUE CSAT is below
 * it). It is a judgement about customers, not a contract clause, and every draft of a scenario must
 * be judged against the same floor: it belongs in the shared assumptions (`customerOutcomeFloor`,
 * required there like every assumption), not in a draft. `contract/inputs.ts` uses the same defaults
 * (DEFAULT_OUTCOME_FLOOR, kept equal by a test) when its caller gives no floor.
 * Defaults: FCR 0.70 (bottom of SQM's "good" band, 70-79 %), CSAT 0.75 (middle of SQM's industry
 * CSAT figures, 68-81 %).
 */
export const CustomerOutcomeFloorSchema = z
	.strictObject({
		fcr: fraction().default(0.7).meta({
			description: "Customers' true first-contact resolution below this is red for customers. Usually 70 %.",
			unit: 'share'
		}),
		csat: fraction().default(0.75).meta({
			description: "Customers' true satisfaction below this is red for customers. Usually 75 %.",
			unit: 'share'
		})
	})
	.meta({
		description:
			'Where customers turn red in the watermelon view (green on the SLA report, red for customers), the same for all drafts.'
	});
export type CustomerOutcomeFloor = z.infer<typeof CustomerOutcomeFloorSchema>;
