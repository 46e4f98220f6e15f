/**
 * `npm run bench [-- --json]`: simulation speed on one core (this process), contacts per second.
 *   textbookContactsPerSecond: the stationary M/M/14 textbook queue (200 contacts/h, AHT 180 s) through
 *     the engine (`textbookConfig`), the case the C reference simulator runs.
 *   fullModelContactsPerSecond: every draft of scenarios/ecommerce-case.json compiled by compile.ts (all
 *     mechanisms on: busyness, intents, abandonment, redials, callbacks, dumps, skills, absenteeism,
 *     surveys, QA, staffing per interval), one month per replication.
 * Each figure: a warm-up run, then replications until ~2 s have passed. Add fields to `FIGURES`.
 *   speedup2Workers, firstSummarySeconds, hundredRepsSeconds: the worker pool, from bench/pool.ts.
 */
import { readFileSync } from 'node:fs';
import { simulate, textbookConfig } from '../src/lib/core/engine';
import type { EngineConfig } from '../src/lib/core/engine-config';
import { compileScenario } from '../src/lib/core/compile';
import { parseScenario } from '../src/lib/core/schema/scenario';
import { benchPool } from './pool';

function contactsPerSecond(configs: EngineConfig[], seconds = 2): number {
	for (const c of configs) simulate(c, 'warm', 0);
	let contacts = 0;
	let rep = 0;
	const t0 = performance.now();
	let el = 0;
	while (el < seconds * 1000) {
		for (const c of configs) contacts += simulate(c, 'bench', rep).contacts;
		rep++;
		el = performance.now() - t0;
	}
	return contacts / (el / 1000);
}

function fullModelConfigs(): EngineConfig[] {
	const file = new URL('../scenarios/ecommerce-case.json', import.meta.url);
	const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.ok)
		throw new Error(`ecommerce-case.json: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
	return compileScenario(parsed.scenario);
}

const FIGURES: Record<string, () => number> = {
	textbookContactsPerSecond: () =>
		contactsPerSecond([
			textbookConfig({ arrivalsPerHour: 200, agents: 14, ahtSec: 180, targetSec: 20, hours: 5000 })
		]),
	fullModelContactsPerSecond: () => contactsPerSecond(fullModelConfigs())
};

const json = process.argv.includes('--json');
const out: Record<string, number> = {};
for (const [k, f] of Object.entries(FIGURES)) {
	out[k] = Math.round(f());
	if (!json) process.stdout.write(`${k.padEnd(32)}${out[k].toLocaleString('en').padStart(14)}\n`);
}
// Worker pool (bench/pool.ts): 2-vs-1 worker speed-up, CLI time to the first summary and to 100 replications.
const pool = await benchPool({ log: json ? undefined : (s) => process.stderr.write(s + '\n') });
for (const k of ['speedup2Workers', 'firstSummarySeconds', 'hundredRepsSeconds'] as const) {
	out[k] = Math.round(pool[k] * 100) / 100;
	if (!json) process.stdout.write(`${k.padEnd(32)}${out[k].toLocaleString('en').padStart(14)}\n`);
}
if (json) process.stdout.write(JSON.stringify(out) + '\n');
