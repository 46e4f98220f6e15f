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

/** Type error that says "is required" when the field is missing. */
const required = (what: string, expected: string) => (iss: { input?: unknown }) =>
	iss.input === undefined ? `${what} is required (${expected})` : `${what} must be ${expected}`;

export const MetricNameSchema = z.enum(CONTRACT_METRICS);
export const DirectionSchema = z
	.enum(['atLeast', 'atMost'], { error: required('direction', 'atLeast or atMost') })
	.meta({ description: 'atLeast: met when value >= target; atMost: met when value <= target.' });
export type Direction = z.infer<typeof DirectionSchema>;
export const WindowSchema = z.enum(['interval', 'day', 'month']);
export type MeasurementWindow = z.infer<typeof WindowSchema>;

const fraction = (what: string) =>
	z
		.number({ error: required(what, 'a number') })
		.min(0, { error: `${what} must be >= 0 (a fraction 0..1)` })
		.max(1, { error: `${what} must be <= 1 (a fraction 0..1, e.g. 0.8 for 80 %)` });
const nonNegative = (what: string) =>
	z.number({ error: required(what, 'a number') }).min(0, { error: `${what} must be >= 0` });

/** Service-level definition. Default: of offered, short abandons counted, T = 20 s. */
export const SlDefinitionSchema = z
	.strictObject({
		base: z.enum(['offered', 'answered']).default('offered').meta({
			description:
				"Denominator: 'offered' (all arrived contacts, abandons count as misses) or 'answered'. Default 'offered'."
		}),
		excludeShortAbandons: z.boolean().default(false).meta({
			description: 'Remove short abandons (wait < shortAbandonSeconds) from the denominator. Default false.'
		}),
		thresholdSeconds: z
			.number()
			.gt(0, { error: 'thresholdSeconds must be > 0' })
			.default(20)
			.meta({ description: 'T in "X % answered within T seconds". Default 20.' })
	})
	.meta({ description: 'How service level is computed. Default: of offered, 20 s, short abandons counted.' });
export type SlDefinition = z.infer<typeof SlDefinitionSchema>;

/** How a missed metric turns into a service credit. Default: binary, capped at 100 % of its allocation. */
export const CreditRuleSchema = z
	.strictObject({
		type: z.enum(['binary', 'slidingPerPoint']).default('binary').meta({
			description:
				"binary: the full allocation when missed; slidingPerPoint: perPoint x points of shortfall. Default 'binary'."
		}),
		perPoint: fraction('credit.perPoint').optional().meta({
			description:
				'slidingPerPoint only (required there): share of the allocation credited per point of shortfall. A point is 1 percentage point for fractions, 1 % of the target for ASA/AHT, 1 percentage point of windows for shareOfWindows.'
		}),
		cap: fraction('credit.cap')
			.default(1)
			.meta({ description: 'Most this metric can cost in a month, as a share of its allocation. Default 1.' })
	})
	.superRefine((c, ctx) => {
		if (c.type === 'slidingPerPoint' && c.perPoint === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['perPoint'],
				message: "perPoint is required when credit.type is 'slidingPerPoint'"
			});
		if (c.type === 'binary' && c.perPoint !== undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['perPoint'],
				message: "perPoint is only used when credit.type is 'slidingPerPoint'"
			});
	});
export type CreditRule = z.infer<typeof CreditRuleSchema>;

/** Fields shared by every contract metric. */
function commonShape(metric: ContractMetricName) {
	const seconds = SECONDS_METRICS.includes(metric);
	return {
		target: (seconds ? nonNegative('target (seconds)') : fraction('target')).meta({
			description: seconds ? 'Target in seconds.' : 'Target as a fraction 0..1 (0.8 = 80 %).'
		}),
		direction: DirectionSchema,
		window: WindowSchema.default('month').meta({
			description: "Measurement window: 'interval', 'day' or 'month'. Default 'month'."
		}),
		rollUp: z.enum(['periodValue', 'shareOfWindows']).default('periodValue').meta({
			description:
				"How windows roll up to the month: 'periodValue' (average of the non-empty windows' values; with window 'month' that is the month's own value) or 'shareOfWindows' (share of non-empty windows that met the target must be >= share). Default 'periodValue'."
		}),
		share: z
			.number()
			.gt(0, { error: 'share must be > 0' })
			.max(1, { error: 'share must be <= 1 (a fraction of windows)' })
			.optional()
			.meta({ description: "Required when rollUp is 'shareOfWindows', e.g. 0.9 = 90 % of windows." }),
		poolAllocation: fraction('poolAllocation').default(0).meta({
			description:
				"This metric's share of the month's usable at-risk pool (the 'metric allocation %'). Default 0 (measured and reported, no money)."
		}),
		credit: CreditRuleSchema.prefault({}),
		volumeRelief: z.boolean().default(QUEUE_METRICS.includes(metric)).meta({
			description:
				"Whether the draft's volume-relief clause excuses this metric in over-forecast windows. Default true for serviceLevel, asa, abandonRate; false otherwise."
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
			message: "share is required when rollUp is 'shareOfWindows' (e.g. 0.9)"
		});
	if (m.rollUp === 'periodValue' && m.share !== undefined)
		ctx.addIssue({
			code: 'custom',
			path: ['share'],
			message: "share is only used when rollUp is 'shareOfWindows'"
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
			description: 'Remove short abandons from numerator and denominator. Default false.'
		})
	})
	.superRefine(checkRollUp);
