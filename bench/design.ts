/**
 * Contract-designer benchmark (called from bench/bench.ts): a design search on the e-commerce preset
 * through a pool of 2 worker threads, as `npm run sim -- design` runs it.
 *
 *   designDraftRepsPerSecond: draft-replications simulated per second during a short search (draft
 *     "Balanced", the price rate as the only negotiable clause, 2 replications per stage, no
 *     refinement rounds): the rate at which any design search spends its budget on this machine.
 *   designSearchSeconds (only with `npm run bench -- --design-full`, about 3-5 minutes): the whole
 *     default search the speed target is about: "Balanced", its three default negotiable clauses,
 *     default budget, 10 final replications; with designSearchDraftReps, the draft-replications it
 *     simulated.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createNodePool } from '../src/lib/pool/node';
import { design, type DesignOptions } from '../src/lib/core/explore/design';
import { poolEvaluator } from '../src/lib/core/explore/evaluation';
import { simulatedRows } from '../src/lib/core/explore/rows';
import { parseScenario } from '../src/lib/core/schema/scenario';

export interface DesignBench {
	designDraftRepsPerSecond: number;
	designSearchSeconds?: number;
	designSearchDraftReps?: number;
	loadAverage: [number, number];
}

async function timed(opts: DesignOptions): Promise<{ seconds: number; simulated: number }> {
	const file = new URL('../scenarios/ecommerce-case.json', import.meta.url);
	const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.ok) throw new Error('ecommerce-case.json is not a valid scenario');
	const scenario = parsed.scenario;
	const pool = createNodePool(2);
	try {
		await pool.ping();
		const evaluator = poolEvaluator(pool);
		let simulated = 0;
		const rows = simulatedRows(scenario, evaluator, { onSimulated: (n) => (simulated += n) });
		const t0 = performance.now();
		await design(scenario, opts, { evaluator, rows });
		return { seconds: (performance.now() - t0) / 1000, simulated };
	} finally {
		pool.dispose();
	}
}

export async function benchDesign(
	opts: { full?: boolean; log?: (s: string) => void } = {}
): Promise<DesignBench> {
	const load0 = loadavg()[0];
	const short = await timed({
		draft: 1,
		clauses: [{ path: 'price.rate', from: 4, to: 6.4 }],
		reps: 2,
		screenReps: 2,
		refinements: 0
	});
	const out: DesignBench = {
		designDraftRepsPerSecond: short.simulated / short.seconds,
		loadAverage: [load0, 0]
	};
	opts.log?.(
		`design: short search ${short.simulated} draft-replications in ${short.seconds.toFixed(1)} s on 2 workers`
	);
	if (opts.full) {
		const full = await timed({ draft: 1 });
		out.designSearchSeconds = full.seconds;
		out.designSearchDraftReps = full.simulated;
		opts.log?.(`design: default search ${full.simulated} draft-replications in ${full.seconds.toFixed(1)} s`);
	}
	out.loadAverage[1] = loadavg()[0];
	return out;
}
