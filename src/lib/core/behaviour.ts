/**
 * The misalignment mechanism (MODEL.md parts 4-5): how an agent scorecard turns into behaviour.
 *
 *   contract clauses -> speed pressure p in [0, 1] (pressure.ts) -> effort e in [minEffort, 1]
 *     -> handle time = e x required work x agent talk-time factor + after-call work
 *     -> P(resolved) = base resolvability x agent resolve factor x e^k
 *     -> P(dumped) rises once p passes a threshold (dumped: short, unresolved, poor CSAT and QA)
 *     -> P(satisfied) and expected QA score per contact
 *
 * Every parameter is named in `BEHAVIOUR_PARAMS` with its default, unit, range, a one-line
 * explanation and its source or rationale, so the UI can show (and a negotiator can challenge) it.
 * The draft never sets an outcome: it sets clauses and money; everything else follows from these functions.
 *
 * All functions are pure and smooth (at least C1) in their continuous inputs, and allocate nothing
 * but the objects they return.
 */
import { CALIBRATED, CALIBRATION } from './calibrated';

const FITTED = `Illustrative, calibrated to ${CALIBRATION.target} (a rerunnable calibration fits it to these figures).`;

/** All behaviour, satisfaction and QA parameters (see BEHAVIOUR_PARAMS for units and sources). */
export interface BehaviourParams {
	serviceSpeedShare: number;
	intrinsicOutcomeWeight: number;
	stakeScale: number;
	targetUncertainty: number;
	minEffort: number;
	pressureMidpoint: number;
	pressureSensitivity: number;
	resolutionElasticity: number;
	dumpThreshold: number;
	maxDumpRate: number;
	dumpHandleFraction: number;
	skillSpread: number;
	skillResolutionSpread: number;
	newHireShare: number;
	newHireSlowdown: number;
	newHireResolution: number;
	satBase: number;
	satWaitPerMinute: number;
	satUnresolvedPenalty: number;
	satAttemptPenalty: number;
	satRushPenalty: number;
	satDumpPenalty: number;
	qaBase: number;
	qaRushPenalty: number;
	qaDumpScore: number;
	qaItemsPerEvaluation: number;
}
export type BehaviourParamKey = keyof BehaviourParams;

/** The parameters of each group (assumptions.behaviour, .customers.satisfaction, .qa; see ParamGroup). */
export type AgentBehaviour = Pick<
	BehaviourParams,
	| 'serviceSpeedShare'
	| 'intrinsicOutcomeWeight'
	| 'stakeScale'
	| 'targetUncertainty'
	| 'minEffort'
	| 'pressureMidpoint'
	| 'pressureSensitivity'
	| 'resolutionElasticity'
	| 'dumpThreshold'
	| 'maxDumpRate'
	| 'dumpHandleFraction'
	| 'skillSpread'
	| 'skillResolutionSpread'
	| 'newHireShare'
	| 'newHireSlowdown'
	| 'newHireResolution'
>;
export type SatisfactionParams = Pick<
	BehaviourParams,
	| 'satBase'
	| 'satWaitPerMinute'
	| 'satUnresolvedPenalty'
	| 'satAttemptPenalty'
	| 'satRushPenalty'
	| 'satDumpPenalty'
>;
export type QaParams = Pick<
	BehaviourParams,
	'qaBase' | 'qaRushPenalty' | 'qaDumpScore' | 'qaItemsPerEvaluation'
>;

/** Where a parameter lives in a scenario file: assumptions.behaviour, .customers.satisfaction or .qa. */
export type ParamGroup = 'agents' | 'satisfaction' | 'qa';

/** Metadata of one parameter, for the schema (range) and the UI (label, help, source). */
export interface ParamMeta {
	key: BehaviourParamKey;
	group: ParamGroup;
	label: string;
	default: number;
	unit: string;
	min: number;
	max: number;
	integer?: boolean;
	/** One line: what it does. */
	help: string;
	/** Public source, or "Assumption:" with the rationale. */
	source: string;
	/** Fitted by `npm run calibrate` (no public source): the app says "illustrative, calibrated to ...". */
	calibrated?: true;
	/** Added after the first file format: files without it get the default (nothing saved is lost). */
	optional?: true;
}

