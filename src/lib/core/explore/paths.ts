/**
 * Paths into a scenario (`drafts.0.metrics.1.target`, `assumptions.staffing.shrinkage`): reading
 * and setting the numbers the explorer tools vary, the derived scenario validated like an imported
 * file (a bad value names the path and the rule), evenly spaced values, and the list of numbers worth
 * sweeping that the explorer's pickers offer.
 */
import { parseScenario, formatScenarioErrors, type Scenario } from '../schema/scenario';
import { ExploreInputError } from './evaluation';
import { DEFAULT_SENSITIVITY_FACTORS } from './assumption-ranges';

/** `drafts.0.metrics.1.target` -> ['drafts', 0, 'metrics', 1, 'target']. */
export function parsePath(path: string): (string | number)[] {
	const p = path.trim();
	if (!/^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/.test(p))
		throw new ExploreInputError(
			`path "${path}" must be dot-separated field names and indices, e.g. drafts.0.price.rate`
		);
	return p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at a path, or undefined. */
export function getAtPath(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const k of parsePath(path)) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string | number, unknown>)[k];
	}
	return cur;
}

function clone<T>(x: T): T {
	return JSON.parse(JSON.stringify(x)) as T;
}

/** A copy of `obj` with the number at `path` replaced (the field must exist and be a number). */
function setNumberAt<T>(obj: T, path: string, value: number): T {
	const keys = parsePath(path);
	const out = clone(obj);
	let cur: unknown = out;
	for (let i = 0; i < keys.length - 1; i++) {
		const next = (cur as Record<string | number, unknown>)?.[keys[i]];
		if (next === null || typeof next !== 'object')
			throw new ExploreInputError(
				`${path}: no such field in the scenario (${keys.slice(0, i + 1).join('.')} is missing; defaults are filled in first)`
			);
		cur = next;
	}
	const last = keys[keys.length - 1];
	const old = (cur as Record<string | number, unknown>)[last];
	if (typeof old !== 'number')
		throw new ExploreInputError(
			old === undefined
				? `${path}: no such field in the scenario (defaults are filled in first)`
				: `${path}: must point to a number (it holds ${JSON.stringify(old).slice(0, 40)})`
		);
	(cur as Record<string | number, unknown>)[last] = value;
	return out;
}

export interface Setting {
	path: string;
	value: number;
}

/**
 * The scenario with the given numbers set, validated by parseScenario. An invalid value throws an
 * ExploreInputError that names the setting and every rule it broke (with its path).
 */
export function deriveScenario(scenario: Scenario, settings: readonly Setting[]): Scenario {
	let s: Scenario = scenario;
	for (const { path, value } of settings) {
		if (!Number.isFinite(value))
			throw new ExploreInputError(`${path}: value ${value} is not a finite number`);
		s = setNumberAt(s, path, value);
	}
	const p = parseScenario(s);
	if (!p.ok) {
		const what = settings.map((x) => `${x.path} = ${fmtNum(x.value)}`).join(', ');
		throw new ExploreInputError(`${what} makes an invalid scenario:\n${formatScenarioErrors(p.errors)}`);
	}
	return p.scenario;
}

function fmtNum(x: number): string {
	return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** Evenly spaced values from..to (steps >= 2; steps 1 gives [from]). */
export function linspace(from: number, to: number, steps: number): number[] {
	if (steps <= 1) return [from];
	return Array.from({ length: steps }, (_, i) =>
		i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)
	);
}

/** A grid value rounded to 6 decimals, so that grid points read cleanly and compare equal. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Numeric leaves of a scenario worth sweeping, for pickers: draft clauses and shared assumptions. */
export function sweepablePaths(s: Scenario): { path: string; label: string; value: number }[] {
	const out: { path: string; label: string; value: number }[] = [];
	s.drafts.forEach((d, i) => {
		const p = `drafts.${i}`;
		const name = d.name;
		out.push({ path: `${p}.price.rate`, label: `${name}: price rate`, value: d.price.rate });
		out.push({
			path: `${p}.atRisk.percentOfInvoice`,
			label: `${name}: at-risk share of invoice`,
			value: d.atRisk.percentOfInvoice
		});
		d.metrics.forEach((m, j) => {
			out.push({ path: `${p}.metrics.${j}.target`, label: `${name}: ${m.metric} target`, value: m.target });
			out.push({
				path: `${p}.metrics.${j}.poolAllocation`,
				label: `${name}: ${m.metric} allocation`,
				value: m.poolAllocation
			});
		});
		d.bonuses.forEach((b, j) => {
			out.push({
				path: `${p}.bonuses.${j}.threshold`,
				label: `${name}: ${b.metric} bonus threshold`,
				value: b.threshold
			});
			if (b.percentOfInvoice !== undefined)
				out.push({
					path: `${p}.bonuses.${j}.percentOfInvoice`,
					label: `${name}: ${b.metric} bonus share of invoice`,
					value: b.percentOfInvoice
				});
			if (b.amount !== undefined)
				out.push({
					path: `${p}.bonuses.${j}.amount`,
					label: `${name}: ${b.metric} bonus amount`,
					value: b.amount
				});
		});
		if (d.scorecard.mode === 'manual' && d.scorecard.weights)
			for (const [k, v] of Object.entries(d.scorecard.weights))
				out.push({ path: `${p}.scorecard.weights.${k}`, label: `${name}: scorecard weight ${k}`, value: v });
		out.push({
			path: `${p}.vendor.staffingPolicyFactor`,
			label: `${name}: vendor staffing factor`,
			value: d.vendor.staffingPolicyFactor
		});
		out.push({
			path: `${p}.vendor.coachingSpeedBias`,
			label: `${name}: vendor coaching speed bias`,
			value: d.vendor.coachingSpeedBias
		});
	});
	for (const f of DEFAULT_SENSITIVITY_FACTORS) {
		const v = getAtPath(s, f.path);
		if (typeof v === 'number') out.push({ path: f.path, label: `Assumption: ${f.label}`, value: v });
	}
	return out;
}
