/**
 * Scenario + draft index -> the engine's `EngineConfig` (see engine-config.ts).
 *
 * Shared by every draft (so drafts face the same customers): calendar, first-contact arrival rates
 * (forecast x day-of-week x intraday profile x actual/forecast), spikes, busyness, the client's
 * forecast of offered contacts, intents, customers, satisfaction and skill parameters.
 * Per draft ([draft] fields of EngineConfig): the contract's clauses against the centre without
 * pressure (`centreBaseline`) -> speed pressure (pressure.ts) -> effort, resolution factor, dump
 * probability, expected QA score (behaviour.ts); the vendor's staffing plan (staffing.ts) with the
 * draft's staffing policy factor, the contacts per issue the vendor expects under that behaviour
 * (its re-forecast, unless the scenario plans on the client's forecast) and, for plannedAhtSeconds
 * 'auto', the AHT it expects; the draft's SL threshold, short-abandon threshold and FCR window.
 */
import { biasPressure, scorecardBehaviour, type BehaviourParams } from './behaviour';
import { deterministic, empirical, exponential, gamma, lognormal, never } from './distributions';
import { checkEngineConfig, type Dist, type EngineConfig, type IntentConfig } from './engine-config';
import { erlangAMetrics, requiredAgents } from './erlang';
import { draftPressure, type Baseline, type DraftPressure } from './pressure';
import { openIntervalsPerDay, WEEKDAYS, type Assumptions, type DistSpec } from './schema/assumptions';
import { draftFcrWindowDays, draftSlThresholdSeconds, type Draft } from './schema/draft';
import type { Scenario } from './schema/scenario';
import { staffingPlan, type StaffingPlanInput } from './staffing';

/** A scenario distribution spec (value unit x `scale` = seconds) as the engine's Dist. */
export function toDist(spec: DistSpec, scale = 1): Dist {
	switch (spec.kind) {
		case 'exponential':
			return exponential(spec.mean * scale);
		case 'lognormal':
			return lognormal(spec.mean * scale, spec.cv);
		case 'gamma':
			return gamma(spec.mean * scale, spec.cv);
		case 'deterministic':
			return deterministic(spec.mean * scale);
		case 'empirical':
			return empirical(
				spec.values.map((v) => v * scale),
				spec.probs
			);
		case 'never':
			return never();
	}
}

/** Mean of a spec in its own unit (Infinity for 'never'). */
export function specMean(spec: DistSpec): number {
	if (spec.kind === 'never') return Infinity;
	if (spec.kind === 'empirical') return toDist(spec).mean;
	return spec.mean;
}

/** All behaviour parameters of a scenario in one object (agents, satisfaction and QA groups). */
export function behaviourParams(a: Assumptions): BehaviourParams {
	const { evaluationsPerAgentPerMonth: _e, ...qa } = a.qa;
	return { ...a.behaviour, ...a.customers.satisfaction, ...qa };
}

/** Shared demand, the same for every draft. */
export interface DemandPlan {
	intervalSec: number;
	intervalsPerDay: number;
	openSec: number;
	closeSec: number;
	/** Per row: first-contact arrival rate (per second), actual = forecast x actualToForecast. */
	arrivalRate: Float64Array;
	/** Per row: the client's forecast of offered contacts. */
	forecast: Float64Array;
	/** Per row: spike multiplier, or null when there are no spikes. */
	spike: Float64Array | null;
}

/** Intraday weights per interval (normalised to sum 1) from a per-hour or per-interval profile. */
export function intradayWeights(a: Assumptions): Float64Array {
	const c = a.calendar;
	const ipd = openIntervalsPerDay(c);
	const w = new Float64Array(ipd);
	const prof = c.intradayProfile;
	if (prof.length === ipd) for (let j = 0; j < ipd; j++) w[j] = prof[j];
	else {
		const per = ipd / prof.length; // intervals per hour
		for (let j = 0; j < ipd; j++) w[j] = prof[Math.floor(j / per)] / per;
	}
	let s = 0;
	for (let j = 0; j < ipd; j++) s += w[j];
	for (let j = 0; j < ipd; j++) w[j] /= s;
	return w;
}

/** Day-of-week factor of day d (profile normalised to mean 1). */
export function dayFactors(a: Assumptions): Float64Array {
	const c = a.calendar;
	const prof = c.dayOfWeekProfile;
	let mean = 0;
	for (const v of prof) mean += v / 7;
	const start = WEEKDAYS.indexOf(c.startWeekday);
	const out = new Float64Array(c.days);
	for (let d = 0; d < c.days; d++) out[d] = prof[(start + d) % 7] / mean;
	return out;
}

