/**
 * `EngineConfig`: the compiled, typed-array form of (scenario shared assumptions + one draft) that the
 * engine (`engine.ts`) consumes. It is the contract between `compile.ts` (which builds it, using
 * `behaviour.ts` and `staffing.ts`) and the engine (which only reads it).
 *
 * Everything here is already resolved to plain numbers: the engine does no scorecard or staffing
 * reasoning. A draft may only change the fields marked [draft]; every other field must come from the
 * scenario's shared assumptions, so that common random numbers hold (see "CRN" in engine.ts).
 *
 * Units: time in seconds, rates per second, probabilities 0..1.
 *
 * Time axis: t = 0 is midnight of day 0; day d spans [d * daySec, (d + 1) * daySec); it is open on
 * [d * daySec + openSec, d * daySec + closeSec). The open hours are cut into `intervalsPerDay`
 * intervals of `intervalSec`; interval row k = d * intervalsPerDay + j covers
 * [d * daySec + openSec + j * intervalSec, ... + intervalSec). Rows are the rows of the table in fields.ts.
 *
 * "Textbook mode" (Erlang C / Erlang A) is expressible: constant arrivalRate, busynessCV 0, no spikes,
 * constant agentsPlanned, absenteeism 0, one intent with exponential work, ACW deterministic 0,
 * resolvability 1, patience exponential (Erlang A) or 'never' (Erlang C), redialProb 0, callbackProb 0,
 * effort 1, resolutionFactor 1, dumpProb 0, skill spreads 0, newHireShare 0. `textbookConfig()` in
 * engine.ts builds exactly that.
 */

/** Distribution kinds. Every distribution is given by its mean and coefficient of variation (sd / mean). */
export const DistKind = {
	/** Always `mean`. */
	DETERMINISTIC: 0,
	/** Exponential with `mean` (cv is 1 by definition and ignored). */
	EXPONENTIAL: 1,
	/** Lognormal with the given mean and cv. */
	LOGNORMAL: 2,
	/** Gamma with the given mean and cv (shape = 1 / cv^2). */
	GAMMA: 3,
	/** Empirical table: `values[i]` with probability `probs[i]` (normalised by the sampler); mean/cv derived. */
	EMPIRICAL: 4,
	/** Infinity (e.g. infinite patience: never abandons; a delay that never comes). */
	NEVER: 5
} as const;
export type DistKindCode = (typeof DistKind)[keyof typeof DistKind];

/** A distribution of a non-negative quantity (seconds). Build with the helpers of distributions.ts. */
export interface Dist {
	kind: DistKindCode;
	/** Mean (seconds). For EMPIRICAL it must equal the table's mean (helpers compute it). */
	mean: number;
	/** Coefficient of variation sd/mean. EXPONENTIAL: 1; DETERMINISTIC, NEVER: 0. */
	cv: number;
	/** EMPIRICAL only: the values. */
	values?: Float64Array;
	/** EMPIRICAL only: their probabilities (any non-negative weights; normalised). */
	probs?: Float64Array;
}

/** One contact intent (reason for contact). */
export interface IntentConfig {
	name: string;
	/** Share of first contacts with this intent (shares are normalised by the engine). */
	share: number;
	/** Required work content per contact attempt at full effort, before the agent's speed (seconds). */
	work: Dist;
	/** After-call work per handled contact (seconds); not scaled by effort. */
	acw: Dist;
	/** Chance that a contact done at full effort (effort 1) by an average agent resolves the issue. */
	resolvability: number;
}

/** Satisfaction model (true CSAT per handled contact). All penalties are relative (multiplicative).
 *
 *   p = base
 *     * max(0, 1 - waitPenaltyPerMin * waitSeconds / 60)
 *     * (resolved ? 1 : 1 - unresolvedPenalty)
 *     * (1 - attemptPenalty) ^ (attempt - 1)          // SQM: each extra contact costs ~15 %
 *     * (1 - rushPenalty * max(0, 1 - effort))
 *     * (dumped ? 1 - dumpPenalty : 1)
 *   clamped to [0, 1].
 */
export interface SatisfactionConfig {
	base: number;
	waitPenaltyPerMin: number;
	unresolvedPenalty: number;
	attemptPenalty: number;
	rushPenalty: number;
	dumpPenalty: number;
}

