/**
 * `npm run sim -- sweep FILE --path P --from A --to B [--steps N]
 *  [--path2 Q --from2 A2 --to2 B2 [--steps2 N2]] [--reps R] [--seed S] [--workers W] [--json]`
 *
 * The contract explorer: sweeps one clause (a path into the scenario, e.g. drafts.0.metrics.0.target,
 * drafts.1.atRisk.percentOfInvoice, drafts.0.price.rate, drafts.0.scorecard.weights.aht, or a shared
 * assumption) across a range and reports both sides' outcomes with 95 % intervals; with a second
 * path, a grid and the frontier of vendor margin against the client's total cost, with the
 * scenario's drafts placed on it. Every derived scenario is validated; a bad value names the path.
 * Exit codes: 0 done, 2 bad flag, path or value, 130 stopped (Ctrl-C), 1 failure.
 */
import { z } from 'zod';
import { metricsJson } from '../../lib/core/explore/json';
import { sweep, type SweepAxis, type SweepResult } from '../../lib/core/explore/sweep';
import { METRIC_INDEX, type MetricKey } from '../../lib/core/metrics';
import {
	cell,
	defaultWorkers,
	EXPLORE_BOOL_FLAGS,
	EXPLORE_VALUE_FLAGS,
	exploreFlags,
	fileFlag,
	fmt,
	guard,
	intFlag,
	loadScenario,
	numFlag,
	printedHelp,
	runExploration,
	table,
	tokenise,
	UsageError,
	validate
} from '../common';

export const summary =
	'contract explorer: sweep one or two clauses; both sides, and the margin/cost frontier';

const USAGE = `usage: npm run sim -- sweep FILE --path P --from A --to B [options]

  --path P         a number in the scenario, e.g. drafts.0.metrics.0.target, drafts.1.atRisk.percentOfInvoice,
                   drafts.0.price.rate, drafts.0.scorecard.weights.aht, assumptions.customers.callbackProbability
  --from A --to B  the range
  --steps N        points (default 5)
  --path2 Q --from2 A2 --to2 B2 [--steps2 N2]
                   a second clause: a grid, and the frontier of vendor margin vs client total cost
  --reps R         replications per point (default 10)
  --seed S         seed, overrides the scenario's
  --months N       run a contract term of N months (1..24; see docs/TERM.md)
  --workers W      worker threads (default ${defaultWorkers()} here)
  --json           print one JSON object
  --force          run even when over the work budget (see the README)
`;

const Flags = z
	.strictObject({
		file: fileFlag,
		path: z.string({ error: '--path is required (e.g. drafts.0.price.rate)' }).min(1),
		from: numFlag('from'),
		to: numFlag('to'),
		steps: intFlag('steps', 2, 50).optional(),
		path2: z.string().min(1, { error: '--path2 must not be empty' }).optional(),
		from2: numFlag('from2').optional(),
		to2: numFlag('to2').optional(),
		steps2: intFlag('steps2', 2, 50).optional(),
		...exploreFlags
	})
	.superRefine((f, ctx) => {
		const second = [f.path2, f.from2, f.to2, f.steps2].some((x) => x !== undefined);
		if (second && (f.path2 === undefined || f.from2 === undefined || f.to2 === undefined))
			ctx.addIssue({ code: 'custom', message: '--path2 needs --from2 and --to2 (and optionally --steps2)' });
	});

const OUTCOMES: MetricKey[] = [
	'vendorMargin',
	'clientTotalCost',
	'fees',
	'credits',
	'bonuses',
	'fcrTrue',
	'repeatContactRate',
	'csatTrue',
	'serviceLevel',
	'slaMet'
];

export function resultJson(r: SweepResult) {
	return {
		mode: r.mode,
		draftIndex: r.draftIndex,
		axes: r.axes,
		points: r.points.map((p) => ({
			values: p.values,
			drafts: p.cells.map((c) => ({ name: c.name, frontier: c.frontier, metrics: metricsJson(c.metrics) }))
		})),
		frontier: r.points.flatMap((p) =>
			p.cells
				.filter((c) => c.frontier)
				.map((c) => ({
					values: p.values,
					draft: c.name,
					vendorMargin: c.metrics[METRIC_INDEX.vendorMargin].mean,
					clientTotalCost: c.metrics[METRIC_INDEX.clientTotalCost].mean
				}))
		),
		scenarioDrafts: r.drafts.map((d) => ({
			name: d.name,
			values: d.values,
			onFrontier: d.onFrontier,
			metrics: metricsJson(d.metrics)
		})),
		evaluations: r.evaluations
	};
}

function resultTable(r: SweepResult, currency: string): string {
	const out: string[] = [];
	const head = [...r.axes.map((a) => a.path), ...(r.mode === 'scenario' ? ['draft'] : []), ...OUTCOMES];
	const rows = [head];
	for (const p of r.points)
		for (const c of p.cells)
			rows.push([
				...p.values.map((v) => String(v)),
				...(r.mode === 'scenario' ? [c.name] : []),
				...OUTCOMES.map(
					(k) => cell(k, c.metrics[METRIC_INDEX[k]]) + (k === 'vendorMargin' && c.frontier ? ' F' : '')
				)
			]);
	out.push(
		...table(rows),
		'',
		'F = on the frontier (no other point has both a higher vendor margin and a lower client total cost)',
		''
	);
	out.push("The scenario's drafts as written (same replications):");
	for (const d of r.drafts)
		out.push(
			`  ${d.name}: ${r.axes.map((a, i) => `${a.path.replace(/^drafts\.\d+\./, '')} = ${d.values[i] ?? '-'}`).join(', ')}; ` +
				`vendor margin ${fmt('money', d.metrics[METRIC_INDEX.vendorMargin].mean, currency)}, ` +
				`client total cost ${fmt('money', d.metrics[METRIC_INDEX.clientTotalCost].mean, currency)}` +
				(d.onFrontier ? ' (on the frontier)' : ' (dominated by a swept point)')
		);
	return out.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
	if (printedHelp(argv, USAGE)) return 0;
	return guard('sweep', USAGE, async () => {
		const flags = validate(
			Flags,
			tokenise(
				argv,
				['path', 'from', 'to', 'steps', 'path2', 'from2', 'to2', 'steps2', ...EXPLORE_VALUE_FLAGS],
				EXPLORE_BOOL_FLAGS
			)
		);
		const scenario = await loadScenario(flags.file, flags.seed, flags.months);
		const axes: SweepAxis[] = [{ path: flags.path, from: flags.from, to: flags.to, steps: flags.steps ?? 5 }];
		if (flags.path2 !== undefined) {
			if (flags.path2 === flags.path) throw new UsageError('--path2 must differ from --path');
			axes.push({ path: flags.path2, from: flags.from2!, to: flags.to2!, steps: flags.steps2 ?? 5 });
		}
		const reps = flags.reps ?? 10;
		const workers = flags.workers ?? defaultWorkers();
		return runExploration(
			'sweep',
			scenario,
			{ reps, workers, json: flags.json, force: flags.force },
			async (ctx) => (await sweep(scenario, { axes, reps }, ctx)).result,
			{
				json: resultJson,
				text: (r, elapsedSeconds) =>
					`seed ${scenario.seed}, ${reps} replications per point (mean [95 % CI]), ${elapsedSeconds.toFixed(1)} s\n\n` +
					resultTable(r, scenario.currency)
			}
		);
	});
}
