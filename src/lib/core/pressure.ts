/**
 * Pressure from the contract as agents and team leaders feel it (MODEL.md part 4).
 *
 * Every clause that ties money to a metric (a service credit or a bonus) pushes agents. Its push is
 *
 *   push = binding x money
 *   binding = 1 / (1 + exp(-gap / targetUncertainty))          how binding the target is here
 *   money   = 1 - exp(-stake / stakeScale)                      how much money rides on it
 *
 * - gap: how far the centre's UNPRESSURED outcome (full effort, no dumping, the vendor's normal
 *   plan: `Baseline`) sits on the wrong side of the target, in points for fractions (0.05 = 5
 *   points) and as a share of the target for seconds (AHT, ASA). A target the centre meets anyway
 *   has a negative gap and pushes little; a tight one has a positive gap and pushes nearly fully.
 * - stake: the most money the clause can move in a month, as a share of the monthly invoice:
 *   credit = atRisk.percentOfInvoice x atRisk.poolAllocation x metric.poolAllocation x credit.cap
 *   (at most atRisk.percentOfInvoice x atRisk.cap); bonus = percentOfInvoice, or amount / invoice.
 *
 * Speed clauses (AHT) and, at `serviceSpeedShare` of their push, queue clauses (SL, ASA,
 * abandonment) push towards speed; outcome clauses (FCR, repeat contacts, CSAT, QA) push towards
 * effort, and so does the agents' own wish to resolve (`intrinsicOutcomeWeight`):
 *
 *   speed pressure p = speed / (speed + outcome + intrinsicOutcomeWeight)   (0 when speed = 0)
 *
 * then the vendor's coaching bias moves p towards 1 or 0 (behaviour.ts `biasPressure`).
 *
 * Monotone by construction: loosening a target lowers its gap, and lowering its money lowers its
 * stake; both lower that clause's push. So loosening a speed clause (or lowering its money) never
 * raises speed pressure, and loosening an outcome clause never raises the pull towards effort.
 * Only clauses in the metric's natural direction push (AHT, ASA, abandonment and repeats "at most";
 * SL, FCR, CSAT and QA "at least"); a clause the other way round is shown with no push.
 *
 * A 'manual' scorecard states the vendor's own emphasis: each weight (normalised to sum 1) is felt
 * at full money strength, times the binding of the draft's tightest clause on that metric (1 when
 * the contract has none, e.g. contacts per hour).
 */
import type { BehaviourParams } from './behaviour';
import type { ContractMetricName, Draft, ScorecardKey } from './schema/draft';
import { SCORECARD_KEYS } from './schema/draft';

/** Which way a scorecard metric pushes agents. */
export type PushSide = 'speed' | 'outcome' | 'service';

export const PUSH_SIDE: Record<ScorecardKey, PushSide> = {
	aht: 'speed',
	contactsPerHour: 'speed',
	serviceLevel: 'service',
	asa: 'service',
	abandonRate: 'service',
	fcr: 'outcome',
	repeatContactRate: 'outcome',
	csat: 'outcome',
	qaScore: 'outcome'
};

/** The natural direction of each contract metric (lower is better for these). */
const LOWER_IS_BETTER: Record<ContractMetricName, boolean> = {
	serviceLevel: false,
	asa: true,
	abandonRate: true,
	aht: true,
	fcr: false,
	repeatContactRate: true,
	csat: false,
	qaScore: false
};
const SECONDS: Record<ContractMetricName, boolean> = {
	serviceLevel: false,
	asa: true,
	abandonRate: false,
	aht: true,
	fcr: false,
	repeatContactRate: false,
	csat: false,
	qaScore: false
};

/**
 * The centre without pressure: what each contract metric would be at full effort, without dumping,
 * under the vendor's normal staffing plan; and the monthly invoice the money is measured against.
 */
export interface Baseline {
	/** Expected value of each contract metric as the contract measures it (fractions 0..1, seconds). */
	values: Record<ContractMetricName, number>;
	/** Expected monthly invoice under the draft's price model (> 0 for money to count). */
	invoice: number;
}

/** One clause's push, with the reasons, for the engine and for display. */
export interface ClausePush {
	kind: 'credit' | 'bonus' | 'manual';
	metric: ScorecardKey;
	side: PushSide;
	/** The clause's target or bonus threshold; null for a manual weight with no contract clause. */
	target: number | null;
	/** The metric without pressure (Baseline.values); null for contacts per hour. */
	unpressured: number | null;
	/** Gap in the push direction (points / share of target); > 0 means the target would be missed. */
	gap: number;
	binding: number;
	/** Money at stake as a share of the monthly invoice (manual: the normalised weight). */
	stake: number;
	money: number;
	/** binding x money (x serviceSpeedShare for queue clauses when summed as speed). */
	push: number;
	/** False when the clause points against the metric's natural direction (no push). */
	natural: boolean;
}

