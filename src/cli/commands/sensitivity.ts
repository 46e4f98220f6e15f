/**
 * `npm run sim -- sensitivity FILE [--reps R] [--seed S] [--workers W] [--json]`
 *
 * Which assumption does a conclusion rest on? Reruns the whole scenario with each key uncertain
 * assumption (forecast error, callback probability, effort response to pressure, survey response
 * rate, shrinkage) at the low and the high end of its stated range, on the same replications, and
 * reports each draft's main outcomes at base / low / high with paired differences from base.
 * Exit codes: 0 done, 2 bad flag or scenario, 130 stopped (Ctrl-C), 1 failure.
 */
import { z } from 'zod';
import { DEFAULT_SENSITIVITY_FACTORS } from '../../lib/core/explore/assumption-ranges';
import {
	SENSITIVITY_OUTCOMES,
	sensitivity,
	type SensitivityResult
} from '../../lib/core/explore/sensitivity';
import { diffsJson, metricsJson } from '../../lib/core/explore/json';
import { METRIC_INDEX } from '../../lib/core/metrics';
import {
	cell,
	defaultWorkers,
	diffCell,
	EXPLORE_BOOL_FLAGS,
	EXPLORE_VALUE_FLAGS,
	exploreFlags,
	fileFlag,
	guard,
	labelOf,
	loadScenario,
	printedHelp,
	runExploration,
	table,
	tokenise,
	validate
} from '../common';

export const summary = 'tornado: each draft at the low and high end of the key uncertain assumptions (CRN)';

const USAGE = `usage: npm run sim -- sensitivity FILE [options]

  --reps R         replications per setting (default 20)
  --seed S         seed, overrides the scenario's
  --months N       run a contract term of N months (1..24; see docs/TERM.md)
  --workers W      worker threads (default ${defaultWorkers()} here)
  --json           print one JSON object
  --force          run even when over the work budget (see the README)

assumptions and their ranges:
${DEFAULT_SENSITIVITY_FACTORS.map((f) => `  ${f.path.padEnd(44)}${f.low} .. ${f.high}`).join('\n')}
`;

const Flags = z.strictObject({ file: fileFlag, ...exploreFlags });

export function resultJson(r: SensitivityResult) {
	const keys = SENSITIVITY_OUTCOMES;
	return {
		outcomes: keys,
		drafts: r.drafts.map((name, d) => ({
			name,
			base: metricsJson(r.base.metrics[d], keys),
			assumptions: r.factors.map((f) => ({
				key: f.key,
				label: f.label,
				path: f.path,
				range: f.note,
				baseValue: f.baseValue,
				low: {
					value: f.lowSide.value,
					metrics: metricsJson(f.lowSide.metrics[d], keys),
					vsBase: diffsJson(f.lowSide.vsBase[d], keys)
				},
				high: {
					value: f.highSide.value,
					metrics: metricsJson(f.highSide.metrics[d], keys),
					vsBase: diffsJson(f.highSide.vsBase[d], keys)
				}
			}))
		})),
		evaluations: r.evaluations
	};
}

function resultTable(r: SensitivityResult): string {
	const out: string[] = [];
	r.drafts.forEach((name, d) => {
		out.push(`Draft "${name}"`);
		for (const k of SENSITIVITY_OUTCOMES) {
			const i = METRIC_INDEX[k];
			out.push(`  ${labelOf(k)}: base ${cell(k, r.base.metrics[d][i])}`);
			const rows = [['  assumption', 'low', 'low - base', 'high', 'high - base']];
			for (const f of r.factors)
				rows.push([
					`  ${f.label} (${f.lowSide.value} / ${f.highSide.value})`,
					cell(k, f.lowSide.metrics[d][i]),
					diffCell(k, f.lowSide.vsBase[d][i]),
					cell(k, f.highSide.metrics[d][i]),
					diffCell(k, f.highSide.vsBase[d][i])
				]);
			out.push(...table(rows), '');
		}
	});
	return out.join('\n');
}

export async function run(argv: string[]): Promise<number> {
	if (printedHelp(argv, USAGE)) return 0;
	return guard('sensitivity', USAGE, async () => {
		const flags = validate(Flags, tokenise(argv, EXPLORE_VALUE_FLAGS, EXPLORE_BOOL_FLAGS));
		const scenario = await loadScenario(flags.file, flags.seed, flags.months);
		const reps = flags.reps ?? 20;
		const workers = flags.workers ?? defaultWorkers();
		return runExploration(
			'sensitivity',
			scenario,
			{ reps, workers, json: flags.json, force: flags.force },
			(ctx) => sensitivity(scenario, { reps }, ctx),
			{
				json: resultJson,
				text: (r, elapsedSeconds) =>
					`seed ${scenario.seed}, ${reps} replications per setting (paired on the same customers; * = 95 % CI excludes 0), ${elapsedSeconds.toFixed(1)} s\n\n` +
					resultTable(r)
			}
		);
	});
}
