/**
 * The contract designer: which values of the negotiable clauses should the client put in a draft,
 * knowing that the vendor will then choose the staffing and coaching that maximise its margin? A
 * leader-follower search: every candidate draft is judged at the vendor's best response to it
 * (best-response.ts), on common random numbers, and the best candidate is the one with the best
 * objective (the client's cost, or a customer outcome) among those whose vendor margin, at that best
 * response, stays at or above a floor. See docs/DESIGN.md for what the search guarantees and what not.
 *
 * The search (coarse to fine, with successive halving):
 *   1. screen: the draft as written and a grid over the clauses' ranges, each at a quick best response
 *      (3 x 3 lever grid, one refinement) on a few replications;
 *   2. refine: around the best few, clause steps halved, new candidates screened the same way (rounds);
 *   3. promote: the best third (at most PROMOTE_MAX) at a finer best response on twice the replications;
 *   4. final: the best FINALISTS and every draft of the scenario at the full best response (the one the
 *      best-response tool runs, same options) on the final replications. The answer is chosen here.
 * Candidates dropped early are not looked at again. Rows are simulated once (RowStore) and requests of
 * every candidate's best response are served together (Lockstep), so the work can be split into
 * shards and merged bit-identically.
 *
 * Pure core: no DOM, no Node.
 */
import type { Scenario } from '../schema/scenario';
import { DraftSchema, type Draft } from '../schema/draft';
import type { NegotiableClause } from '../schema/negotiable';
import { valueAt } from '../schema/negotiable';
import { METRICS, METRIC_INDEX, type MetricKey } from '../metrics';
import { Welford, summariseDiff, tInterval, type DiffSummary, type MetricSummary } from '../stats';
import {
	ExploreInputError,
	checkReps,
	pairedDiff,
	summariseRows,
	type Evaluator,
	type ExploreContext,
	type Rows
} from './evaluation';
import { bestResponse, type BestResponseResult, type Levers } from './best-response';
import { deriveScenario, linspace, round6 } from './paths';
import { paretoFront } from './sweep';
import { Lockstep, RowStore, draftKey, simulatedRows, type RowSource } from './rows';

/* ------------------------------------------------------------------------------------------ */
/* Objectives                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export const DESIGN_OBJECTIVES = [
	{
		key: 'clientTotalCost',
		label: "Client's total cost (fees, credits and bonuses, repeats, lost customer value)",
		sense: 'min'
	},
	{ key: 'clientCostBeforeChurn', label: "Client's cost without lost customer value", sense: 'min' },
	{
		key: 'clientTermCost',
		label: "Client's total cost with what a termination costs it (moving the work, less any fee)",
		sense: 'min'
	},
	{ key: 'fcrTrue', label: 'First-contact resolution (true)', sense: 'max' },
	{ key: 'csatTrue', label: 'Customer satisfaction (true)', sense: 'max' },
	{ key: 'repeatContactRate', label: 'Repeat-contact rate', sense: 'min' },
	{ key: 'abandonRate', label: 'Abandon rate', sense: 'min' },
	{ key: 'churnedCustomers', label: 'Customers lost', sense: 'min' }
] as const;
export type DesignObjective = (typeof DESIGN_OBJECTIVES)[number]['key'];

/** The vendor's margin over the term less what termination would cost it (the margin without governance). */
const MARGIN = METRIC_INDEX.vendorTermMargin;

/** The objective's value in one row. */
function objectiveOf(key: DesignObjective): (row: Float64Array) => number {
	const index = (METRIC_INDEX as Record<string, number>)[key];
	if (index !== undefined) return (row) => row[index];
	throw new ExploreInputError(`objective must be one of ${DESIGN_OBJECTIVES.map((o) => o.key).join(', ')}`);
}

/** A mean with its 95 % interval (values that are not numbers, "no data", are left out). */
export interface Estimate {
	mean: number;
	ci95: [number, number];
	n: number;
}

function estimate(rows: Rows, f: (row: Float64Array) => number): Estimate {
	const w = new Welford();
	for (const r of rows) {
		const x = f(r);
		if (!Number.isNaN(x)) w.push(x);
	}
	return { mean: w.n ? w.mean : NaN, ci95: w.n ? tInterval(w) : [NaN, NaN], n: w.n };
}