export interface EngineConfig {
	// ---- calendar ----
	/** Number of days in the horizon. */
	days: number;
	/** Length of a day (86400; the stationary textbook mode uses one long "day"). */
	daySec: number;
	/** Opening time within the day, seconds from midnight. */
	openSec: number;
	/** Closing time within the day, seconds from midnight (<= daySec). closeSec - openSec = intervalsPerDay * intervalSec. */
	closeSec: number;
	/** Interval length (900 or 1800 in scenarios; anything > 0 in textbook mode). */
	intervalSec: number;
	/** Intervals per open day. */
	intervalsPerDay: number;
	/**
	 * What happens at closing time. 'finish': no new first contacts after close; agents on duty at close
	 * finish the queue (overtime, counted in STAFFED_SECONDS of the day's last interval); customers
	 * still waiting can abandon. 'stop': the simulation stops at the last day's close (stationary
	 * textbook mode); contacts still waiting are reported as `waitingAtEnd`.
	 */
	closeRule: 'finish' | 'stop';
	/**
	 * A redial or callback that would arrive while closed is moved to the next opening time plus a
	 * uniform spread over [0, closedSpreadSec) drawn from the customer's own stream (customers who found
	 * the centre closed call back when it opens, not all in the same second). If there is no next
	 * opening within the horizon the contact is not made (censored; the issue just ends, not a give-up).
	 */
	closedSpreadSec: number;

	// ---- demand (shared) ----
	/** Per interval row: forecast-based first-contact arrival rate (per second), before busyness and spikes. */
	arrivalRate: Float64Array;
	/** Per interval row: event spike multiplier on the arrival rate (1 = none), or null for none. */
	spike: Float64Array | null;
	/** CV of the daily busyness factor (gamma, mean 1; 0 = none), drawn per day from the 'busyness' stream. */
	busynessCV: number;
	/** Per interval row: the client's forecast of offered contacts (copied to the FORECAST field). */
	forecast: Float64Array;
	/**
	 * Total offered contacts the vendor staffed for (its own forecast; the client's when absent). [draft]
	 * Recorded for the results (forecast miss); the engine does not read it.
	 */
	plannedContacts?: number;

	// ---- staffing ----
	/** Per interval row: agents the plan requires on the phones (copied to AGENTS_REQUIRED). [draft] */
	agentsRequired: Float64Array;
	/** Per interval row: agents scheduled/paid (copied to AGENTS_SCHEDULED). [draft] */
	agentsScheduled: Float64Array;
	/**
	 * Per interval row: agents planned on the phones = scheduled after shrinkage, integer. [draft]
	 * The engine puts roster agents 0..agentsPlanned[k]-1 on duty, minus those absent that day.
	 */
	agentsPlanned: Int32Array;
	/** Probability that a roster agent is absent for a whole day (drawn per day per agent). */
	absenteeism: number;
	/**
	 * Roster agents drawn at the start (skills, QA times) when more than the plan's largest interval:
	 * room for a plan that a day hook raises later (the term's re-planned months). Agent j is the
	 * same person whatever the roster size. [draft]
	 */
	rosterSize?: number;

	// ---- intents (shared) ----
	intents: IntentConfig[];

	// ---- customers (shared) ----
	/** Patience per attempt (time a customer is willing to wait); NEVER = no abandonment. */
	patience: Dist;
	/** Abandons with wait < this are "short abandons" (ABANDONED_SHORT). */
	shortAbandonSec: number;
	/** Service-level threshold T: answered with wait <= T counts in ANSWERED_WITHIN_T. */
	slThresholdSec: number;
	/** Probability of redialling after abandoning. */
	redialProb: number;
	/** Delay from abandonment to the redial. */
	redialDelay: Dist;
	/** Probability of calling back after an unresolved handled contact. */
	callbackProb: number;
	/** Delay from the end of an unresolved contact to the callback (hours to days). */
	callbackDelay: Dist;
	/**
	 * Maximum contact attempts per issue (all contacts: first, redials, callbacks; Infinity = no cap).
	 * An unresolved issue at its last attempt gives up.
	 */
	maxAttempts: number;
	/** Probability that a customer whose issue ends unresolved after reaching an agent (a give-up) churns. */
	churnOnGiveUp: number;
	/** Probability that a customer who abandoned and never reached an agent about the issue churns. */
	churnOnAbandon: number;
	/** FCR window N (days): a handled contact followed by another contact of the same issue within N days is a repeat. */
	fcrWindowDays: number;
	/** Survey response probability per handled contact. */
	surveyRate: number;
	satisfaction: SatisfactionConfig;