export const BEHAVIOUR_PARAMS: readonly ParamMeta[] = [
	// --- pressure
	{
		key: 'serviceSpeedShare',
		group: 'agents',
		label: 'Service weight felt as speed',
		default: 0.25,
		unit: 'fraction',
		min: 0,
		max: 1,
		help: 'Share of the push of SL, ASA and abandonment clauses that agents feel as pressure to handle faster.',
		source:
			'Assumption: queue metrics are delivered mainly by staffing, but "calls waiting" boards push agents to hurry; a quarter is a middle guess.'
	},
	{
		key: 'intrinsicOutcomeWeight',
		group: 'agents',
		label: "Agents' own wish to resolve",
		default: CALIBRATED.intrinsicOutcomeWeight,
		unit: 'push (a fully funded, fully binding clause pushes 1)',
		min: 0,
		max: 5,
		help: 'Unscored pull towards solving the problem anyway (pride, the customer on the line); keeps speed pressure below 1 even under a speed-only contract.',
		source: FITTED,
		calibrated: true
	},
	{
		key: 'stakeScale',
		group: 'agents',
		label: 'Money felt at 63 %',
		default: 0.03,
		unit: 'share of the monthly invoice',
		min: 0.001,
		max: 1,
		help: "How strongly a clause's money is felt: money at risk equal to this share of the invoice is felt at 63 % of full strength, and more money is felt more, with less and less added: 1 % of the invoice at risk is felt much less than 10 %.",
		source:
			'Assumption: vendor margins run 10-25 % of revenue, so 3 % of the invoice is a fifth to a third of the margin: enough that team leaders coach to it.',
		optional: true
	},
	{
		key: 'targetUncertainty',
		group: 'agents',
		label: 'Target uncertainty',
		default: 0.05,
		unit: 'points (fractions) or share of target (seconds)',
		min: 0.001,
		max: 1,
		help: 'How binding a target feels: a target the centre would miss without trying is felt fully, one it would meet anyway fades, and this sets how fast: a target this far inside what the centre delivers anyway is felt at about a quarter strength.',
		source:
			'Assumption: month-to-month results move by a few points, so a target 5 points (or 5 %) inside what the centre delivers anyway is felt at about a quarter strength, 15 points inside at 5 %.',
		optional: true
	},
	// --- effort
	{
		key: 'minEffort',
		group: 'agents',
		label: 'Minimum effort',
		default: CALIBRATED.minEffort,
		unit: 'fraction of required work',
		min: 0.2,
		max: 1,
		help: 'Share of the required work still done under maximum speed pressure (non-dumped contacts).',
		source: FITTED,
		calibrated: true
	},
	{
		key: 'pressureMidpoint',
		group: 'agents',
		label: 'Pressure midpoint',
		default: CALIBRATED.pressureMidpoint,
		unit: 'pressure from 0 to 1',
		min: 0.05,
		max: 0.95,
		help: 'Speed pressure at which effort has dropped half-way from 1 to the minimum.',
		source: FITTED,
		calibrated: true
	},
	{
		key: 'pressureSensitivity',
		group: 'agents',
		label: 'Pressure sensitivity',
		default: CALIBRATED.pressureSensitivity,
		unit: 'steepness',
		min: 0.5,
		max: 30,
		help: 'Steepness of the S-curve from pressure to effort; higher = agents react more sharply around the midpoint.',
		source: FITTED,
		calibrated: true
	},
	// --- resolution
	{
		key: 'resolutionElasticity',
		group: 'agents',
		label: 'Resolution elasticity',
		default: CALIBRATED.resolutionElasticity,
		unit: 'exponent',
		min: 0,
		max: 5,
		help: 'How fast resolution falls when agents skip work: at 1, an agent doing 90 % of the work resolves 90 % as often as at full effort; higher values make skipped work cost more resolutions.',
		source: FITTED,
		calibrated: true
	},
	// --- dumping
	{
		key: 'dumpThreshold',
		group: 'agents',
		label: 'Dumping threshold',
		default: 0.6,
		unit: 'pressure from 0 to 1',
		min: 0,
		max: 1,
		help: 'Speed pressure above which agents start to dump contacts (release, transfer, deflect).',
		source: 'Assumption: dumping appears only when speed clearly dominates the scorecard.'
	},
	{
		key: 'maxDumpRate',
		group: 'agents',
		label: 'Dump rate at full pressure',
		default: 0.08,
		unit: 'fraction of contacts',
		min: 0,
		max: 0.5,
		help: 'Share of contacts dumped at full speed pressure (rising smoothly from none at the threshold).',
		source:
			'Assumption: call-avoidance (hang-ups, blind transfers) of a few % of contacts is a known symptom of AHT targets.'
	},
	{
		key: 'dumpHandleFraction',
		group: 'agents',
		label: 'Dumped contact length',
		default: 0.2,
		unit: 'fraction of talk time',
		min: 0.01,
		max: 1,
		help: 'Talk time of a dumped contact as a share of its normal talk time (after-call work unchanged).',
		source: 'Assumption: a dump ends the contact early: a short greeting and a transfer or release.'
	},
	// --- agents
	{
		key: 'skillSpread',
		group: 'agents',
		label: 'Skill spread (speed)',
		default: 0.15,
		unit: 'spread, about the share of a typical difference',
		min: 0,
		max: 1,
		help: "How much agents differ in speed: with 0.15, a typical agent's talk time is about 15 % above or below the average agent's (the average stays the same).",
		source: 'Assumption: AHT of tenured agents on one queue typically differs by 10-20 % (1 sd).'
	},
	{
		key: 'skillResolutionSpread',
		group: 'agents',
		label: 'Skill spread (resolution)',
		default: 0.05,
		unit: 'spread of the resolution chance',
		min: 0,
		max: 0.5,
		help: 'How much agents differ in resolving issues: with 0.05, a typical agent resolves about 5 % more or less often than the average agent; the agents who take longer are the ones who resolve more (one spread drives both).',
		source: 'Assumption: a few points of FCR between average and good agents.'
	},
	{
		key: 'newHireShare',
		group: 'agents',
		label: 'Share of new hires',
		default: 0.15,
		unit: 'fraction of agents',
		min: 0,
		max: 1,
		help: 'Share of agents still in their first months (slower, resolve less).',
		source:
			'Industry ranges: annual agent attrition 30-45 %; with about 4-5 months to proficiency, about 15 % of the floor is new.'
	},
	{
		key: 'newHireSlowdown',
		group: 'agents',
		label: 'New-hire slowdown',
		default: 1.3,
		unit: 'x work time',
		min: 1,
		max: 3,
		help: "Multiplier of a new hire's work time.",
		source: 'Assumption: speed-to-proficiency curves commonly start 20-40 % above tenured AHT.'
	},
	{
		key: 'newHireResolution',
		group: 'agents',
		label: 'New-hire resolution',
		default: 0.85,
		unit: 'x resolution probability',
		min: 0.1,
		max: 1,
		help: "Multiplier of a new hire's resolution probability.",
		source: 'Assumption: new hires escalate and miss more; about 15 % fewer resolutions.'
	},
	// --- satisfaction
	{
		key: 'satBase',
		group: 'satisfaction',
		label: 'Satisfaction, best case',
		default: 0.9,
		unit: 'probability',
		min: 0,
		max: 1,
		help: 'Chance a customer is satisfied after a first contact answered at once and resolved with full effort.',
		source:
			'SQM Group: retail CSAT about 81 % on average; resolved first contacts score well above the average.'
	},
	{
		key: 'satWaitPerMinute',
		group: 'satisfaction',
		label: 'Satisfaction lost per minute of wait',
		default: 0.05,
		unit: 'fraction per minute',
		min: 0,
		max: 1,
		help: 'Each minute of wait takes this share off the chance a customer is satisfied (5 % a minute: a 2-minute wait leaves 90 % of it).',
		source: 'Assumption: a 2-minute wait costs about 10 % of satisfaction.'
	},
	{
		key: 'satUnresolvedPenalty',
		group: 'satisfaction',
		label: 'Satisfaction lost when unresolved',
		default: 0.5,
		unit: 'fraction',
		min: 0,
		max: 1,
		help: 'An unresolved contact takes this share off the chance the customer is satisfied (50 % halves it).',
		source: 'Assumption after SQM: unresolved contacts score far lower; halving is a conservative middle.'
	},
	{
		key: 'satAttemptPenalty',
		group: 'satisfaction',
		label: 'Satisfaction lost per extra contact',
		default: 0.15,
		unit: 'fraction per attempt',
		min: 0,
		max: 1,
		help: 'Each further contact about the same issue takes this share off the chance the customer is satisfied.',
		source: 'SQM Group: each additional contact costs about 15 % of customer satisfaction.'
	},
	{
		key: 'satRushPenalty',
		group: 'satisfaction',
		label: 'Satisfaction lost to rushing',
		default: 0.5,
		unit: 'per unit of missing effort',
		min: 0,
		max: 1,
		help: 'A rushed contact loses satisfaction in proportion to the work skipped: with 0.5, skipping a fifth of the work takes 10 % off the chance the customer is satisfied.',
		source: 'Assumption: effort 0.8 costs 10 % of satisfaction on top of its effect on resolution.'
	},
	{
		key: 'satDumpPenalty',
		group: 'satisfaction',
		label: 'Satisfaction lost when dumped',
		default: 0.6,
		unit: 'fraction',
		min: 0,
		max: 1,
		help: 'A dumped contact (cut off or bounced) takes this further share off the chance the customer is satisfied, on top of being unresolved.',
		source: 'Assumption: being cut off or bounced is worse than an honest failure to resolve.'
	},
	// --- QA
	{
		key: 'qaBase',
		group: 'qa',
		label: 'QA score at full effort',
		default: 0.9,
		unit: 'score from 0 to 1',
		min: 0,
		max: 1,
		help: 'Expected QA score (share of form items passed) of a contact handled with full effort.',
		source: 'Assumption: QA programmes commonly target and report 85-90 %.'
	},
	{
		key: 'qaRushPenalty',
		group: 'qa',
		label: 'QA lost to rushing',
		default: 0.8,
		unit: 'per unit of missing effort',
		min: 0,
		max: 2,
		help: 'A rushed contact loses QA score in proportion to the work skipped: with 0.5, skipping a fifth of the work takes 10 % off the score; skipped steps fail form items.',
		source: 'Assumption: most skipped work (verification, summaries, notes) is what QA forms check.'
	},
	{
		key: 'qaDumpScore',
		group: 'qa',
		label: 'QA score of a dumped contact',
		default: 0.3,
		unit: 'score from 0 to 1',
		min: 0,
		max: 1,
		help: 'Expected QA score of a dumped contact.',
		source: 'Assumption: a dump fails most process items.'
	},
	{
		key: 'qaItemsPerEvaluation',
		group: 'qa',
		label: 'Items per QA form',
		default: 20,
		unit: 'items',
		min: 1,
		max: 200,
		integer: true,
		help: 'Items on a QA form; a measured score is the share of items passed, so fewer items give noisier scores.',
		source: 'Assumption: typical contact-centre QA forms have 15-30 items.'
	}
];

