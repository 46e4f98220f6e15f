/**
 * `npm run sim -- best-response FILE [--draft NAME|INDEX] [--reps R] [--seed S] [--workers W]
 *  [--grid N] [--refine K] [--json]`
 *
 * What will a profit-seeking vendor do under a draft? Searches the vendor's levers (staffing policy
 * factor 0.5-1.7, coaching speed bias -1..1) for the highest mean vendor margin over the term (less
 * what termination would cost it), every candidate on the same replications (common random
 * numbers), and prints the levers, the margin and every outcome at that point next to the draft as
 * planned, with the search's precision and whether the answer sits on a bound of the search.
 * Exit codes: 0 done, 2 bad flag or scenario, 130 stopped (Ctrl-C), 1 failure.
 */
import { z } from 'zod';
import {
	BEST_RESPONSE_OUTCOMES,
	bestResponse,
	type BestResponseResult
} from '../../lib/core/explore/best-response';
import { diffsJson, metricJson, metricsJson } from '../../lib/core/explore/json';
import { METRICS, METRIC_INDEX } from '../../lib/core/metrics';
import {
	cell,
	defaultWorkers,
	diffCell,
	draftFlag,
	EXPLORE_BOOL_FLAGS,
	EXPLORE_VALUE_FLAGS,
	exploreFlags,
	fileFlag,
	guard,
	intFlag,
	labelOf,
	loadScenario,
	printedHelp,
	runExploration,
	table,
	tokenise,
	validate
} from '../common';

export const summary = "search the vendor's levers for its best response to a draft (highest margin, CRN)";

const USAGE = `usage: npm run sim -- best-response FILE [options]

  --draft NAME|INDEX   the draft the vendor answers (default: every draft, one after another)
  --reps R             replications every candidate is evaluated on (default 10)
  --seed S             seed, overrides the scenario's
  --months N           run a contract term of N months (1..24; see docs/TERM.md)
  --workers W          worker threads (default ${defaultWorkers()} here)
  --grid N             coarse grid points per lever (default 5: steps 0.3 and 0.5)
  --refine K           refinement rounds, each halving the step around the best (default 2)
  --json               print one JSON object
  --force              run even when over the work budget (see the README)
`;

const Flags = z.strictObject({
	file: fileFlag,
	draft: z.string().min(1, { error: '--draft needs a name or an index' }).optional(),
	...exploreFlags,
	grid: intFlag('grid', 2, 21).optional(),
	refine: intFlag('refine', 0, 6).optional()
});

const TERM_MARGIN = METRIC_INDEX.vendorTermMargin;

export function resultJson(r: BestResponseResult) {
	return {
		draft: r.draft.name,
		draftIndex: r.draft.index,
		bounds: r.bounds,
		levers: { asPlanned: r.asPlanned.levers, best: r.best.levers },
		onBound: r.onBound,
		termMargin: {
			asPlanned: metricJson(r.asPlanned.metrics[TERM_MARGIN]),
			best: metricJson(r.best.metrics[TERM_MARGIN]),
			bestMinusAsPlanned: { mean: r.difference[TERM_MARGIN].mean, ci95: r.difference[TERM_MARGIN].ci95 }
		},
		bestIsAsPlanned: r.best.isAsPlanned,
		precision: {
			gridStep: r.step.final,
			coarseGridStep: r.step.coarse,
			marginBestMinusRunnerUp: r.marginVsRunnerUp
				? { mean: r.marginVsRunnerUp.mean, ci95: r.marginVsRunnerUp.ci95 }
				: null,
			marginBestMinusAsPlanned: {
				mean: r.difference[METRICS.findIndex((m) => m.key === 'vendorMargin')].mean,
				ci95: r.difference[METRICS.findIndex((m) => m.key === 'vendorMargin')].ci95
			}
		},
		runnerUp: r.runnerUp,
		asPlanned: { metrics: metricsJson(r.asPlanned.metrics) },
		best: { metrics: metricsJson(r.best.metrics) },
		differences: diffsJson(r.difference),
		candidates: r.candidates,
		evaluations: r.evaluations
	};
}

function resultTable(r: BestResponseResult, currency: string): string {
	const l = (x: { staffingPolicyFactor: number; coachingSpeedBias: number }) =>
		`staffing factor ${x.staffingPolicyFactor.toFixed(3)}, coaching bias ${x.coachingSpeedBias >= 0 ? '+' : ''}${x.coachingSpeedBias.toFixed(3)}`;
	const mi = TERM_MARGIN;
	const bound = (lever: string, side: 'low' | 'high' | null) =>
		side
			? `  note: the best ${lever} sits on the ${side} bound of the search; the optimum may lie beyond it`
			: '';
	const notes = [
		bound('staffing factor', r.onBound.staffingPolicyFactor),
		bound('coaching bias', r.onBound.coachingSpeedBias)
	].filter((x) => x);
	const out = [
		`Draft "${r.draft.name}": vendor's best response on ${r.reps} replications (${r.candidates.length} candidates)`,
		`  as planned : ${l(r.asPlanned.levers)}`,
		`  best       : ${l(r.best.levers)}${r.best.isAsPlanned ? '  (the plan itself)' : ''}`,
		`  precision  : grid step ${r.step.final.staffingPolicyFactor} (staffing) and ${r.step.final.coachingSpeedBias} (coaching);` +
			(r.marginVsRunnerUp
				? ` term margin best - runner-up ${diffCell('vendorTermMargin', r.marginVsRunnerUp)} ${currency}`
				: ''),
		`               term margin best - as planned ${diffCell('vendorTermMargin', r.difference[mi])} ${currency} (paired, 95 % CI; * = excludes 0)`,
		...notes,
		''
	];
	const rows = [['outcome', 'as planned', 'best response', 'best - planned']];
	for (const { key: k } of BEST_RESPONSE_OUTCOMES) {
		const i = METRICS.findIndex((m) => m.key === k);
		rows.push([
			labelOf(k),
			cell(k, r.asPlanned.metrics[i]),
			cell(k, r.best.metrics[i]),
			diffCell(k, r.difference[i])
		]);
	}
	out.push(...table(rows));
	return out.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
	if (printedHelp(argv, USAGE)) return 0;
	return guard('best-response', USAGE, async () => {
		const flags = validate(
			Flags,
			tokenise(argv, ['draft', ...EXPLORE_VALUE_FLAGS, 'grid', 'refine'], EXPLORE_BOOL_FLAGS)
		);
		const scenario = await loadScenario(flags.file, flags.seed, flags.months);
		let drafts = scenario.drafts.map((_, i) => i);
		if (flags.draft !== undefined) drafts = [draftFlag(scenario, flags.draft)];
		const reps = flags.reps ?? 10;
		const workers = flags.workers ?? defaultWorkers();
		const grid = flags.grid ?? 5;
		return runExploration(
			'best-response',
			scenario,
			{ reps, workers, json: flags.json, force: flags.force },
			async (ctx) => {
				const results: BestResponseResult[] = [];
				for (const d of drafts)
					results.push(
						await bestResponse(
							scenario,
							{ draft: d, reps, grid: [grid, grid], refinements: flags.refine ?? 2 },
							ctx
						)
					);
				return results;
			},
			{
				json: (results) => ({ drafts: results.map(resultJson) }),
				text: (results, elapsedSeconds) =>
					`seed ${scenario.seed}, ${reps} replications per candidate, ${elapsedSeconds.toFixed(1)} s\n\n` +
					results.map((r) => resultTable(r, scenario.currency)).join('\n')
			}
		);
	});
}
