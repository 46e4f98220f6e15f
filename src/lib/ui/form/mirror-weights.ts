/**
 * The scorecard weights a draft implies when agents mirror the contract: each measure weighs the
 * money tied to its clauses (credits and bonuses, as agents feel it). Switching a scorecard to
 * manual starts from these, so the vendor's own weights begin where the contract already pushes.
 */
import type { Scenario } from '$lib/core/schema/scenario';
import { SCORECARD_KEYS, type ScorecardWeights } from '$lib/core/schema/draft';
import { behaviourParams, centreBaseline, demandPlan } from '$lib/core/compile';
import { draftPressure } from '$lib/core/pressure';

const round3 = (x: number) => (x > 0 ? Number(x.toPrecision(3)) : 0);

/** Mirrored weights of a valid scenario's draft; every weight 0 when no clause carries money. */
export function mirroredWeights(scenario: Scenario, draftIndex: number): ScorecardWeights {
	const draft = scenario.drafts[draftIndex];
	const mirror = { ...draft, scorecard: { mode: 'mirror' as const } };
	const base = centreBaseline(scenario, mirror, demandPlan(scenario.assumptions));
	const { clauses } = draftPressure(mirror, base, behaviourParams(scenario.assumptions));
	const weights = Object.fromEntries(SCORECARD_KEYS.map((k) => [k, 0])) as ScorecardWeights;
	for (const c of clauses) weights[c.metric] += c.money;
	const top = Math.max(...SCORECARD_KEYS.map((k) => weights[k]));
	// Scaled so the heaviest measure weighs 1: relative weights read more easily than shares of a stake.
	for (const k of SCORECARD_KEYS) weights[k] = top > 0 ? round3(weights[k] / top) : 0;
	return weights;
}

/**
 * Weights for a draft that cannot be evaluated (the scenario has problems): 1 for each measure its
 * targets and bonuses name, so the manual scorecard is valid and close to what the contract measures.
 */
export function measuredWeights(draft: {
	metrics?: { metric?: unknown }[];
	bonuses?: { metric?: unknown }[];
}): ScorecardWeights {
	const weights = Object.fromEntries(SCORECARD_KEYS.map((k) => [k, 0])) as ScorecardWeights;
	for (const m of [...(draft.metrics ?? []), ...(draft.bonuses ?? [])])
		if (typeof m?.metric === 'string' && m.metric in weights) weights[m.metric as keyof ScorecardWeights] = 1;
	return weights;
}