const FcrMetric = z
	.strictObject({
		metric: z.literal('fcr'),
		...commonShape('fcr'),
		windowDays: z
			.number()
			.int({ error: 'windowDays must be a whole number of days' })
			.min(1, { error: 'windowDays must be >= 1' })
			.max(60, { error: 'windowDays must be <= 60' })
			.default(7)
			.meta({
				description:
					'FCR as measured: a handled contact counts as resolved when no repeat follows within N days. Default 7.'
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
	{ error: `metric must be one of ${CONTRACT_METRICS.join(', ')}` }
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
		model: z
			.enum(PRICE_MODELS, { error: required('price.model', `one of ${PRICE_MODELS.join(', ')}`) })
			.meta({
				description:
					'perHandledContact, perHandledMinute (handle time), perProductiveHour (busy agent time), perStaffedHour (agent time on the phones), perFte (scheduled hours / fteHoursPerMonth).'
			}),
		rate: nonNegative('price.rate').meta({ description: 'Price per unit of the model, in the currency.' }),
		repeatsBillable: z.boolean().default(true).meta({
			description:
				'Whether repeat contacts (callbacks about an issue already handled) are billed. Affects per-contact and per-minute pricing only. Default true.'
		}),
		fteHoursPerMonth: z
			.number()
			.gt(0, { error: 'fteHoursPerMonth must be > 0' })
			.default(160)
			.meta({ description: 'perFte only: paid hours that make one FTE-month. Default 160.' })
	},
	{ error: required('price', 'an object with model and rate') }
);
export type Price = z.infer<typeof PriceSchema>;

export const AtRiskSchema = z
	.strictObject({
		percentOfInvoice: fraction('atRisk.percentOfInvoice').default(0.1).meta({
			description: 'At-risk amount as a share of the monthly invoice (market: 0.10-0.12). Default 0.10.'
		}),
		poolAllocation: fraction('atRisk.poolAllocation').default(1).meta({
			description:
				"Share of the at-risk amount usable for credits in a month (the 'pool allocation %'). Default 1."
		}),
		cap: fraction('atRisk.cap').default(1).meta({
			description:
				"Most total credits in a month can be, as a share of the month's at-risk amount. Default 1."
		})
	})
	.meta({
		description: 'credit = atRisk.poolAllocation x metric.poolAllocation x (percentOfInvoice x invoice).'
	});
export type AtRisk = z.infer<typeof AtRiskSchema>;

export const EarnBackSchema = z.strictObject({
	enabled: z.boolean().default(false).meta({ description: 'Default false.' }),
	months: z
		.number()
		.int({ error: 'earnBack.months must be a whole number' })
		.min(1, { error: 'earnBack.months must be >= 1' })
		.max(12, { error: 'earnBack.months must be <= 12' })
		.default(3)
		.meta({ description: 'Horizon N: the following N months decide. Default 3.' }),
	rule: z.enum(['allFollowing', 'anyFollowing']).default('allFollowing').meta({
		description:
			"allFollowing: a metric's credit is returned when the metric is met in each of the next N months; anyFollowing: in at least one of them. Credits whose horizon runs past the simulated period stay charged. Default 'allFollowing'."
	})
});
export type EarnBack = z.infer<typeof EarnBackSchema>;

export const BonusSchema = z
	.strictObject({
		metric: z.enum(CONTRACT_METRICS, { error: required('metric', `one of ${CONTRACT_METRICS.join(', ')}`) }),
		threshold: nonNegative('threshold'),
		direction: DirectionSchema,
		amount: nonNegative('amount').optional().meta({ description: 'Fixed bonus per month, in the currency.' }),
		percentOfInvoice: fraction('percentOfInvoice')
			.optional()
			.meta({ description: "Bonus per month as a share of that month's invoice." })
	})
	.superRefine((b, ctx) => {
		if ((b.amount === undefined) === (b.percentOfInvoice === undefined))
			ctx.addIssue({
				code: 'custom',
				path: b.amount === undefined ? [] : ['percentOfInvoice'],
				message: 'a bonus needs exactly one of amount or percentOfInvoice'
			});
		if (!SECONDS_METRICS.includes(b.metric) && b.threshold > 1)
			ctx.addIssue({
				code: 'custom',
				path: ['threshold'],
				message: `threshold for ${b.metric} must be a fraction <= 1`
			});
	})
	.meta({
		description:
			"Paid each month the metric's month value (measured, as the contract measures it) meets the threshold."
	});
export type Bonus = z.infer<typeof BonusSchema>;

export const VolumeReliefSchema = z.strictObject({
	enabled: z.boolean().default(false).meta({ description: 'Default false.' }),
	band: z
		.number()
		.min(0, { error: 'volumeRelief.band must be >= 0' })
		.max(5, { error: 'volumeRelief.band must be <= 5' })
		.default(0.1)
		.meta({
			description:
				'Windows where offered > forecast x (1 + band) are excused: covered metrics are deemed to meet their target there. Default 0.10.'
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
		SCORECARD_KEYS.map((k) => [k, nonNegative(`weight ${k}`).default(0).meta({ description: 'Default 0.' })])
	) as Record<ScorecardKey, z.ZodDefault<z.ZodNumber>>
);

export const ScorecardSchema = z
	.strictObject({
		mode: z.enum(['mirror', 'manual']).default('mirror').meta({
			description:
				"mirror: agents feel each clause by the money tied to it and how binding its target is for this centre (see docs/BEHAVIOUR.md); manual: the vendor's own weights, each felt as a fully funded clause. Default 'mirror'."
		}),
		weights: ScorecardWeightsSchema.optional().meta({
			description: "Required when mode is 'manual'; relative weights (need not sum to 1)."
		})
	})
	.superRefine((s, ctx) => {
		if (s.mode === 'manual') {
			if (!s.weights)
				ctx.addIssue({
					code: 'custom',
					path: ['weights'],
					message: "weights are required when mode is 'manual'"
				});
			else if (!SCORECARD_KEYS.some((k) => s.weights![k] > 0))
				ctx.addIssue({
					code: 'custom',
					path: ['weights'],
					message: "at least one weight must be > 0 when mode is 'manual'"
				});
		}
	});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const VendorSchema = z.strictObject({
	staffingPolicyFactor: z
		.number()
		.min(0.3, { error: 'staffingPolicyFactor must be >= 0.3' })
		.max(3, { error: 'staffingPolicyFactor must be <= 3' })
		.default(1)
		.meta({ description: "Multiplies the vendor's planned agents (1 = staff to plan). Default 1." }),
	coachingSpeedBias: z
		.number()
		.min(-1, { error: 'coachingSpeedBias must be >= -1' })
		.max(1, { error: 'coachingSpeedBias must be <= 1' })
		.default(0)
		.meta({
			description:
				"Shift of the agents' speed pressure by the vendor's coaching, -1 (all outcomes) .. +1 (all speed). Default 0 (coach to the scorecard)."
		})
});
export type Vendor = z.infer<typeof VendorSchema>;

export const DraftSchema = z
	.strictObject({
		name: z
			.string({ error: required('name', 'a string') })
			.trim()
			.min(1, { error: 'name must not be empty' })
			.max(60, { error: 'name must be at most 60 characters' }),
		description: z.string().max(2000, { error: 'description must be at most 2000 characters' }).default(''),
		metrics: z.array(ContractMetricSchema).max(16, { error: 'at most 16 metrics per draft' }).default([]),
		shortAbandonSeconds: z
			.number()
			.min(0, { error: 'shortAbandonSeconds must be >= 0' })
			.max(60, { error: 'shortAbandonSeconds must be <= 60' })
			.default(5)
			.meta({
				description: 'A contact abandoned after waiting less than this is a short abandon. Default 5.'
			}),
		price: PriceSchema,
		atRisk: AtRiskSchema.prefault({}),
		earnBack: EarnBackSchema.prefault({}),
		bonuses: z.array(BonusSchema).max(16, { error: 'at most 16 bonuses per draft' }).default([]),
		volumeRelief: VolumeReliefSchema.prefault({}),
		scorecard: ScorecardSchema.prefault({}),
		vendor: VendorSchema.prefault({}),
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
						message: 'all serviceLevel metrics of a draft must use the same thresholdSeconds'
					});
				t ??= m.definition.thresholdSeconds;
			}
			if (m.metric === 'fcr') {
				if (n !== undefined && m.windowDays !== n)
					ctx.addIssue({
						code: 'custom',
						path: ['metrics', i, 'windowDays'],
						message: 'all fcr metrics of a draft must use the same windowDays'
					});
				n ??= m.windowDays;
			}
		});
	})
	.meta({
		description: 'An SLA draft: metrics, price, at-risk pool, earn-back, bonuses, volume relief, scorecard.'
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
		fcr: fraction('customerOutcomeFloor.fcr')
			.default(0.7)
			.meta({ description: 'True FCR below this is "red" for customers. Default 0.70.' }),
		csat: fraction('customerOutcomeFloor.csat')
			.default(0.75)
			.meta({ description: 'True CSAT below this is "red" for customers. Default 0.75.' })
	})
	.meta({ description: 'Customer-outcome floor for the watermelon flag (shared by all drafts).' });
export type CustomerOutcomeFloor = z.infer<typeof CustomerOutcomeFloorSchema>;