	// ---- behaviour (resolved by compile from the draft's scorecard via behaviour.ts) ----
	/** Fraction of the required work the agent does (1 = full effort). Handle = effort * work * speed + ACW. [draft] */
	effort: number;
	/**
	 * Multiplier on resolvability from effort: g(effort) from behaviour.ts, 1 at effort 1. [draft]
	 * Resolution probability of a non-dumped contact:
	 *   clamp01(intent.resolvability * resolutionFactor * agentResolutionMultiplier); dumped: 0.
	 */
	resolutionFactor: number;
	/** Probability that a contact is dumped (short, unresolved). [draft] */
	dumpProb: number;
	/** Handle time of a dumped contact as a fraction of its normal talk time (ACW unchanged). */
	dumpHandleFactor: number;
	/**
	 * Per-agent skill spread: agent j draws z ~ N(0, 1) from the 'skills' stream; its talk-time multiplier is
	 * exp(speedSpread * z - speedSpread^2 / 2) (mean 1) and its resolution multiplier is
	 * max(0, 1 + resolutionSpread * z) (a faster agent also resolves more when both are > 0).
	 */
	speedSpread: number;
	resolutionSpread: number;
	/** Share of roster agents who are new hires (drawn per agent from the 'skills' stream). */
	newHireShare: number;
	/** New hires' talk-time multiplier (>= 1: slower). */
	newHireSpeedFactor: number;
	/** New hires' resolution multiplier (<= 1). */
	newHireResolutionFactor: number;
	// ---- quality assurance ----
	/** QA evaluations per agent per 30-day month (the agent's next contact after each random time is evaluated). */
	qaEvalsPerAgentMonth: number;
	/** Items per QA form: an evaluation's score is Binomial(items, expected) / items. */
	qaItems: number;
	/** Expected QA score (0..1) of a non-dumped contact under this draft's effort. [draft] */
	qaScore: number;
	/** Expected QA score of a dumped contact. */
	qaScoreDumped: number;
}

/** Number of interval rows of a config. */
export function intervalCount(c: EngineConfig): number {
	return c.days * c.intervalsPerDay;
}

/** Throws an Error naming the field when a config is inconsistent (a programming error in compile). */
export function checkEngineConfig(c: EngineConfig): void {
	const n = intervalCount(c);
	const fail = (field: string, rule: string) => {
		throw new Error(`EngineConfig.${field}: ${rule}`);
	};
	if (!(Number.isInteger(c.days) && c.days >= 1)) fail('days', 'must be an integer >= 1');
	if (!(c.intervalSec > 0)) fail('intervalSec', 'must be > 0');
	if (!(c.openSec >= 0 && c.closeSec > c.openSec && c.closeSec <= c.daySec))
		fail('closeSec', 'need 0 <= openSec < closeSec <= daySec');
	if (Math.abs(c.closeSec - c.openSec - c.intervalsPerDay * c.intervalSec) > 1e-6)
		fail('intervalsPerDay', 'closeSec - openSec must equal intervalsPerDay * intervalSec');
	for (const k of ['arrivalRate', 'forecast', 'agentsRequired', 'agentsScheduled', 'agentsPlanned'] as const)
		if (c[k].length !== n) fail(k, `must have days * intervalsPerDay = ${n} entries`);
	if (c.spike && c.spike.length !== n) fail('spike', `must have ${n} entries or be null`);
	if (c.intents.length < 1) fail('intents', 'needs at least one intent');
	if (!(c.maxAttempts >= 1)) fail('maxAttempts', 'must be >= 1');
	for (const k of [
		'absenteeism',
		'redialProb',
		'callbackProb',
		'churnOnGiveUp',
		'churnOnAbandon',
		'surveyRate',
		'dumpProb',
		'newHireShare'
	] as const)
		if (!(c[k] >= 0 && c[k] <= 1)) fail(k, 'must be a probability in [0, 1]');
	if (!(c.effort > 0)) fail('effort', 'must be > 0');
}
