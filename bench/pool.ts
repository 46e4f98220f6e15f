/**
 * Pool benchmark: speed-up of 2 worker threads over 1 on the default scenario, and the CLI path's
 * time to the first summary and to 100 replications (pool start-up included, as a user of
 * `npm run sim -- run` experiences it).
 *
 *   npx tsx bench/pool.ts [--json] [--scenario FILE] [--fake]
 *
 * Called from bench/bench.ts (`benchPool()`), whose `--json` object carries `speedup2Workers`,
 * `firstSummarySeconds` and `hundredRepsSeconds`. Without a scenario file (or with --fake) it runs
 * the fake model with a busy loop instead, and says so in `poolModel`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createNodePool, defaultNodePoolSize } from '../src/lib/pool/node';
import type { SimulationPool } from '../src/lib/pool/pool';
import { execute, loadInput, type LoadedInput } from '../src/cli/commands/run';

export const DEFAULT_SCENARIO = fileURLToPath(new URL('../scenarios/ecommerce-case.json', import.meta.url));

export interface PoolBench {
	poolModel: 'scenario' | 'fake';
	scenarioFile: string | null;
	/** Replications used for the 1- vs 2-worker comparison. */
	speedupReps: number;
	oneWorkerSeconds: number;
	twoWorkersSeconds: number;
	/** oneWorkerSeconds / twoWorkersSeconds (warm pools: start-up excluded). */
	speedup2Workers: number;
	/** CLI path (pool start-up included): seconds to the first merged summary of a 100-replication run. */
	firstSummarySeconds: number;
	/** CLI path: seconds to 100 replications, default worker count (`workers`). */
	hundredRepsSeconds: number;
	workers: number;
	/** Seconds from creating a one-thread pool to its worker answering (start-up of a worker thread). */
	workerStartSeconds: number;
	/**
	 * The bundled CLI as a user runs it (`npm run sim -- run FILE --reps 24`, a child process, start-up
	 * included), best of three, with 1 and 2 workers; null when not run from the bundle (dist-node/).
	 */
	cli24Reps1WorkerSeconds: number | null;
	cli24Reps2WorkersSeconds: number | null;
	/** 1-minute load average before and after (the machine may be shared: a high load spoils the speed-up). */
	loadAverage: [number, number];
}

async function input(opts: {
	scenario?: string;
	fake?: boolean;
}): Promise<{ input: LoadedInput; file: string | null }> {
	const file = opts.scenario ?? DEFAULT_SCENARIO;
	if (!opts.fake && existsSync(file)) return { input: await loadInput({ file }), file };
	return {
		input: {
			job: { model: 'fake', input: { seed: 'bench', drafts: 2, days: 30, dailyFields: 36, spin: 3_000_000 } },
			seed: 'bench',
			draftNames: ['A', 'B']
		},
		file: null
	};
}

/** Seconds for `reps` replications on a warm pool. */
async function timed(pool: SimulationPool, inp: LoadedInput, reps: number): Promise<number> {
	const t0 = performance.now();
	await pool.run({ job: inp.job, reps }).done;
	return (performance.now() - t0) / 1000;
}

/** Seconds for a one-thread pool to start and answer a ping. */
async function workerStart(): Promise<number> {
	const t0 = performance.now();
	const pool = createNodePool(1);
	try {
		await pool.ping();
		return (performance.now() - t0) / 1000;
	} finally {
		pool.dispose();
	}
}

/** The bundled CLI beside this bundle, when this runs from dist-node/. */
const CLI = import.meta.url.endsWith('.mjs') ? fileURLToPath(new URL('./sim.mjs', import.meta.url)) : null;

/** Wall seconds of `node dist-node/sim.mjs run FILE --reps 24 --workers W` (best of three). */
function cli24(file: string, workers: number): number {
	let bestSec = Infinity;
	for (let k = 0; k < 3; k++) {
		const t0 = performance.now();
		execFileSync(
			process.execPath,
			[CLI!, 'run', file, '--reps', '24', '--workers', String(workers), '--json'],
			{
				stdio: 'ignore'
			}
		);
		bestSec = Math.min(bestSec, (performance.now() - t0) / 1000);
	}
	return bestSec;
}

