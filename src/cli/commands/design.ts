/**
 * `npm run sim -- design FILE --draft NAME|INDEX [--clauses ...] [--objective KEY] [--floor ...]
 *  [--reps R] [--budget N] [--seed S] [--workers W] [--shard i/n] [--rows DIR] [--json]`
 *
 * The contract designer: searches the negotiable clauses of a draft for the values that serve the
 * client best once the vendor plays its best response, with the vendor's margin kept at or above a
 * floor, and prints the recommended draft (valid draft JSON), both sides' outcomes and the paired
 * comparison with every draft of the file. `--shard i/n --rows DIR` splits the simulation work over n
 * processes that share the directory DIR (see docs/DESIGN.md); any run with `--rows DIR` reuses the
 * rows found there, so a run over the merged rows prints the same JSON without simulating.
 * Exit codes: 0 done, 2 bad flag or scenario, 130 stopped (Ctrl-C), 1 failure.
 */
import { z } from 'zod';
import {
	DEFAULT_BUDGET,
	DESIGN_OBJECTIVES,
	design,
	type DesignComparison,
	type DesignOutcome,
	type DesignResult,
	type FloorRule
} from '../../lib/core/explore/design';
import { BEST_RESPONSE_OUTCOMES, type Levers } from '../../lib/core/explore/best-response';
import { diffsJson, metricsJson } from '../../lib/core/explore/json';
import { RowStore, simulatedRows, type RowSource } from '../../lib/core/explore/rows';
import { METRIC_INDEX } from '../../lib/core/metrics';
import type { NegotiableClause } from '../../lib/core/schema/negotiable';
import type { Scenario } from '../../lib/core/schema/scenario';
import {
	cell,
	defaultWorkers,
	diffCell,
	draftFlag,
	EXPLORE_BOOL_FLAGS,
	EXPLORE_VALUE_FLAGS,
	exploreFlags,
	fileFlag,
	fmt,
	guard,
	intFlag,
	labelOf,
	loadScenario,
	printedHelp,
	runExploration,
	table,
	tokenise,
	UsageError,
	validate
} from '../common';
import { loadRowFiles, shardedRows, parseShard } from '../design-rows';

export const summary =
	'design a draft: the clause values that work best once the vendor plays its best response';

const USAGE = `usage: npm run sim -- design FILE --draft NAME|INDEX [options]

  --draft NAME|INDEX   the draft to redesign (required)
  --clauses LIST       negotiable clauses and their ranges, comma-separated PATH=FROM:TO[:STEP]
                       with PATH inside the draft, e.g. price.rate=4:6,atRisk.percentOfInvoice=0.05:0.3
                       (default: the draft's own marks, else price rate, at-risk share and the
                       first metric's share of the pool)
  --objective KEY      what the client wants (default clientTotalCost): ${DESIGN_OBJECTIVES.map((o) => o.key).join(', ')}
  --floor F            the vendor's margin at its best response must stay at or above F: an amount,
                       or "planned" (default: the draft as written, as planned)
  --reps R             replications of the final best responses (default 10)
  --screen-reps R      replications of the screening stage (default 4)
  --refine K           refinement rounds around the best (default 2)
  --budget N           most draft-replications the search may simulate (default ${DEFAULT_BUDGET})
  --seed S             seed, overrides the scenario's
  --months N           run a contract term of N months (1..24; see docs/TERM.md)
  --workers W          worker threads (default ${defaultWorkers()} here)
  --rows DIR           keep every evaluated row in DIR and reuse the rows found there
  --shard i/n          simulate only shard i of n (0-based) of each stage; needs --rows DIR shared
                       by the n processes, which wait for each other's rows
  --wait-minutes M     how long a shard waits for the others at a stage (default 60)
  --json               print one JSON object (the same for a sharded and an unsharded run)
`;

const Flags = z.strictObject({
	file: fileFlag,
	draft: z.string({ error: '--draft is required (the name or index of the draft to redesign)' }).min(1),
	clauses: z.string().min(1, { error: '--clauses must not be empty' }).optional(),
	objective: z
		.enum(
			DESIGN_OBJECTIVES.map((o) => o.key),
			{ error: `--objective must be one of ${DESIGN_OBJECTIVES.map((o) => o.key).join(', ')}` }
		)
		.optional(),
	floor: z
		.string()
		.refine((s) => s === 'planned' || Number.isFinite(Number(s)), {
			error: '--floor must be an amount or "planned"'
		})
		.optional(),
	...exploreFlags,
	'screen-reps': intFlag('screen-reps', 2, 1000).optional(),
	refine: intFlag('refine', 0, 6).optional(),
	budget: intFlag('budget', 1, 10_000_000).optional(),
	rows: z.string().min(1, { error: '--rows needs a directory' }).optional(),
	shard: z.string().optional(),
	'wait-minutes': intFlag('wait-minutes', 1, 24 * 60).optional()
});