export function demandPlan(a: Assumptions): DemandPlan {
	const c = a.calendar;
	const intervalSec = c.intervalMinutes * 60;
	const openSec = c.openHour * 3600;
	const closeSec = c.closeHour * 3600;
	const ipd = openIntervalsPerDay(c);
	const rows = c.days * ipd;
	const intraday = intradayWeights(a);
	const days = dayFactors(a);
	const arrivalRate = new Float64Array(rows);
	const forecast = new Float64Array(rows);
	const dm = a.demand;
	for (let d = 0; d < c.days; d++)
		for (let j = 0; j < ipd; j++) {
			const k = d * ipd + j;
			const first = dm.firstContactsPerDay * days[d] * intraday[j];
			arrivalRate[k] = (first * dm.actualToForecast) / intervalSec;
			forecast[k] = first * dm.forecastContactsPerIssue;
		}
	let spike: Float64Array | null = null;
	if (dm.spikes.length > 0) {
		spike = new Float64Array(rows).fill(1);
		for (const s of dm.spikes) {
			const from = s.fromHour * 3600;
			const to = s.toHour * 3600;
			for (let j = 0; j < ipd; j++) {
				const t0 = openSec + j * intervalSec;
				const t1 = t0 + intervalSec;
				const overlap = Math.max(0, Math.min(t1, to) - Math.max(t0, from)) / intervalSec;
				// part-covered intervals get the time-weighted multiplier
				if (overlap > 0) spike[s.day * ipd + j] *= 1 + (s.multiplier - 1) * overlap;
			}
		}
	}
	return { intervalSec, intervalsPerDay: ipd, openSec, closeSec, arrivalRate, forecast, spike };
}

/** What a draft's contract does to behaviour and to the vendor's plan, for the engine and for display. */
export interface DraftBehaviour {
	/** The centre without pressure that the clauses are measured against. */
	baseline: Baseline;
	/** Every clause's push and the speed pressure they add up to, before the coaching bias. */
	contract: DraftPressure;
	/** Speed pressure after the vendor's coaching bias (or the caller's override). */
	pressure: number;
	effort: number;
	resolutionFactor: number;
	dumpProb: number;
	qaScore: number;
	/** Expected AHT (talk + ACW) of a contact under this behaviour, seconds. */
	expectedAht: number;
	/** The AHT the vendor plans with (the scenario's, expectedAht for 'auto', or the caller's), seconds. */
	plannedAht: number;
	/** Offered contacts per new issue the vendor expects under this behaviour (its re-forecast). */
	expectedContactsPerIssue: number;
	/** Contacts per issue the vendor staffs to: expectedContactsPerIssue, the client's figure, or the caller's. */
	plannedContactsPerIssue: number;
}

/**
 * What the caller may fix instead of deriving it (the multi-month term: habits and forecasts that
 * move month by month). Anything left out is derived as for a single month.
 */
export interface CompileOverrides {
	/** Speed pressure agents actually feel (e.g. on the way from an old scorecard to this one). */
	pressure?: number;
	/** Contacts per new issue the vendor staffs to. */
	plannedContactsPerIssue?: number;
	/** AHT the vendor staffs to, seconds. */
	plannedAht?: number;
}

/** The vendor's staffing policy factor, never below the draft's minimum-staffing commitment. */
export function staffingFactorOf(draft: Draft): number {
	return Math.max(draft.vendor.staffingPolicyFactor, draft.governance?.minimumStaffing ?? 0);
}

/** Mean talk-time factor over agents: skill spread has mean 1, new hires are slower. */
function meanWorkFactor(p: BehaviourParams): number {
	return 1 - p.newHireShare + p.newHireShare * p.newHireSlowdown;
}

/** Expected handle time of a contact given effort and dump probability, seconds. */
export function expectedAht(a: Assumptions, effort: number, dumpProb: number): number {
	const p = behaviourParams(a);
	const mwf = meanWorkFactor(p);
	let shares = 0;
	let sum = 0;
	for (const i of a.intents) {
		const talk = effort * specMean(i.workSeconds) * mwf * (1 - dumpProb + dumpProb * p.dumpHandleFraction);
		sum += i.share * (talk + specMean(i.acwSeconds));
		shares += i.share;
	}
	return sum / shares;
}

