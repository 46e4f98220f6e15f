/**
 * `npm run fuzz [-- --cases N] [-- --seed S]`: fuzz N (default 10,000) mutated presets through
 * parseScenario and a short simulation (scripts/fuzz-cases.ts states the rules each case must
 * hold) and print the counts. A case that takes longer than HANG_SECONDS counts as a hang. Exits 1
 * when any case crashed, hung or broke a rule, printing the first few with their case to replay.
 */
import fc from 'fast-check';
import { PRESETS, Violation, fuzzCase, runCase, type FuzzCase, type Outcome } from './fuzz-cases';

const HANG_SECONDS = 10;

function flag(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
	return v;
}

const cases = flag('cases', 10_000);
const seed = flag('seed', 20261202);
const counts: Record<Outcome | 'violations' | 'crashes' | 'hangs', number> = {
	rejected: 0,
	simulated: 0,
	refused: 0,
	skipped: 0,
	violations: 0,
	crashes: 0,
	hangs: 0
};
const failures: { kind: string; message: string; c: FuzzCase }[] = [];
let slowest = 0;
const t0 = performance.now();
const all = fc.sample(fuzzCase, { seed, numRuns: cases });
for (let i = 0; i < all.length; i++) {
	const c = all[i];
	const start = performance.now();
	try {
		counts[runCase(c)]++;
	} catch (err) {
		const kind = err instanceof Violation ? 'violations' : 'crashes';
		counts[kind]++;
		failures.push({ kind, message: err instanceof Error ? err.message : String(err), c });
	}
	const seconds = (performance.now() - start) / 1000;
	slowest = Math.max(slowest, seconds);
	if (seconds > HANG_SECONDS) {
		counts.hangs++;
		failures.push({ kind: 'hangs', message: `took ${seconds.toFixed(1)} s`, c });
	}
	if (process.stderr.isTTY && i % 100 === 99) process.stderr.write(`\r${i + 1} / ${all.length}`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
const elapsed = (performance.now() - t0) / 1000;
process.stdout.write(
	`fuzzed ${cases.toLocaleString('en-US')} mutated presets (${PRESETS.map((p) => p.file).join(', ')}), seed ${seed}, ${elapsed.toFixed(1)} s\n` +
		`  rejected with errors        ${counts.rejected}\n` +
		`  accepted and simulated      ${counts.simulated}\n` +
		`  accepted, refused (limits)  ${counts.refused}\n` +
		`  accepted, not shortenable   ${counts.skipped}\n` +
		`  crashes                     ${counts.crashes}\n` +
		`  hangs (> ${HANG_SECONDS} s)              ${counts.hangs}\n` +
		`  rule violations             ${counts.violations}  (non-finite summaries, fractions outside [0, 1], errors without a path or rule)\n` +
		`  slowest case                ${slowest.toFixed(2)} s\n`
);
for (const f of failures.slice(0, 5))
	process.stdout.write(`\n${f.kind}: ${f.message}\n  case: ${JSON.stringify(f.c).slice(0, 400)}\n`);
process.exit(counts.crashes + counts.hangs + counts.violations > 0 ? 1 : 0);
