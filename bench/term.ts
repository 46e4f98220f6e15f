/**
 * The contract term's speed figure: wall seconds of the bundled CLI running the e-commerce case as a
 * 6-month term (warm-up and months carried over), both drafts, 30 replications, on 2 workers:
 * `node dist-node/sim.mjs run scenarios/ecommerce-case.json --months 6 --reps 30 --workers 2 --json`.
 * One run (it takes about a minute); null when not run from the bundle.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = import.meta.url.endsWith('.mjs') ? fileURLToPath(new URL('./sim.mjs', import.meta.url)) : null;

export function benchTerm(log?: (s: string) => void): { term6Months30RepsSeconds: number | null } {
	if (!CLI) return { term6Months30RepsSeconds: null };
	const file = fileURLToPath(new URL('../scenarios/ecommerce-case.json', import.meta.url));
	log?.('term: 6 months, 2 drafts, 30 replications on 2 workers ...');
	const t0 = performance.now();
	execFileSync(
		process.execPath,
		[CLI, 'run', file, '--months', '6', '--reps', '30', '--workers', '2', '--json'],
		{
			stdio: 'ignore'
		}
	);
	return { term6Months30RepsSeconds: (performance.now() - t0) / 1000 };
}