function pairedEstimate(a: Rows, b: Rows, f: (row: Float64Array) => number): DiffSummary {
	const w = new Welford();
	for (let r = 0; r < Math.min(a.length, b.length); r++) {
		const d = f(b[r]) - f(a[r]);
		if (!Number.isNaN(d)) w.push(d);
	}
	return summariseDiff(w);
}

/* ------------------------------------------------------------------------------------------ */
/* Negotiable clauses                                                                          */
/* ------------------------------------------------------------------------------------------ */

const METRIC_WORDS: Record<string, string> = {
	serviceLevel: 'service level',
	asa: 'average speed of answer',
	abandonRate: 'abandon rate',
	aht: 'handle time',
	fcr: 'first-contact resolution',
	repeatContactRate: 'repeat contacts',
	csat: 'CSAT',
	qaScore: 'QA score'
};
const FIELD_WORDS: Record<string, string> = {
	target: 'target',
	poolAllocation: 'share of the at-risk pool',
	perPoint: 'credit per point short',
	cap: 'credit cap',
	share: 'share of windows',
	windowDays: 'window (days)',
	thresholdSeconds: 'threshold (seconds)',
	threshold: 'threshold',
	percentOfInvoice: 'share of the invoice',
	amount: 'amount'
};

/** A clause's name in the negotiator's words, e.g. "FCR target" or "at-risk share of the invoice". */
export function clauseLabel(draft: Draft, path: string): string {
	const seg = path.split('.');
	const last = seg[seg.length - 1];
	const word = (k: string) => FIELD_WORDS[k] ?? k.replace(/([A-Z])/g, ' $1').toLowerCase();
	if (seg[0] === 'metrics' && seg.length >= 3) {
		const m = draft.metrics[Number(seg[1])];
		const name = m ? (METRIC_WORDS[m.metric] ?? m.metric) : `metric ${seg[1]}`;
		return `${name}: ${word(last)}`;
	}
	if (seg[0] === 'bonuses' && seg.length >= 3) {
		const b = draft.bonuses[Number(seg[1])];
		const name = b ? (METRIC_WORDS[b.metric] ?? b.metric) : `bonus ${seg[1]}`;
		return `${name} bonus: ${word(last)}`;
	}
	if (path === 'price.rate') return 'price per unit';
	if (path === 'atRisk.percentOfInvoice') return 'at-risk share of the invoice';
	if (path === 'atRisk.poolAllocation') return 'usable share of the at-risk amount';
	if (path === 'atRisk.cap') return 'cap on credits (share of the at-risk amount)';
	if (seg[0] === 'scorecard' && seg[1] === 'weights')
		return `scorecard weight: ${METRIC_WORDS[last] ?? last}`;
	return seg.map((s) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : word(s))).join(' ');
}

/** A range around a clause's value for a first mark: what a negotiator might plausibly move it by. */
export function defaultRange(path: string, value: number): { from: number; to: number } {
	const r = (x: number) => Number(x.toPrecision(3));
	if (path === 'price.rate') return { from: r(0.75 * value), to: r(1.25 * value) };
	if (path === 'atRisk.percentOfInvoice') return { from: r(value / 2), to: r(Math.min(1, 3 * value || 0.2)) };
	const fraction =
		value >= 0 && value <= 1 && !/seconds|Seconds|windowDays|months|amount|weights|band/i.test(path);
	if (/\.target$|\.threshold$/.test(path) && fraction)
		return { from: r(Math.max(0, value - 0.15)), to: r(Math.min(1, value + 0.15)) };
	if (value === 0) return { from: 0, to: fraction ? 0.2 : 1 };
	return { from: r(0.5 * value), to: r(fraction ? Math.min(1, 1.5 * value) : 1.5 * value) };
}