/** Defaults of every behaviour parameter. */
export const DEFAULT_BEHAVIOUR: BehaviourParams = Object.fromEntries(
	BEHAVIOUR_PARAMS.map((m) => [m.key, m.default])
) as unknown as BehaviourParams;

/** Parameter metadata by key. */
export const BEHAVIOUR_PARAM_META: Record<BehaviourParamKey, ParamMeta> = Object.fromEntries(
	BEHAVIOUR_PARAMS.map((m) => [m.key, m])
) as Record<BehaviourParamKey, ParamMeta>;

/** The keys of one group, in table order. */
export function paramKeys(group: ParamGroup): BehaviourParamKey[] {
	return BEHAVIOUR_PARAMS.filter((m) => m.group === group).map((m) => m.key);
}

// ---------------------------------------------------------------------------------------------

function clamp01(x: number): number {
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

/**
 * The vendor's coaching bias b in [-1, 1] moves the contract's speed pressure p (pressure.ts)
 * towards 1 (b > 0) or 0 (b < 0) by |b| of the way.
 */
export function biasPressure(pressure: number, coachingSpeedBias = 0): number {
	const p = clamp01(pressure);
	const b = Math.max(-1, Math.min(1, coachingSpeedBias));
	return clamp01(b >= 0 ? p + b * (1 - p) : p * (1 + b));
}

/**
 * Effort (fraction of the required work done) from speed pressure p:
 *   effort = 1 - (1 - minEffort) x L(p), L(p) = (s(p) - s(0)) / (s(1) - s(0)), s(p) = sigmoid(k (p - m))
 * with k = pressureSensitivity and m = pressureMidpoint. L rises smoothly from 0 to 1, so effort falls
 * smoothly from 1 (no pressure) to minEffort (full pressure) and never rises with pressure.
 */
export function effortFromPressure(
	pressure: number,
	params: Pick<BehaviourParams, 'minEffort' | 'pressureMidpoint' | 'pressureSensitivity'>
): number {
	const p = clamp01(pressure);
	const k = params.pressureSensitivity;
	const m = params.pressureMidpoint;
	const s0 = sigmoid(-k * m);
	const s1 = sigmoid(k * (1 - m));
	const l = (sigmoid(k * (p - m)) - s0) / (s1 - s0);
	return 1 - (1 - params.minEffort) * clamp01(l);
}

/**
 * Probability that a (non-dumped) contact resolves the issue:
 *   min(1, base resolvability x agent resolve factor x effort^resolutionElasticity).
 * Effort 1 and an average agent (factor 1) give the intent's base resolvability.
 */
export function resolutionProbability(
	baseResolvability: number,
	effort: number,
	agentResolveFactor: number,
	params: Pick<BehaviourParams, 'resolutionElasticity'>
): number {
	return clamp01(
		baseResolvability * agentResolveFactor * Math.pow(clamp01(effort), params.resolutionElasticity)
	);
}

/**
 * Probability that a contact is dumped, from speed pressure p:
 *   0 for p <= dumpThreshold, then maxDumpRate x smoothstep((p - threshold) / (1 - threshold)),
 * smoothstep(x) = 3x^2 - 2x^3 (C1-smooth, 0 at the threshold, maxDumpRate at p = 1).
 */
export function dumpProbability(
	pressure: number,
	params: Pick<BehaviourParams, 'dumpThreshold' | 'maxDumpRate'>
): number {
	const t = params.dumpThreshold;
	if (pressure <= t || t >= 1) return 0;
	const x = clamp01((pressure - t) / (1 - t));
	return params.maxDumpRate * x * x * (3 - 2 * x);
}

/**
 * Probability that the customer is satisfied with one contact (the engine's formula, engine-config.ts):
 *   satBase x max(0, 1 - satWaitPerMinute x wait/60) x (resolved ? 1 : 1 - satUnresolvedPenalty)
 *     x (1 - satAttemptPenalty)^(attempt - 1) x (1 - satRushPenalty x (1 - effort)) x (dumped ? 1 - satDumpPenalty : 1)
 * A product of factors in [0, 1]: never rises with wait, attempt, missing effort, non-resolution or dumping.
 * @param waitSeconds the contact's wait in the queue, seconds
 * @param attempt 1 for the first contact about the issue, 2 for the first repeat, ...
 */
export function satisfactionProbability(
	waitSeconds: number,
	resolved: boolean,
	attempt: number,
	effort: number,
	dumped: boolean,
	params: SatisfactionParams
): number {
	let p = params.satBase * Math.max(0, 1 - (params.satWaitPerMinute * Math.max(0, waitSeconds)) / 60);
	if (!resolved) p *= 1 - params.satUnresolvedPenalty;
	if (attempt > 1) p *= Math.pow(1 - params.satAttemptPenalty, attempt - 1);
	p *= 1 - params.satRushPenalty * (1 - clamp01(effort));
	if (dumped) p *= 1 - params.satDumpPenalty;
	return clamp01(p);
}

/**
 * Expected QA score (0..1) of one contact: qaDumpScore when dumped, else
 * qaBase x max(0, 1 - qaRushPenalty x (1 - effort)).
 * A measured evaluation is Binomial(qaItemsPerEvaluation, this) / qaItemsPerEvaluation (drawn by the engine).
 */
export function expectedQaScore(
	effort: number,
	dumped: boolean,
	params: Pick<BehaviourParams, 'qaBase' | 'qaRushPenalty' | 'qaDumpScore'>
): number {
	if (dumped) return params.qaDumpScore;
	return clamp01(params.qaBase * Math.max(0, 1 - params.qaRushPenalty * (1 - clamp01(effort))));
}

/** One agent's own factors. */
export interface AgentFactors {
	/** Multiplies the talk time (1 = average tenured agent; > 1 slower). */
	workFactor: number;
	/** Multiplies the resolution probability (1 = average tenured agent). */
	resolveFactor: number;
	newHire: boolean;
}

/**
 * An agent's factors from a standard normal score z and whether the agent is a new hire, as the
 * engine draws them (engine-config.ts, 'skills' stream):
 *   workFactor = exp(skillSpread x z - skillSpread^2 / 2) (mean 1 over agents) x (newHire ? newHireSlowdown : 1)
 *   resolveFactor = max(0, 1 + skillResolutionSpread x z) x (newHire ? newHireResolution : 1)
 * For display and tests; the engine applies the same formulas.
 */
export function agentFactors(
	z: number,
	newHire: boolean,
	params: Pick<
		BehaviourParams,
		'skillSpread' | 'skillResolutionSpread' | 'newHireSlowdown' | 'newHireResolution'
	>
): AgentFactors {
	const s = params.skillSpread;
	let workFactor = Math.exp(s * z - (s * s) / 2);
	let resolveFactor = Math.max(0, 1 + params.skillResolutionSpread * z);
	if (newHire) {
		workFactor *= params.newHireSlowdown;
		resolveFactor *= params.newHireResolution;
	}
	return { workFactor, resolveFactor, newHire };
}

/**
 * The behaviour at a speed pressure, for display and for the compiler: effort, dump
 * probability and the factors they imply for an average tenured agent on a contact of base
 * resolvability 1 (multiply by the intent's base to get its resolution probability).
 */
export interface ScorecardBehaviour {
	pressure: number;
	effort: number;
	dumpProbability: number;
	/** effort^k: the resolution multiplier of a non-dumped contact. */
	resolutionFactor: number;
	/** Expected QA score of a non-dumped contact. */
	qaScore: number;
}

export function scorecardBehaviour(pressure: number, params: BehaviourParams): ScorecardBehaviour {
	const effort = effortFromPressure(pressure, params);
	return {
		pressure,
		effort,
		dumpProbability: dumpProbability(pressure, params),
		resolutionFactor: resolutionProbability(1, effort, 1, params),
		qaScore: expectedQaScore(effort, false, params)
	};
}
