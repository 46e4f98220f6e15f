/**
 * `npm run bench [-- --json]`: simulation speed on one core (this process), contacts per second.
 *   textbookContactsPerSecond: the stationary M/M/14 textbook queue (200 contacts/h, AHT 180 s) through
 *     the engine (`textbookConfig`), the case the C reference simulator runs.
 *   fullModelContactsPerSecond: every draft of scenarios/ecommerce-case.json compiled by compile.ts (all
 *     mechanisms on: busyness, intents, abandonment, redials, callbacks, dumps, skills, absenteeism,
 *     surveys, QA, staffing per interval), one month per replication.
 * Each of these two figures is the BEST of `REPEATS` (5) measurements, each a run of replications for
 * ~1 s after a warm-up run, each config writing into its own reused table (as replication.ts does): other processes on the machine can only slow a measurement down, so the best
 * one is the closest to the engine's own speed. The text output also lists every measurement.
 * Add fields to `FIGURES`.
 *   speedup2Workers, firstSummarySeconds, hundredRepsSeconds: the worker pool, from bench/pool.ts.
 */
import { readFileSync } from 'node:fs';
import { simulate, textbookConfig } from '../src/lib/core/engine';
import { intervalCount, type EngineConfig } from '../src/lib/core/engine-config';
import { FIELD_COUNT } from '../src/lib/core/fields';
import { compileScenario } from '../src/lib/core/compile';
import { parseScenario } from '../src/lib/core/schema/scenario';
import { benchPool } from './pool';

const REPEATS = 5;

/** One measurement: replications of every config for ~`seconds`, contacts per second. */
function contactsPerSecond(configs: EngineConfig[], seconds = 1): number {
	// one reused table per config, as replication.ts does (no 100k+-row allocation per replication)
	const outs = configs.map((c) => new Float64Array(intervalCount(c) * FIELD_COUNT));
	configs.forEach((c, k) => simulate(c, 'warm', 0, outs[k]));
	let contacts = 0;
	let rep = 0;
	const t0 = performance.now();
	let el = 0;
	while (el < seconds * 1000) {
		for (let k = 0; k < configs.length; k++) contacts += simulate(configs[k], 'bench', rep, outs[k]).contacts;
		rep++;
		el = performance.now() - t0;
	}
	return contacts / (el / 1000);
}

/** The best of REPEATS measurements (and all of them). */
function best(configs: EngineConfig[]): { best: number; all: number[] } {
	const all: number[] = [];
	for (let k = 0; k < REPEATS; k++) all.push(contactsPerSecond(configs));
	return { best: Math.max(...all), all };
}

function fullModelConfigs(): EngineConfig[] {
	const file = new URL('../scenarios/ecommerce-case.json', import.meta.url);
	const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.ok)
		throw new Error(`ecommerce-case.json: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
	return compileScenario(parsed.scenario);
}

const FIGURES: Record<string, () => { best: number; all: number[] }> = {
	textbookContactsPerSecond: () =>
		best([textbookConfig({ arrivalsPerHour: 200, agents: 14, ahtSec: 180, targetSec: 20, hours: 5000 })]),
	fullModelContactsPerSecond: () => best(fullModelConfigs())
};

const json = process.argv.includes('--json');
const out: Record<string, number> = {};
if (!json) process.stdout.write(`contacts per second on one core: best of ${REPEATS} measurements of ~1 s\n`);
for (const [k, f] of Object.entries(FIGURES)) {
	const r = f();
	out[k] = Math.round(r.best);
	if (!json) {
		const all = r.all.map((x) => (x / 1e6).toFixed(2)).join(' ');
		process.stdout.write(
			`${k.padEnd(32)}${out[k].toLocaleString('en').padStart(14)}   (each, millions: ${all})\n`
		);
	}
}
// Worker pool (bench/pool.ts): 2-vs-1 worker speed-up, CLI time to the first summary and to 100 replications.
const pool = await benchPool({ log: json ? undefined : (s) => process.stderr.write(s + '\n') });
for (const k of ['speedup2Workers', 'firstSummarySeconds', 'hundredRepsSeconds'] as const) {
	out[k] = Math.round(pool[k] * 100) / 100;
	if (!json) process.stdout.write(`${k.padEnd(32)}${out[k].toLocaleString('en').padStart(14)}\n`);
}
if (json) process.stdout.write(JSON.stringify(out) + '\n');