/**
 * A rough monthly invoice under the draft's price model, from the forecast and a plan at full-effort
 * AHT. Only used to turn fixed bonus amounts into a share of the invoice, the stake a clause puts on
 * agents (pressure.ts); it never enters the money results.
 */
export function estimateMonthlyInvoice(s: Scenario, draft: Draft, demand: DemandPlan): number {
	const a = s.assumptions;
	const aht = expectedAht(a, 1, 0);
	let contacts = 0;
	let agentSec = 0;
	const memo = new Map<number, number>();
	for (let k = 0; k < demand.forecast.length; k++) {
		const fc = demand.forecast[k];
		contacts += fc;
		let n = memo.get(fc);
		if (n === undefined) {
			n =
				fc > 0
					? requiredAgents({
							arrivalRate: fc / demand.intervalSec,
							aht,
							slThreshold: a.staffing.targetSeconds,
							targetServiceLevel: a.staffing.targetServiceLevel,
							maxOccupancy: a.staffing.occupancyCap
						})
					: 0;
			memo.set(fc, n);
		}
		agentSec += n * demand.intervalSec;
	}
	const months = a.calendar.days / 30;
	const staffedHours = agentSec / 3600;
	const scheduledHours = staffedHours / (1 - a.staffing.shrinkage);
	const pr = draft.price;
	let invoice: number;
	switch (pr.model) {
		case 'perHandledContact':
			invoice = pr.rate * contacts;
			break;
		case 'perHandledMinute':
			invoice = (pr.rate * contacts * aht) / 60;
			break;
		case 'perProductiveHour':
			invoice = (pr.rate * contacts * aht) / 3600;
			break;
		case 'perStaffedHour':
			invoice = pr.rate * staffedHours;
			break;
		case 'perFte':
			invoice = (pr.rate * scheduledHours) / pr.fteHoursPerMonth;
			break;
	}
	return invoice / Math.max(months, 1e-9);
}

/** Mean resolution factor over agents: skill spread has mean 1, new hires resolve less. */
function meanResolveFactor(p: BehaviourParams): number {
	return 1 - p.newHireShare + p.newHireShare * p.newHireResolution;
}

/** True FCR (share of handled contacts that resolve) at an effort, dump probability and agent mix. */
export function expectedFcr(a: Assumptions, effort: number, dumpProb: number): number {
	const p = behaviourParams(a);
	let shares = 0;
	let sum = 0;
	for (const i of a.intents) {
		sum += i.share * i.resolvability;
		shares += i.share;
	}
	const f = (sum / shares) * meanResolveFactor(p) * Math.pow(effort, p.resolutionElasticity);
	return Math.min(1, f) * (1 - dumpProb);
}

/**
 * Handled contacts per new issue when each handled contact resolves with probability fcr and an
 * unresolved customer comes back with the callback probability, at most maxAttempts times:
 * 1 + q + ... + q^(M-1), q = (1 - fcr) x callback probability (MODEL.md: 1 / (1 - (1 - FCR) r)).
 */
export function handledPerIssue(a: Assumptions, fcr: number): number {
	const q = (1 - fcr) * a.customers.callbackProbability;
	const m = a.customers.maxAttempts;
	return q < 1 ? (1 - Math.pow(q, m)) / (1 - q) : m;
}

/** The queue of an average open interval under the vendor's plan (Erlang A with the customers' patience). */
function planQueue(s: Scenario, draft: Draft, demand: DemandPlan, contactsPerIssue: number, aht: number) {
	const a = s.assumptions;
	const st = a.staffing;
	let first = 0;
	for (let k = 0; k < demand.forecast.length; k++) first += demand.forecast[k];
	first /= a.demand.forecastContactsPerIssue * demand.forecast.length;
	const rate = (first * contactsPerIssue) / demand.intervalSec;
	const patience = specMean(a.customers.patienceSeconds);
	let agents: number;
	if (st.method === 'fixed') {
		const f = st.fixedAgents ?? 0;
		agents = typeof f === 'number' ? f : f.reduce((x, y) => x + y, 0) / Math.max(1, f.length);
		agents = Math.round(agents);
	} else {
		const required = requiredAgents({
			arrivalRate: rate,
			aht,
			slThreshold: st.targetSeconds,
			targetServiceLevel: st.targetServiceLevel,
			maxOccupancy: st.occupancyCap,
			patienceMean: st.method === 'erlangA' ? patience : Infinity
		});
		agents = Math.max(st.minAgents, Math.round(required * staffingFactorOf(draft)));
	}
	return erlangAMetrics({
		arrivalRate: rate,
		aht,
		agents,
		slThreshold: draftSlThresholdSeconds(draft),
		patienceMean: patience
	});
}

