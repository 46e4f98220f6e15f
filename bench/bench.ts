/**
 * `npm run bench [-- --json] [-- --c-source FILE]`: simulation speed on one core (this process), contacts per second.
 *   textbookContactsPerSecond: the stationary M/M/40+M queue of the C reference (0.12 calls/s, mean handle
 *     300 s, mean patience 180 s; 15-minute rows) through the engine (`textbookConfig`).
 *   cReferenceContactsPerSecond: the same queue through the hand-written C simulator (c-reference.ts),
 *     when a C compiler and its source are present; textbookRatioToC = textbook / C.
 *   fullModelContactsPerSecond: every draft of scenarios/ecommerce-case.json compiled by compile.ts (all
 *     mechanisms on: busyness, intents, abandonment, redials, callbacks, dumps, skills, absenteeism,
 *     surveys, QA, staffing per interval), one month per replication.
 * Each figure is the BEST of `REPEATS` (5) measurements, each a run of replications for ~1 s after a
 * warm-up run, each config writing into its own reused table (as replication.ts does): other processes
 * on the machine can only slow a measurement down, so the best one is the closest to the engine's own
 * speed. The engine and the C reference are measured alternately, so both see the same machine load.
 * The text output also lists every measurement and the load average.
 *   textbookGeneralContactsPerSecond: the same queue through the general event loop (`simulateGeneral`),
 *     to show what the fast path for configs with every mechanism off (engine-textbook.ts) buys.
 *   speedup2Workers, firstSummarySeconds, hundredRepsSeconds: the worker pool, from bench/pool.ts.
 *   designDraftRepsPerSecond (and with --design-full designSearchSeconds, designSearchDraftReps): the
 *     contract designer, from bench/design.ts.
 *   term6Months30RepsSeconds: the e-commerce case as a 6-month term, 2 drafts, 30 replications, CLI on 2
 *     workers, from bench/term.ts.
 */
import { readFileSync } from 'node:fs';
import { simulate, simulateGeneral, textbookConfig } from '../src/lib/core/engine';
import { intervalCount, type EngineConfig } from '../src/lib/core/engine-config';
import { FIELD_COUNT } from '../src/lib/core/fields';
import { compileScenario } from '../src/lib/core/compile';
import { parseScenario } from '../src/lib/core/schema/scenario';
import { availableParallelism, loadavg } from 'node:os';
import { benchPool } from './pool';
import { REFERENCE_QUEUE, buildCReference, runCReference } from './c-reference';
import { benchDesign } from './design';
import { benchTerm } from './term';

const REPEATS = 5;

/** One measurement: replications of every config for ~`seconds`, contacts per second. */
function contactsPerSecond(configs: EngineConfig[], run: typeof simulate, seconds = 1): number {
	// one reused table per config, as replication.ts does (no 100k+-row allocation per replication)
	const outs = configs.map((c) => new Float64Array(intervalCount(c) * FIELD_COUNT));
	configs.forEach((c, k) => run(c, 'warm', 0, outs[k]));
	let contacts = 0;
	let rep = 0;
	const t0 = performance.now();
	let el = 0;
	while (el < seconds * 1000) {
		for (let k = 0; k < configs.length; k++) contacts += run(configs[k], 'bench', rep, outs[k]).contacts;
		rep++;
		el = performance.now() - t0;
	}
	return contacts / (el / 1000);
}

type Measured = { best: number; all: number[] };

/** The best of REPEATS measurements (and all of them); `beside` runs after each (the C reference). */
function best(
	configs: EngineConfig[],
	beside?: () => number,
	run: typeof simulate = simulate
): { engine: Measured; beside: Measured } {
	const engine: number[] = [];
	const other: number[] = [];
	for (let k = 0; k < REPEATS; k++) {
		engine.push(contactsPerSecond(configs, run));
		if (beside) other.push(beside());
	}
	return {
		engine: { best: Math.max(...engine), all: engine },
		beside: { best: other.length ? Math.max(...other) : NaN, all: other }
	};
}