/** `price.rate=4:6,metrics.0.target=0.7:0.9:0.05` -> clauses (the message names the bad part). */
export function parseClauses(text: string): NegotiableClause[] {
	return text.split(',').map((part) => {
		const m = /^\s*([A-Za-z][\w.]*)\s*=\s*([^:]+):([^:]+)(?::([^:]+))?\s*$/.exec(part);
		if (!m) throw new UsageError(`--clauses: "${part}" must look like PATH=FROM:TO or PATH=FROM:TO:STEP`);
		const [from, to, step] = [m[2], m[3], m[4]].map((x) => (x === undefined ? undefined : Number(x)));
		if (!Number.isFinite(from) || !Number.isFinite(to) || (step !== undefined && !(step > 0)))
			throw new UsageError(`--clauses: "${part}": FROM and TO must be numbers, STEP a number > 0`);
		return { path: m[1], from: from!, to: to!, ...(step !== undefined ? { step } : {}) };
	});
}

const leversJson = (l: Levers) => ({ ...l });

function outcomeJson(o: DesignOutcome) {
	return {
		name: o.name,
		levers: {
			asPlanned: leversJson(o.bestResponse.asPlanned.levers),
			bestResponse: leversJson(o.bestResponse.best.levers)
		},
		asPlanned: metricsJson(o.asPlanned),
		bestResponse: metricsJson(o.atBestResponse),
		objective: o.objective,
		meetsFloor: o.meetsFloor,
		bestResponsePrecision: {
			gridStep: o.bestResponse.step.final,
			marginBestMinusRunnerUp: o.bestResponse.marginVsRunnerUp
				? { mean: o.bestResponse.marginVsRunnerUp.mean, ci95: o.bestResponse.marginVsRunnerUp.ci95 }
				: null
		}
	};
}

const diffJson = (d: { mean: number; ci95: [number, number] }) => ({ mean: d.mean, ci95: d.ci95 });

function comparisonJson(c: DesignComparison) {
	return {
		draft: c.draft.name,
		draftIndex: c.draft.index,
		objective: {
			asPlanned: diffJson(c.objective.asPlanned),
			bestResponse: diffJson(c.objective.bestResponse)
		},
		asPlanned: diffsJson(c.asPlanned),
		bestResponse: diffsJson(c.bestResponse)
	};
}

export function designJson(r: DesignResult) {
	return {
		draft: r.draft.name,
		draftIndex: r.draft.index,
		objective: r.objective,
		floor: r.floor,
		clauses: r.clauses.map((c, i) => ({
			path: c.path,
			label: c.label,
			from: c.from,
			to: c.to,
			...(c.step !== undefined ? { step: c.step } : {}),
			baseline: c.baseline,
			recommended: r.recommended.values?.[i] ?? c.baseline
		})),
		baseline: outcomeJson(r.baseline),
		recommended: {
			...outcomeJson(r.recommended),
			isBaseline: r.recommended.isBaseline,
			draft: r.recommended.draft
		},
		drafts: r.drafts.map(outcomeJson),
		comparisons: r.comparisons.map(comparisonJson),
		screenedDrafts: r.screenedDrafts,
		frontier: r.candidates
			.filter((c) => c.frontier)
			.map((c) => {
				const e = c.evals[0];
				return { values: c.values, cost: e.cost, margin: e.margin, levers: e.levers.bestResponse };
			}),
		candidates: r.candidates.map((c) => ({
			values: c.values,
			origin: c.origin,
			evals: c.evals.map((e) => ({
				fidelity: e.fidelity,
				reps: e.reps,
				objective: e.objective,
				margin: e.margin,
				cost: e.cost,
				feasible: e.feasible,
				levers: e.levers.bestResponse
			}))
		})),
		search: r.search
	};
}