/**
 * Offered contacts per new issue at an effort and dump probability: handled contacts per issue,
 * plus the redials of the abandon rate `abandon` (each abandon redialled with the redial probability).
 */
export function offeredPerIssue(a: Assumptions, effort: number, dumpProb: number, abandon: number): number {
	const retry = abandon * a.customers.redialProbability;
	return handledPerIssue(a, expectedFcr(a, effort, dumpProb)) / Math.max(1e-9, 1 - retry);
}

/**
 * The centre without pressure, as the contract measures it: every agent at full effort, no dumping,
 * the vendor's plan for the volume that brings (an average open interval, Erlang A with the
 * customers' patience); and the expected monthly invoice. Approximations, stated in docs/BEHAVIOUR.md:
 * it only decides how binding each target is, never an outcome.
 */
export function centreBaseline(s: Scenario, draft: Draft, demand = demandPlan(s.assumptions)): Baseline {
	const a = s.assumptions;
	const p = behaviourParams(a);
	const aht = expectedAht(a, 1, 0);
	const fcr = expectedFcr(a, 1, 0);
	const handled = handledPerIssue(a, fcr);
	const q0 = planQueue(s, draft, demand, handled, aht);
	const firstSl = draft.metrics.find((m) => m.metric === 'serviceLevel');
	const q = (1 - fcr) * a.customers.callbackProbability;
	const attemptFactor = (1 - q) / (1 - q * (1 - p.satAttemptPenalty));
	const waitFactor = Math.max(0, 1 - (p.satWaitPerMinute * q0.asa) / 60);
	const csat = p.satBase * waitFactor * (fcr + (1 - fcr) * (1 - p.satUnresolvedPenalty)) * attemptFactor;
	return {
		values: {
			serviceLevel:
				firstSl && firstSl.definition.base === 'answered' ? q0.serviceLevelOfAnswered : q0.serviceLevel,
			asa: q0.asa,
			abandonRate: q0.pAbandon,
			aht,
			fcr: 1 - q,
			repeatContactRate: (handled - 1) / handled,
			csat,
			qaScore: p.qaBase
		},
		invoice: estimateMonthlyInvoice(s, draft, demand)
	};
}

/** The draft's contract -> pressure -> behaviour, and what the vendor plans for. */
export function draftBehaviour(
	s: Scenario,
	draftIndex: number,
	demand = demandPlan(s.assumptions),
	overrides: CompileOverrides = {}
): DraftBehaviour {
	const a = s.assumptions;
	const draft = s.drafts[draftIndex];
	const p = behaviourParams(a);
	const baseline = centreBaseline(s, draft, demand);
	const contract = draftPressure(draft, baseline, p);
	const pressure = overrides.pressure ?? biasPressure(contract.pressure, draft.vendor.coachingSpeedBias);
	const sb = scorecardBehaviour(pressure, p);
	const aht = expectedAht(a, sb.effort, sb.dumpProbability);
	const plannedAht =
		overrides.plannedAht ?? (a.staffing.plannedAhtSeconds === 'auto' ? aht : a.staffing.plannedAhtSeconds);
	// The vendor's re-forecast: the redials of the abandon rate its plan would give at that volume.
	const handled = handledPerIssue(a, expectedFcr(a, sb.effort, sb.dumpProbability));
	const abandon = planQueue(s, draft, demand, handled, plannedAht).pAbandon;
	const expectedContactsPerIssue = offeredPerIssue(a, sb.effort, sb.dumpProbability, abandon);
	return {
		baseline,
		contract,
		pressure,
		effort: sb.effort,
		resolutionFactor: sb.resolutionFactor,
		dumpProb: sb.dumpProbability,
		qaScore: sb.qaScore,
		expectedAht: aht,
		plannedAht,
		expectedContactsPerIssue,
		plannedContactsPerIssue:
			overrides.plannedContactsPerIssue ??
			(a.staffing.planningForecast === 'client'
				? a.demand.forecastContactsPerIssue
				: expectedContactsPerIssue)
	};
}

