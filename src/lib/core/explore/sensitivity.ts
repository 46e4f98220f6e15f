/**
 * Which assumption matters most? The sensitivity tornado: the whole scenario rerun with each
 * uncertain assumption at the low and the high end of its stated range (assumption-ranges.ts), on
 * the same replications, every outcome paired against the base. For negotiators and consultants
 * asking how much a draft's verdict rests on numbers nobody knows for sure.
 */
import type { Scenario } from '../schema/scenario';
import type { MetricKey } from '../metrics';
import type { DiffSummary, MetricSummary } from '../stats';
import {
	ExploreInputError,
	Progress,
	checkReps,
	pairedDiff,
	summariseRows,
	type ExploreContext
} from './evaluation';
import { deriveScenario, getAtPath } from './paths';
import { DEFAULT_SENSITIVITY_FACTORS, type SensitivityFactor } from './assumption-ranges';

/** The main outcomes a tornado shows. */
export const SENSITIVITY_OUTCOMES: readonly MetricKey[] = [
	'repeatContactRate',
	'fcrTrue',
	'csatTrue',
	'clientTotalCost',
	'vendorMargin',
	'slaMet'
];

export interface SensitivityOptions {
	reps: number;
	factors?: readonly SensitivityFactor[];
}

export interface SensitivitySide {
	/** The assumption's value on this side. */
	value: number;
	/** Per draft, every metric. */
	metrics: MetricSummary[][];
	/** Per draft, this side minus base, every metric (paired on the same replications). */
	vsBase: DiffSummary[][];
}

export interface SensitivityResult {
	reps: number;
	seed: string;
	drafts: string[];
	base: { metrics: MetricSummary[][] };
	factors: Array<
		SensitivityFactor & { baseValue: number; lowSide: SensitivitySide; highSide: SensitivitySide }
	>;
	evaluations: number;
}

/** Rerun the whole scenario with each assumption at its low and its high value (same replications). */
export async function sensitivity(
	scenario: Scenario,
	opts: SensitivityOptions,
	ctx: ExploreContext
): Promise<SensitivityResult> {
	checkReps(opts.reps);
	const factors = opts.factors ?? DEFAULT_SENSITIVITY_FACTORS;
	const reps = opts.reps;
	// Validate every variant before simulating anything.
	const variants = factors.map((f) => {
		const baseValue = getAtPath(scenario, f.path);
		if (typeof baseValue !== 'number')
			throw new ExploreInputError(`${f.path}: no such number in the scenario`);
		return {
			f,
			baseValue,
			low: deriveScenario(scenario, [{ path: f.path, value: f.low }]),
			high: deriveScenario(scenario, [{ path: f.path, value: f.high }])
		};
	});
	const progress = new Progress(ctx);
	const D = scenario.drafts.length;
	progress.total = (1 + 2 * factors.length) * reps * D;
	const baseRows = await progress.run('base', scenario, reps);
	const baseMetrics = summariseRows(baseRows);
	const side = async (
		sc: Scenario,
		value: number,
		baseValue: number,
		phase: string
	): Promise<SensitivitySide> => {
		const rows = value === baseValue ? baseRows : await progress.run(phase, sc, reps);
		return { value, metrics: summariseRows(rows), vsBase: rows.map((r, d) => pairedDiff(baseRows[d], r)) };
	};
	const out: SensitivityResult['factors'] = [];
	for (const v of variants) {
		const lowSide = await side(v.low, v.f.low, v.baseValue, `${v.f.label}: low`);
		const highSide = await side(v.high, v.f.high, v.baseValue, `${v.f.label}: high`);
		out.push({ ...v.f, baseValue: v.baseValue, lowSide, highSide });
	}
	return {
		reps,
		seed: String(scenario.seed),
		drafts: scenario.drafts.map((d) => d.name),
		base: { metrics: baseMetrics },
		factors: out,
		evaluations: progress.done
	};
}