function designText(r: DesignResult, s: Scenario): string {
	const cur = s.currency;
	const money = (x: number) => fmt('money', x, cur);
	const l = (x: Levers) =>
		`staffing ${Math.round(100 * x.staffingPolicyFactor)} % of plan, coaching ${x.coachingSpeedBias >= 0 ? '+' : ''}${x.coachingSpeedBias.toFixed(2)}`;
	const out = [
		`Designing "${r.draft.name}" (seed ${r.seed}): ${r.objective.label.toLowerCase()} ${r.objective.sense === 'min' ? 'as low' : 'as high'} as possible at the vendor's best response,`,
		`with the vendor's margin at its best response at or above ${money(r.floor.value)}${r.floor.rule === 'planned' ? ' (its margin under the draft as written, as planned)' : ''}.`,
		'',
		...table([
			['clause', 'range', 'as written', 'recommended'],
			...r.clauses.map((c, i) => [
				c.label,
				`${c.from} .. ${c.to}${c.step ? ` step ${c.step}` : ''}`,
				String(c.baseline),
				String(r.recommended.values?.[i] ?? c.baseline)
			])
		]),
		'',
		r.recommended.isBaseline
			? 'No candidate beat the draft as written: keep it.'
			: `Recommended: "${r.recommended.name}"${r.recommended.meetsFloor ? '' : ' (NO candidate kept the vendor at the floor: this is the closest)'}.`,
		`  vendor's best response to the draft as written: ${l(r.baseline.bestResponse.best.levers)}`,
		`  vendor's best response to the recommended draft: ${l(r.recommended.bestResponse.best.levers)}`,
		''
	];
	const rows = [
		['outcome', 'written, planned', 'written, best resp.', 'recommended, planned', 'recommended, best resp.']
	];
	for (const { key } of BEST_RESPONSE_OUTCOMES.filter((o) => !o.detail)) {
		const i = METRIC_INDEX[key];
		rows.push([
			labelOf(key),
			cell(key, r.baseline.asPlanned[i]),
			cell(key, r.baseline.atBestResponse[i]),
			cell(key, r.recommended.asPlanned[i]),
			cell(key, r.recommended.atBestResponse[i])
		]);
	}
	out.push(...table(rows), '', 'Recommended minus each draft, paired (95 % CI; * = excludes 0):');
	const cmp = [
		[
			'draft',
			'as planned: ' + 'client total cost',
			'best response: client total cost',
			'best response: vendor margin'
		]
	];
	for (const c of r.comparisons) {
		const k = (key: 'clientTotalCost' | 'vendorMargin', d: typeof c.asPlanned) =>
			diffCell(key, d[METRIC_INDEX[key]]);
		cmp.push([
			c.draft.name,
			k('clientTotalCost', c.asPlanned),
			k('clientTotalCost', c.bestResponse),
			k('vendorMargin', c.bestResponse)
		]);
	}
	out.push(...table(cmp), '');
	const front = r.candidates.filter((c) => c.frontier);
	out.push(
		`Frontier of the screened drafts (client cost against vendor margin at the best response, ${front[0]?.evals[0].reps ?? '-'} replications each):`
	);
	out.push(
		...table([
			['clauses', 'client cost', 'vendor margin'],
			...front
				.sort((a, b) => a.evals[0].cost.mean - b.evals[0].cost.mean)
				.map((c) => [
					c.values.map((v, i) => `${r.clauses[i].path}=${v}`).join(' '),
					money(c.evals[0].cost.mean),
					money(c.evals[0].margin.mean)
				])
		]),
		'',
		`Search: ${r.search.stages.map((st) => `${st.phase}`).join('; ')}.`,
		`${r.search.evaluations.toLocaleString('en-US')} draft-replications of a budget of ${r.search.budget.toLocaleString('en-US')}.${r.search.notes.length ? ' ' + r.search.notes.join('; ') + '.' : ''}`,
		'',
		'The recommended draft (paste it into a scenario file):',
		JSON.stringify(r.recommended.draft, null, 2),
		''
	);
	return out.join('\n');
}

export async function run(argv: string[]): Promise<number> {
	if (printedHelp(argv, USAGE)) return 0;
	return guard('design', USAGE, async () => {
		const flags = validate(
			Flags,
			tokenise(
				argv,
				[
					'draft',
					'clauses',
					'objective',
					'floor',
					...EXPLORE_VALUE_FLAGS,
					'screen-reps',
					'refine',
					'budget',
					'rows',
					'shard',
					'wait-minutes'
				],
				EXPLORE_BOOL_FLAGS
			)
		);
		const scenario = await loadScenario(flags.file, flags.seed, flags.months);
		const k = draftFlag(scenario, flags.draft);
		const shard = flags.shard !== undefined ? parseShard(flags.shard) : null;
		if (shard && !flags.rows)
			throw new UsageError('--shard needs --rows DIR, a directory every shard can read and write');
		const floor: FloorRule | undefined =
			flags.floor === undefined || flags.floor === 'planned'
				? undefined
				: { rule: 'amount', value: Number(flags.floor) };
		const clauses = flags.clauses !== undefined ? parseClauses(flags.clauses) : undefined;
		const reps = flags.reps ?? 10;
		const workers = flags.workers ?? defaultWorkers();
		const store = new RowStore();
		if (flags.rows) await loadRowFiles(flags.rows, scenario, store);
		let simulated = 0;
		const t0 = performance.now();
		const code = await runExploration(
			'design',
			scenario,
			{ reps, workers, json: flags.json, force: flags.force, timing: false },
			async (ctx) => {
				let rows: RowSource = simulatedRows(scenario, ctx.evaluator, {
					stop: ctx.stop,
					onSimulated: (n) => (simulated += n)
				});
				if (flags.rows)
					rows = shardedRows(rows, {
						dir: flags.rows,
						scenario,
						shard: shard ?? { index: 0, count: 1 },
						waitMinutes: flags['wait-minutes'] ?? 60,
						stop: ctx.stop
					});
				return design(
					scenario,
					{
						draft: k,
						clauses,
						objective: flags.objective,
						floor,
						reps,
						budget: flags.budget,
						screenReps: flags['screen-reps'],
						refinements: flags.refine
					},
					{ ...ctx, rows, store }
				);
			},
			{ json: designJson, text: (r) => designText(r, scenario) }
		);
		if (code === 0)
			process.stderr.write(
				`sim design: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${simulated.toLocaleString('en-US')} draft-replications simulated here${shard ? ` (shard ${shard.index}/${shard.count})` : ''}\n`
			);
		return code;
	});
}