/** Every number of a draft a negotiator could mark (not the vendor's levers), with a label and its value. */
export function negotiableClauses(draft: Draft): { path: string; label: string; value: number }[] {
	const out: { path: string; label: string; value: number }[] = [];
	const walk = (x: unknown, path: string) => {
		if (typeof x === 'number') out.push({ path, label: clauseLabel(draft, path), value: x });
		else if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${path}.${i}`));
		else if (x !== null && typeof x === 'object')
			for (const [k, v] of Object.entries(x)) walk(v, path ? `${path}.${k}` : k);
	};
	const { vendor: _v, negotiable: _n, ...rest } = draft;
	walk(rest, '');
	return out;
}

/** The clauses a design moves when the draft marks none: price, the at-risk share, the first metric's allocation. */
export function defaultClauses(draft: Draft): NegotiableClause[] {
	const paths = ['price.rate', 'atRisk.percentOfInvoice'];
	if (draft.metrics.length > 0) paths.push('metrics.0.poolAllocation');
	return paths.map((path) => ({ path, ...defaultRange(path, valueAt(draft, path) as number) }));
}

export interface ResolvedClause extends NegotiableClause {
	label: string;
	/** The value in the draft as written. */
	baseline: number;
	/** Values are from + k x step (whole numbers for whole-number fields). */
	step?: number;
}

/* ------------------------------------------------------------------------------------------ */
/* Options and results                                                                         */
/* ------------------------------------------------------------------------------------------ */

export type FloorRule = { rule: 'planned' } | { rule: 'amount'; value: number };

export interface DesignOptions {
	/** Index of the draft to redesign (the baseline). */
	draft: number;
	/** The clauses to move (default: the draft's marks, else defaultClauses). */
	clauses?: readonly NegotiableClause[];
	objective?: DesignObjective;
	/** The vendor's margin at its best response must stay at or above this (default: the baseline as planned). */
	floor?: FloorRule;
	/** Final replications (default 10: the best-response tool's default). */
	reps?: number;
	/** Most draft-replications the search may ask for (default DEFAULT_BUDGET). */
	budget?: number;
	/** Replications of the screening stage (default 4). */
	screenReps?: number;
	/** Refinement rounds (default 2). */
	refinements?: number;
}

export const DEFAULT_BUDGET = 9000;
const FINALISTS = 2;
const PROMOTE_MAX = 6;
/** Candidates whose neighbourhood a refinement round explores. */
const REFINE_AROUND = 3;

export type Fidelity = 'screen' | 'promote' | 'final';

/** One candidate draft evaluated at one fidelity: the vendor's best response and both sides' outcomes. */
export interface CandidateEval {
	fidelity: Fidelity;
	reps: number;
	levers: { asPlanned: Levers; bestResponse: Levers };
	objective: Estimate;
	margin: Estimate;
	cost: Estimate;
	/** Mean margin at or above the floor ('final'); at screening: not clearly below it. */
	feasible: boolean;
}

export interface DesignCandidate {
	/** One value per clause. */
	values: number[];
	/** How it entered the search: 'draft as written', 'grid', 'refine 1', ... */
	origin: string;
	evals: CandidateEval[];
	/** On the client-cost / vendor-margin frontier of the screened candidates. */
	frontier: boolean;
}

/** A draft at the final fidelity. */
export interface DesignOutcome {
	name: string;
	draft: Draft;
	values: number[] | null;
	bestResponse: BestResponseResult;
	asPlanned: MetricSummary[];
	atBestResponse: MetricSummary[];
	objective: { asPlanned: Estimate; bestResponse: Estimate };
	meetsFloor: boolean;
}

export interface DesignComparison {
	draft: { index: number; name: string };
	/** recommended - this draft, paired: both as planned, every metric. */
	asPlanned: DiffSummary[];
	/** recommended at its best response - this draft at its best response. */
	bestResponse: DiffSummary[];
	objective: { asPlanned: DiffSummary; bestResponse: DiffSummary };
}

export interface DesignResult {
	draft: { index: number; name: string };
	seed: string;
	reps: number;
	objective: { key: DesignObjective; label: string; sense: 'min' | 'max' };
	/** The cost on the frontier's axis (the objective when it is a cost, else the client's total cost). */
	costMetric: DesignObjective;
	floor: { rule: 'planned' | 'amount'; value: number };
	clauses: ResolvedClause[];
	baseline: DesignOutcome;
	recommended: DesignOutcome & { isBaseline: boolean };
	/** Every draft of the scenario at the final fidelity, and the recommended draft compared with each. */
	drafts: DesignOutcome[];
	/**
	 * Every draft of the scenario at the screening fidelity (quick best response, screening replications):
	 * comparable with the candidates' screening figures, for the frontier chart.
	 */
	screenedDrafts: { index: number; name: string; cost: Estimate; margin: Estimate }[];
	/** Index in `candidates` of the recommended draft. */
	recommendedCandidate: number;
	comparisons: DesignComparison[];
	candidates: DesignCandidate[];
	search: {
		stages: { phase: string; candidates: number; reps: number }[];
		/** Distinct draft-replications the search asked for (simulated once each). */
		evaluations: number;
		budget: number;
		/** Stages skipped to stay within the budget, in words. */
		notes: string[];
		invalidCandidates: number;
	};
}

/** What the search knows so far, after each stage (for an app that shows the answer sharpening). */
export interface DesignPartial {
	phase: string;
	leader: { values: number[]; eval: CandidateEval } | null;
	candidates: DesignCandidate[];
	clauses: ResolvedClause[];
	floor: number;
}

export interface DesignContext extends ExploreContext {
	onPartial?: (p: DesignPartial) => void;
	/** Where rows come from (default: simulated with ctx.evaluator); the command line's shards plug in here. */
	rows?: RowSource;
	store?: RowStore;
}

/* ------------------------------------------------------------------------------------------ */
/* The search                                                                                  */
/* ------------------------------------------------------------------------------------------ */

interface Fid {
	name: Fidelity;
	reps: number;
	grid?: [number, number];
	refinements?: number;
	/** Lever settings a best response at this fidelity evaluates at most. */
	points: number;
}

/** Validate the clauses against the draft; whole-number fields step by 1. */
export function resolveClauses(
	scenario: Scenario,
	k: number,
	clauses: readonly NegotiableClause[]
): ResolvedClause[] {
	const draft = scenario.drafts[k];
	if (clauses.length < 1 || clauses.length > 6)
		throw new ExploreInputError('a design needs 1 to 6 negotiable clauses');
	const seen = new Set<string>();
	return clauses.map((c) => {
		if (seen.has(c.path)) throw new ExploreInputError(`${c.path} is marked twice`);
		seen.add(c.path);
		if (/^(vendor|negotiable)(\.|$)/.test(c.path))
			throw new ExploreInputError(
				`${c.path}: the vendor's staffing and coaching are its own choice, not a clause to negotiate`
			);
		const baseline = valueAt(draft, c.path);
		if (typeof baseline !== 'number')
			throw new ExploreInputError(
				`${c.path}: no such number in draft "${draft.name}" (defaults are filled in first)`
			);
		if (!(Number.isFinite(c.from) && Number.isFinite(c.to) && c.from < c.to))
			throw new ExploreInputError(`${c.path}: the range must go from a lower to a higher number`);
		const abs = `drafts.${k}.${c.path}`;
		for (const v of [c.from, c.to]) deriveScenario(scenario, [{ path: abs, value: v }]);
		let step = c.step;
		if (
			step === undefined &&
			Number.isInteger(c.from) &&
			Number.isInteger(c.to) &&
			Number.isInteger(baseline)
		) {
			const probe = Math.floor((c.from + c.to) / 2) + 0.5;
			try {
				deriveScenario(scenario, [{ path: abs, value: probe }]);
			} catch {
				step = 1;
			}
		}
		return { ...c, step, label: clauseLabel(draft, c.path), baseline };
	});
}