function fullModelConfigs(): EngineConfig[] {
	const file = new URL('../scenarios/ecommerce-case.json', import.meta.url);
	const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.ok)
		throw new Error(`ecommerce-case.json: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
	return compileScenario(parsed.scenario);
}

const json = process.argv.includes('--json');
const cSourceAt = process.argv.indexOf('--c-source');
const cRef = buildCReference(cSourceAt >= 0 ? process.argv[cSourceAt + 1] : undefined);
const out: Record<string, number | null> = {};
const lines: string[] = [];
const line = (k: string, v: number | null, all?: number[]) =>
	lines.push(
		`${k.padEnd(32)}${(v === null ? 'n/a' : v.toLocaleString('en')).padStart(14)}` +
			(all?.length ? `   (each, millions: ${all.map((x) => (x / 1e6).toFixed(2)).join(' ')})` : '')
	);
const load0 = loadavg()[0];

const q = REFERENCE_QUEUE;
const textbookQueue = textbookConfig({
	arrivalsPerHour: q.perSecond * 3600,
	agents: q.agents,
	ahtSec: q.ahtSec,
	patienceSec: q.patienceSec,
	targetSec: 20,
	hours: 2000
});
const textbook = best([textbookQueue], cRef.ok ? () => runCReference(cRef.binary) : undefined);
out.textbookContactsPerSecond = Math.round(textbook.engine.best);
line('textbookContactsPerSecond', out.textbookContactsPerSecond, textbook.engine.all);
out.cReferenceContactsPerSecond = cRef.ok ? Math.round(textbook.beside.best) : null;
line('cReferenceContactsPerSecond', out.cReferenceContactsPerSecond, textbook.beside.all);
out.textbookRatioToC = cRef.ok
	? Math.round((textbook.engine.best / textbook.beside.best) * 1000) / 1000
	: null;
line('textbookRatioToC', out.textbookRatioToC);
if (!cRef.ok) lines.push(`  (no C reference: ${cRef.why})`);
const textbookGeneral = best([textbookQueue], undefined, simulateGeneral);
out.textbookGeneralContactsPerSecond = Math.round(textbookGeneral.engine.best);
line('textbookGeneralContactsPerSecond', out.textbookGeneralContactsPerSecond, textbookGeneral.engine.all);
const full = best(fullModelConfigs());
out.fullModelContactsPerSecond = Math.round(full.engine.best);
line('fullModelContactsPerSecond', out.fullModelContactsPerSecond, full.engine.all);
if (!json) {
	process.stdout.write(`contacts per second on one core: best of ${REPEATS} measurements of ~1 s\n`);
	process.stdout.write(lines.join('\n') + '\n');
}

// Worker pool (bench/pool.ts): 2-vs-1 worker speed-up, CLI time to the first summary and to 100 replications.
const pool = await benchPool({ log: json ? undefined : (s) => process.stderr.write(s + '\n') });
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
out.speedup2Workers = round(pool.speedup2Workers);
out.firstSummarySeconds = round(pool.firstSummarySeconds);
out.hundredRepsSeconds = round(pool.hundredRepsSeconds);
out.workerStartSeconds = round(pool.workerStartSeconds);
out.cli24Reps1WorkerSeconds = round(pool.cli24Reps1WorkerSeconds);
out.cli24Reps2WorkersSeconds = round(pool.cli24Reps2WorkersSeconds);
out.cliSpeedup2Workers24Reps =
	pool.cli24Reps1WorkerSeconds !== null && pool.cli24Reps2WorkersSeconds !== null
		? round(pool.cli24Reps1WorkerSeconds / pool.cli24Reps2WorkersSeconds)
		: null;
if (!json)
	for (const k of [
		'speedup2Workers',
		'firstSummarySeconds',
		'hundredRepsSeconds',
		'workerStartSeconds',
		'cli24Reps1WorkerSeconds',
		'cli24Reps2WorkersSeconds',
		'cliSpeedup2Workers24Reps'
	])
		process.stdout.write(
			`${k.padEnd(32)}${(out[k] === null ? 'n/a' : out[k]!.toLocaleString('en')).padStart(14)}\n`
		);
// Contract designer (bench/design.ts): draft-replications per second in a design search on 2 workers;
// with --design-full also the whole default e-commerce search (minutes).
const des = await benchDesign({
	full: process.argv.includes('--design-full'),
	log: json ? undefined : (s) => process.stderr.write(s + '\n')
});
for (const k of ['designDraftRepsPerSecond', 'designSearchSeconds', 'designSearchDraftReps'] as const) {
	const v = des[k];
	if (v === undefined) continue;
	out[k] = Math.round(v * 10) / 10;
	if (!json) process.stdout.write(`${k.padEnd(32)}${out[k]!.toLocaleString('en').padStart(14)}\n`);
}
const term = benchTerm(json ? undefined : (s) => process.stderr.write(s + '\n')).term6Months30RepsSeconds;
out.term6Months30RepsSeconds = term === null ? null : Math.round(term * 10) / 10;
if (!json)
	process.stdout.write(
		`${'term6Months30RepsSeconds'.padEnd(32)}${String(out.term6Months30RepsSeconds ?? 'n/a').padStart(14)}\n`
	);
const load = [load0, loadavg()[0]].map((x) => Math.round(x * 100) / 100);
if (json) process.stdout.write(JSON.stringify({ ...out, loadAverage: load }) + '\n');
else
	process.stdout.write(
		`load average (1 min) before and after: ${load.join(', ')} on ${availableParallelism()} cores\n`
	);