/** The vendor's staffing inputs under a draft, apart from the forecast and the planned AHT. */
export function staffingInputs(
	a: Assumptions,
	draft: Draft,
	demand: DemandPlan
): Omit<StaffingPlanInput, 'forecast' | 'plannedAhtSec'> {
	const st = a.staffing;
	return {
		method: st.method,
		intervalSec: demand.intervalSec,
		intervalsPerDay: demand.intervalsPerDay,
		targetServiceLevel: st.targetServiceLevel,
		targetSec: st.targetSeconds,
		occupancyCap: st.occupancyCap,
		patienceMeanSec: specMean(a.customers.patienceSeconds),
		shrinkage: st.shrinkage,
		absenteeism: st.absenteeism,
		policyFactor: staffingFactorOf(draft),
		minAgents: st.minAgents,
		fixedAgents: st.fixedAgents ?? undefined
	};
}

/** Compiles draft `draftIndex` of a validated scenario into the engine's config. */
export function compileDraft(
	s: Scenario,
	draftIndex: number,
	overrides: CompileOverrides = {}
): EngineConfig {
	const a = s.assumptions;
	const draft = s.drafts[draftIndex];
	if (!draft) throw new Error(`compileDraft: no draft ${draftIndex}`);
	const demand = demandPlan(a);
	const b = draftBehaviour(s, draftIndex, demand, overrides);
	const p = behaviourParams(a);
	const st = a.staffing;
	// The vendor staffs to its own forecast; the client's stays in the table (volume relief reads it).
	const scale = b.plannedContactsPerIssue / a.demand.forecastContactsPerIssue;
	const vendorForecast = demand.forecast.map((f) => f * scale);
	const plan = staffingPlan({
		...staffingInputs(a, draft, demand),
		forecast: vendorForecast,
		plannedAhtSec: b.plannedAht
	});
	const intents: IntentConfig[] = a.intents.map((i) => ({
		name: i.name,
		share: i.share,
		work: toDist(i.workSeconds),
		acw: toDist(i.acwSeconds),
		resolvability: i.resolvability
	}));
	const c = a.customers;
	const sat = c.satisfaction;
	const config: EngineConfig = {
		days: a.calendar.days,
		daySec: 86400,
		openSec: demand.openSec,
		closeSec: demand.closeSec,
		intervalSec: demand.intervalSec,
		intervalsPerDay: demand.intervalsPerDay,
		closeRule: 'finish',
		closedSpreadSec: c.closedSpreadMinutes * 60,
		arrivalRate: demand.arrivalRate,
		spike: demand.spike,
		busynessCV: a.demand.busynessCV,
		forecast: demand.forecast,
		agentsRequired: plan.agentsRequired,
		agentsScheduled: plan.agentsScheduled,
		agentsPlanned: plan.agentsPlanned,
		plannedContacts: vendorForecast.reduce((x, y) => x + y, 0),
		absenteeism: st.absenteeism,
		intents,
		patience: toDist(c.patienceSeconds),
		shortAbandonSec: draft.shortAbandonSeconds,
		slThresholdSec: draftSlThresholdSeconds(draft),
		redialProb: c.redialProbability,
		redialDelay: toDist(c.redialDelayMinutes, 60),
		callbackProb: c.callbackProbability,
		callbackDelay: toDist(c.callbackDelayHours, 3600),
		maxAttempts: c.maxAttempts,
		churnOnGiveUp: c.churnOnGiveUp,
		churnOnAbandon: c.churnOnAbandon,
		fcrWindowDays: draftFcrWindowDays(draft),
		surveyRate: c.surveyResponseRate,
		satisfaction: {
			base: sat.satBase,
			waitPenaltyPerMin: sat.satWaitPerMinute,
			unresolvedPenalty: sat.satUnresolvedPenalty,
			attemptPenalty: sat.satAttemptPenalty,
			rushPenalty: sat.satRushPenalty,
			dumpPenalty: sat.satDumpPenalty
		},
		effort: b.effort,
		resolutionFactor: b.resolutionFactor,
		dumpProb: b.dumpProb,
		dumpHandleFactor: p.dumpHandleFraction,
		speedSpread: p.skillSpread,
		resolutionSpread: p.skillResolutionSpread,
		newHireShare: p.newHireShare,
		newHireSpeedFactor: p.newHireSlowdown,
		newHireResolutionFactor: p.newHireResolution,
		qaEvalsPerAgentMonth: a.qa.evaluationsPerAgentPerMonth,
		qaItems: p.qaItemsPerEvaluation,
		qaScore: b.qaScore,
		qaScoreDumped: p.qaDumpScore
	};
	checkEngineConfig(config);
	return config;
}

/** Every draft of a scenario, compiled. */
export function compileScenario(s: Scenario): EngineConfig[] {
	return s.drafts.map((_, i) => compileDraft(s, i));
}