async function warmPool(workers: number, inp: LoadedInput): Promise<SimulationPool> {
	const pool = createNodePool(workers);
	await pool.ping(); // threads started and sources compiled
	// A few throw-away replications per worker so that JIT warm-up is charged to neither side.
	await pool.run({ job: inp.job, reps: 2 * workers, chunk: 1 }).done;
	return pool;
}

export async function benchPool(opts: { scenario?: string; fake?: boolean; log?: (s: string) => void } = {}) {
	const log = opts.log ?? (() => {});
	const loadBefore = loadavg()[0];
	const { input: inp, file } = await input(opts);
	const one = await warmPool(1, inp);
	const two = await warmPool(2, inp);
	let oneSec = Infinity;
	let twoSec = Infinity;
	let reps = 0;
	try {
		// Size the comparison to about 2.5 s on one worker.
		const perRep = (await timed(one, inp, 4)) / 4;
		reps = 2 * Math.max(4, Math.min(200, Math.round(2.5 / perRep / 2)));
		log(
			`pool: ${file ?? 'fake model'}; ${perRep.toFixed(3)} s per replication; comparing on ${reps} replications`
		);
		// Alternate and keep the best of five of each: the machine is shared, so noise only ever slows a run down.
		for (let k = 0; k < 5; k++) {
			oneSec = Math.min(oneSec, await timed(one, inp, reps));
			twoSec = Math.min(twoSec, await timed(two, inp, reps));
		}
	} finally {
		one.dispose();
		two.dispose();
	}
	log(
		`pool: 1 worker ${oneSec.toFixed(2)} s, 2 workers ${twoSec.toFixed(2)} s, speed-up ${(oneSec / twoSec).toFixed(2)}x`
	);
	const { timing } = await execute(inp, { reps: 100 });
	log(
		`pool (CLI path): first summary ${timing.firstSummarySeconds.toFixed(2)} s, 100 replications ${timing.elapsedSeconds.toFixed(2)} s`
	);
	let workerStartSeconds = Infinity;
	for (let k = 0; k < 3; k++) workerStartSeconds = Math.min(workerStartSeconds, await workerStart());
	log(`pool: a worker thread starts and answers in ${workerStartSeconds.toFixed(3)} s`);
	const cli1 = CLI && file ? cli24(file, 1) : null;
	const cli2 = CLI && file ? cli24(file, 2) : null;
	if (cli1 !== null && cli2 !== null)
		log(
			`CLI, 24 replications (start-up included): 1 worker ${cli1.toFixed(2)} s, 2 workers ${cli2.toFixed(2)} s, speed-up ${(cli1 / cli2).toFixed(2)}x`
		);
	const result: PoolBench = {
		poolModel: file ? 'scenario' : 'fake',
		scenarioFile: file,
		speedupReps: reps,
		oneWorkerSeconds: oneSec,
		twoWorkersSeconds: twoSec,
		speedup2Workers: oneSec / twoSec,
		firstSummarySeconds: timing.firstSummarySeconds,
		hundredRepsSeconds: timing.elapsedSeconds,
		workers: defaultNodePoolSize(),
		workerStartSeconds,
		cli24Reps1WorkerSeconds: cli1,
		cli24Reps2WorkersSeconds: cli2,
		loadAverage: [loadBefore, loadavg()[0]]
	};
	return result;
}

// Only when run as `npx tsx bench/pool.ts`: in the bundle (dist-node/bench.mjs) import.meta.url is the
// bundle's own, so the path check alone would run this a second time inside `npm run bench`.
if (
	process.argv[1] &&
	import.meta.url.endsWith('/bench/pool.ts') &&
	fileURLToPath(import.meta.url) === process.argv[1]
) {
	const argv = process.argv.slice(2);
	const i = argv.indexOf('--scenario');
	const r = await benchPool({
		scenario: i >= 0 ? argv[i + 1] : undefined,
		fake: argv.includes('--fake'),
		log: (s) => process.stderr.write(s + '\n')
	});
	if (argv.includes('--json')) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