export interface DraftPressure {
	clauses: ClausePush[];
	/** Sum of speed pushes (queue clauses at serviceSpeedShare). */
	speed: number;
	/** Sum of outcome pushes (without the agents' own wish to resolve). */
	outcome: number;
	intrinsic: number;
	/** speed / (speed + outcome + intrinsic), before the vendor's coaching bias. */
	pressure: number;
}

export type PressureParams = Pick<
	BehaviourParams,
	'serviceSpeedShare' | 'intrinsicOutcomeWeight' | 'stakeScale' | 'targetUncertainty'
>;

/** How binding a target is, from the gap of the unpressured outcome (logistic, 0.5 at gap 0). */
export function bindingOf(gap: number, targetUncertainty: number): number {
	if (!(targetUncertainty > 0)) return gap > 0 ? 1 : gap < 0 ? 0 : 0.5;
	return 1 / (1 + Math.exp(-gap / targetUncertainty));
}

/** How strongly a stake (share of the invoice) is felt: 1 - exp(-stake / stakeScale). */
export function moneyOf(stake: number, stakeScale: number): number {
	if (!(stake > 0)) return 0;
	if (!(stakeScale > 0)) return 1;
	return 1 - Math.exp(-stake / stakeScale);
}

/**
 * Gap of the unpressured value u from target t in the metric's push direction: > 0 when the
 * centre would miss the target without pressure. Points for fractions, share of the target for seconds.
 */
export function targetGap(metric: ContractMetricName, u: number, t: number): number {
	const raw = LOWER_IS_BETTER[metric] ? u - t : t - u;
	if (!SECONDS[metric]) return raw;
	return t > 0 ? raw / t : raw > 0 ? Infinity : -Infinity;
}

/** True when a clause with this direction points the metric's natural way. */
function natural(metric: ContractMetricName, direction: 'atLeast' | 'atMost'): boolean {
	return LOWER_IS_BETTER[metric] === (direction === 'atMost');
}

function clause(
	kind: ClausePush['kind'],
	metric: ContractMetricName,
	direction: 'atLeast' | 'atMost',
	target: number,
	stake: number,
	base: Baseline,
	p: PressureParams
): ClausePush {
	const u = base.values[metric];
	const nat = natural(metric, direction);
	const gap = targetGap(metric, u, target);
	const binding = nat ? bindingOf(gap, p.targetUncertainty) : 0;
	const money = kind === 'manual' ? stake : moneyOf(stake, p.stakeScale);
	return {
		kind,
		metric,
		side: PUSH_SIDE[metric],
		target,
		unpressured: u,
		gap,
		binding,
		stake,
		money,
		push: binding * money,
		natural: nat
	};
}

/** Every clause's push and the speed pressure they add up to (before the coaching bias). */
export function draftPressure(draft: Draft, base: Baseline, p: PressureParams): DraftPressure {
	const clauses: ClausePush[] = [];
	if (draft.scorecard.mode === 'manual' && draft.scorecard.weights) {
		const w = draft.scorecard.weights;
		let sum = 0;
		for (const k of SCORECARD_KEYS) sum += Math.max(0, w[k]);
		for (const k of SCORECARD_KEYS) {
			const weight = sum > 0 ? Math.max(0, w[k]) / sum : 0;
			if (!(weight > 0)) continue;
			let best: ClausePush | null = null;
			if (k !== 'contactsPerHour')
				for (const m of draft.metrics)
					if (m.metric === k) {
						const c = clause('manual', m.metric, m.direction, m.target, weight, base, p);
						if (!best || c.binding > best.binding) best = c;
					}
			clauses.push(
				best ?? {
					kind: 'manual',
					metric: k,
					side: PUSH_SIDE[k],
					target: null,
					unpressured: k === 'contactsPerHour' ? null : base.values[k],
					gap: 0,
					binding: 1,
					stake: weight,
					money: weight,
					push: weight,
					natural: true
				}
			);
		}
	} else {
		const ar = draft.atRisk;
		const poolMax = ar.percentOfInvoice * ar.cap;
		for (const m of draft.metrics) {
			const stake = Math.min(
				poolMax,
				ar.percentOfInvoice * ar.poolAllocation * m.poolAllocation * m.credit.cap
			);
			clauses.push(clause('credit', m.metric, m.direction, m.target, stake, base, p));
		}
		for (const b of draft.bonuses) {
			const stake =
				b.percentOfInvoice !== undefined
					? b.percentOfInvoice
					: base.invoice > 0
						? (b.amount ?? 0) / base.invoice
						: 0;
			clauses.push(clause('bonus', b.metric, b.direction, b.threshold, stake, base, p));
		}
	}
	let speed = 0;
	let outcome = 0;
	for (const c of clauses) {
		if (c.side === 'speed') speed += c.push;
		else if (c.side === 'service') speed += p.serviceSpeedShare * c.push;
		else outcome += c.push;
	}
	const intrinsic = p.intrinsicOutcomeWeight;
	const denom = speed + outcome + intrinsic;
	return { clauses, speed, outcome, intrinsic, pressure: speed > 0 && denom > 0 ? speed / denom : 0 };
}