function snap(c: ResolvedClause, x: number): number {
	const v = Math.min(c.to, Math.max(c.from, x));
	if (!c.step) return round6(v);
	const k = Math.round((v - c.from) / c.step);
	return round6(Math.min(c.to, c.from + k * c.step));
}

/** Levels per clause for the first grid: about 27 candidates in all, 2 to 9 levels per clause. */
export function gridLevels(k: number): number {
	return Math.min(9, Math.max(2, Math.round(Math.pow(27, 1 / k))));
}

export async function design(
	scenario: Scenario,
	opts: DesignOptions,
	ctx: DesignContext
): Promise<DesignResult> {
	const k = opts.draft;
	if (!(Number.isInteger(k) && k >= 0 && k < scenario.drafts.length))
		throw new ExploreInputError(`draft must be an index 0..${scenario.drafts.length - 1} (got ${k})`);
	const base = scenario.drafts[k];
	const reps = opts.reps ?? 10;
	checkReps(reps);
	const screenReps = opts.screenReps ?? 4;
	checkReps(screenReps);
	const budget = opts.budget ?? DEFAULT_BUDGET;
	if (!(Number.isInteger(budget) && budget > 0))
		throw new ExploreInputError('budget must be a whole number > 0');
	const refinements = opts.refinements ?? 2;
	const objKey = opts.objective ?? 'clientTotalCost';
	const objDef = DESIGN_OBJECTIVES.find((o) => o.key === objKey);
	if (!objDef)
		throw new ExploreInputError(`objective must be one of ${DESIGN_OBJECTIVES.map((o) => o.key).join(', ')}`);
	const objective = objectiveOf(objKey);
	const sense = objDef.sense === 'min' ? 1 : -1;
	const costKey: DesignObjective =
		objKey === 'clientCostBeforeChurn' || objKey === 'clientTermCost' ? objKey : 'clientTotalCost';
	const costOf = objectiveOf(costKey);
	const clauses = resolveClauses(scenario, k, opts.clauses ?? base.negotiable ?? defaultClauses(base));
	const floorRule = opts.floor ?? { rule: 'planned' };
	if (floorRule.rule === 'amount' && !Number.isFinite(floorRule.value))
		throw new ExploreInputError('the margin floor must be a number');

	const FIDS: Record<Fidelity, Fid> = {
		screen: { name: 'screen', reps: screenReps, grid: [3, 3], refinements: 1, points: 1 + 9 + 8 },
		promote: { name: 'promote', reps: 2 * screenReps, grid: [5, 5], refinements: 1, points: 1 + 25 + 8 },
		final: { name: 'final', reps, points: 1 + 25 + 16 }
	};
	const costOfStage = (n: number, f: Fid) => n * f.points * f.reps;
	const D = scenario.drafts.length;
	const finalCost = costOfStage(FINALISTS + D, FIDS.final);

	const store = ctx.store ?? new RowStore();
	const source = ctx.rows ?? simulatedRows(scenario, ctx.evaluator, { stop: ctx.stop });
	const lock = new Lockstep(store, source, ctx.stop);
	const notes: string[] = [];
	const stages: DesignResult['search']['stages'] = [];
	let invalid = 0;
	let estimatedTotal = 0;
	const progress = (phase: string) =>
		ctx.onProgress?.({ phase, done: lock.requested, total: Math.max(estimatedTotal, lock.requested) });

	// ---- candidates -----------------------------------------------------------------------------
	interface Cand {
		c: DesignCandidate;
		scenario: Scenario;
		draft: Draft;
		at: Partial<Record<Fidelity, { eval: CandidateEval; br: BestResponseResult; planned: Rows; best: Rows }>>;
	}
	const cands: Cand[] = [];
	const byValues = new Map<string, Cand>();
	const add = (values: number[], origin: string): Cand | null => {
		const id = values.join('|');
		if (byValues.has(id)) return null;
		let derived: Scenario;
		try {
			derived = deriveScenario(
				scenario,
				clauses.map((c, i) => ({ path: `drafts.${k}.${c.path}`, value: values[i] }))
			);
		} catch (err) {
			if (!(err instanceof ExploreInputError)) throw err;
			invalid++;
			byValues.set(id, null as unknown as Cand);
			return null;
		}
		const cand: Cand = {
			c: { values, origin, evals: [], frontier: false },
			scenario: derived,
			draft: derived.drafts[k],
			at: {}
		};
		byValues.set(id, cand);
		cands.push(cand);
		return cand;
	};

	// ---- the floor ------------------------------------------------------------------------------
	let floor: number;
	if (floorRule.rule === 'amount') floor = floorRule.value;
	else {
		progress('the draft as written, as planned');
		const [planned] = await lock.rows(scenario, [base], reps);
		floor = estimate(planned, (r) => r[MARGIN]).mean;
	}

	// ---- evaluation at a fidelity ---------------------------------------------------------------
	const withLevers = (d: Draft, l: Levers): Draft => {
		const p = DraftSchema.safeParse({ ...d, vendor: { ...d.vendor, ...l } });
		if (!p.success) throw new Error('a best-response lever setting is not a valid draft');
		return p.data;
	};
	/**
	 * The vendor's best response to draft j of s at a fidelity, as a search for Lockstep: the one place
	 * the designer calls the best-response search (the final fidelity passes no search options, so it is
	 * exactly the best-response tool's default search).
	 */
	const vendor =
		(s: Scenario, j: number, f: Fid) =>
		(evaluator: Evaluator): Promise<BestResponseResult> =>
			bestResponse(
				s,
				{ draft: j, reps: f.reps, grid: f.grid, refinements: f.refinements },
				{ evaluator, stop: ctx.stop }
			);
	const evalAt = async (list: Cand[], f: Fid, phase: string) => {
		const todo = list.filter((c) => !c.at[f.name]);
		if (todo.length === 0) return;
		stages.push({ phase, candidates: todo.length, reps: f.reps });
		progress(phase);
		const brs = await lock.all(todo.map((c) => vendor(c.scenario, k, f)));
		todo.forEach((c, i) => {
			const br = brs[i];
			const planned = store.series(draftKey(c.draft), f.reps);
			const best = store.series(draftKey(withLevers(c.draft, br.best.levers)), f.reps);
			const margin = estimate(best, (r) => r[MARGIN]);
			const e: CandidateEval = {
				fidelity: f.name,
				reps: f.reps,
				levers: { asPlanned: br.asPlanned.levers, bestResponse: br.best.levers },
				objective: estimate(best, objective),
				margin,
				cost: estimate(best, costOf),
				feasible: f.name === 'final' ? margin.mean >= floor : margin.ci95[1] >= floor
			};
			c.at[f.name] = { eval: e, br, planned, best };
			c.c.evals.push(e);
		});
		progress(phase);
	};
	/** Best first: feasible before infeasible; then the objective; infeasible ones by margin. */
	const rank = (list: Cand[], f: Fidelity): Cand[] =>
		list
			.filter((c) => c.at[f])
			.map((c, i) => ({ c, i, e: c.at[f]!.eval }))
			.sort((a, b) => {
				if (a.e.feasible !== b.e.feasible) return a.e.feasible ? -1 : 1;
				const d = a.e.feasible
					? sense * (a.e.objective.mean - b.e.objective.mean)
					: b.e.margin.mean - a.e.margin.mean;
				return d !== 0 && !Number.isNaN(d) ? d : a.i - b.i;
			})
			.map((x) => x.c);
	const partial = (phase: string, f: Fidelity) => {
		const lead = rank(cands, f)[0];
		ctx.onPartial?.({
			phase,
			leader: lead ? { values: lead.c.values, eval: lead.at[f]!.eval } : null,
			candidates: cands.map((c) => c.c),
			clauses,
			floor
		});
	};

	// ---- 1. screen the grid ---------------------------------------------------------------------
	const L = gridLevels(clauses.length);
	const levels = clauses.map((c) => [...new Set(linspace(c.from, c.to, L).map((x) => snap(c, x)))]);
	const steps = clauses.map((c, i) => (c.to - c.from) / Math.max(1, levels[i].length - 1));
	const baseline = add(
		clauses.map((c) => c.baseline),
		'draft as written'
	)!;
	const grid: number[][] = [[]];
	for (const lv of levels) {
		const next: number[][] = [];
		for (const g of grid) for (const v of lv) next.push([...g, v]);
		grid.splice(0, grid.length, ...next);
	}
	for (const g of grid) add(g, 'grid');
	const screenCost = costOfStage(cands.length, FIDS.screen);
	if (screenCost + finalCost > budget)
		throw new ExploreInputError(
			`the budget of ${budget} draft-replications is too small for ${clauses.length} clauses: screening and the final check need about ${screenCost + finalCost}`
		);
	const promoteCount = (n: number) => Math.min(PROMOTE_MAX, Math.max(FINALISTS + 1, Math.ceil(n / 3)));
	const refineCost = REFINE_AROUND * 2 * clauses.length * FIDS.screen.points * FIDS.screen.reps;
	estimatedTotal =
		screenCost + refinements * refineCost + costOfStage(promoteCount(cands.length), FIDS.promote) + finalCost;
	await evalAt(
		cands,
		FIDS.screen,
		`screening ${cands.length} drafts (quick best response, ${screenReps} replications)`
	);
	const others = scenario.drafts.map((_, j) => j).filter((j) => j !== k);
	const screenedOthers = await lock.all(others.map((j) => vendor(scenario, j, FIDS.screen)));
	partial('screened', 'screen');

	// ---- 2. refine around the best --------------------------------------------------------------
	const cur = [...steps];
	for (let round = 1; round <= refinements; round++) {
		const reserve = costOfStage(PROMOTE_MAX, FIDS.promote) + finalCost;
		if (lock.requested + refineCost + reserve > budget) {
			notes.push(
				round === refinements
					? `refinement round ${round} skipped`
					: `refinement rounds ${round}-${refinements} skipped`
			);
			break;
		}
		for (let i = 0; i < cur.length; i++)
			cur[i] = clauses[i].step ? Math.max(clauses[i].step!, cur[i] / 2) : cur[i] / 2;
		const around = rank(cands, 'screen').slice(0, REFINE_AROUND);
		const fresh: Cand[] = [];
		for (const a of around)
			clauses.forEach((c, i) => {
				for (const dir of [-1, 1]) {
					const v = [...a.c.values];
					v[i] = snap(c, v[i] + dir * cur[i]);
					const n = add(v, `refine ${round}`);
					if (n) fresh.push(n);
				}
			});
		if (fresh.length === 0) break;
		await evalAt(
			fresh,
			FIDS.screen,
			`refining around the best (round ${round} of ${refinements}): ${fresh.length} drafts`
		);
		partial(`refined (round ${round})`, 'screen');
	}

	// ---- 3. promote the best third --------------------------------------------------------------
	let promoted = promoteCount(cands.length);
	const finalReserve = finalCost;
	while (promoted > FINALISTS && lock.requested + costOfStage(promoted, FIDS.promote) + finalReserve > budget)
		promoted--;
	let finalFrom: Fidelity = 'screen';
	if (lock.requested + costOfStage(promoted, FIDS.promote) + finalReserve <= budget) {
		const top = rank(cands, 'screen').slice(0, promoted);
		await evalAt(
			top,
			FIDS.promote,
			`re-checking the best ${top.length} (finer best response, ${FIDS.promote.reps} replications)`
		);
		partial('re-checked', 'promote');
		finalFrom = 'promote';
	} else notes.push('the finer re-check of the best candidates skipped');

	// ---- 4. final: finalists and every draft of the scenario at the full best response ------------
	const finalists = rank(cands, finalFrom)
		.filter((c) => c !== baseline)
		.slice(0, FINALISTS);
	await evalAt([baseline, ...finalists], FIDS.final, `final best responses (${reps} replications)`);
	stages.push({
		phase: `the other drafts' best responses (${reps} replications)`,
		candidates: others.length,
		reps
	});
	const otherBrs = await lock.all(others.map((j) => vendor(scenario, j, FIDS.final)));
	partial('final', 'final');

	// ---- the answer -----------------------------------------------------------------------------
	const pool = rank([baseline, ...finalists], 'final');
	const chosen = pool.find((c) => c.at.final!.eval.feasible) ?? pool[0];
	const outcome = (
		name: string,
		draft: Draft,
		values: number[] | null,
		br: BestResponseResult,
		planned: Rows,
		best: Rows
	): DesignOutcome & { rows: { planned: Rows; best: Rows } } => {
		const [p, b] = summariseRows([planned, best]);
		const margin = estimate(best, (r) => r[MARGIN]).mean;
		return {
			name,
			draft,
			values,
			bestResponse: br,
			asPlanned: p,
			atBestResponse: b,
			objective: { asPlanned: estimate(planned, objective), bestResponse: estimate(best, objective) },
			meetsFloor: margin >= floor,
			rows: { planned, best }
		};
	};
	const fromCand = (c: Cand, name: string) => {
		const f = c.at.final!;
		return outcome(name, c.draft, c.c.values, f.br, f.planned, f.best);
	};
	const baseOut = fromCand(baseline, base.name);
	const isBaseline = chosen === baseline;
	const recName = isBaseline
		? base.name
		: designedName(
				base.name,
				scenario.drafts.map((d) => d.name)
			);
	const recDraft: Draft = isBaseline
		? base
		: {
				...chosen.draft,
				name: recName,
				description: describeDesign(base, clauses, chosen.c.values, objDef.label).slice(0, 2000)
			};
	const recOut = { ...fromCand(chosen, recName), draft: recDraft, isBaseline };
	const draftOuts = scenario.drafts.map((d, j) => {
		if (j === k) return baseOut;
		const br = otherBrs[others.indexOf(j)];
		const planned = store.series(draftKey(d), reps);
		const best = store.series(draftKey(withLevers(d, br.best.levers)), reps);
		return outcome(d.name, d, null, br, planned, best);
	});
	const comparisons: DesignComparison[] = draftOuts.map((o, j) => ({
		draft: { index: j, name: o.name },
		asPlanned: pairedDiff(o.rows.planned, recOut.rows.planned),
		bestResponse: pairedDiff(o.rows.best, recOut.rows.best),
		objective: {
			asPlanned: pairedEstimate(o.rows.planned, recOut.rows.planned, objective),
			bestResponse: pairedEstimate(o.rows.best, recOut.rows.best, objective)
		}
	}));
	const screened = cands.filter((c) => c.at.screen);
	for (const i of paretoFront(
		screened.map((c) => ({ cost: c.at.screen!.eval.cost.mean, margin: c.at.screen!.eval.margin.mean }))
	))
		screened[i].c.frontier = true;
	const screenedDrafts = scenario.drafts.map((d, j) => {
		if (j === k)
			return {
				index: j,
				name: d.name,
				cost: baseline.at.screen!.eval.cost,
				margin: baseline.at.screen!.eval.margin
			};
		const br = screenedOthers[others.indexOf(j)];
		const best = store.series(draftKey(withLevers(d, br.best.levers)), screenReps);
		return { index: j, name: d.name, cost: estimate(best, costOf), margin: estimate(best, (r) => r[MARGIN]) };
	});
	const strip = <T extends { rows: unknown }>({ rows: _r, ...rest }: T) => rest;
	return {
		draft: { index: k, name: base.name },
		seed: String(scenario.seed),
		reps,
		objective: { key: objKey, label: objDef.label, sense: objDef.sense },
		costMetric: costKey,
		floor: { rule: floorRule.rule, value: floor },
		clauses,
		baseline: strip(baseOut),
		recommended: strip(recOut),
		drafts: draftOuts.map(strip),
		screenedDrafts,
		recommendedCandidate: cands.indexOf(chosen),
		comparisons,
		candidates: cands.map((c) => c.c),
		search: { stages, evaluations: lock.requested, budget, notes, invalidCandidates: invalid }
	};
}

/** "Balanced (designed)", made unique among the scenario's names and at most 60 characters. */
export function designedName(base: string, taken: readonly string[]): string {
	for (let i = 1; ; i++) {
		const suffix = i === 1 ? ' (designed)' : ` (designed ${i})`;
		const name = base.slice(0, 60 - suffix.length) + suffix;
		if (!taken.includes(name)) return name;
	}
}

function describeDesign(
	base: Draft,
	clauses: readonly ResolvedClause[],
	values: number[],
	objective: string
): string {
	const moves = clauses
		.map((c, i) => `${c.label} ${fmt(c.baseline)} -> ${fmt(values[i])}`)
		.filter((_, i) => values[i] !== clauses[i].baseline);
	return `Designed from "${base.name}" by the contract designer (objective: ${objective.toLowerCase()}, judged at the vendor's best response). Changes: ${moves.length ? moves.join('; ') : 'none'}.`;
}

const fmt = (x: number) => String(Number(x.toPrecision(6)));

/** The label of a metric key (for the reports of a design). */
export const metricLabel = (key: MetricKey) => METRICS[METRIC_INDEX[key]].label;
