/**
 * The C reference for the engine's speed: the hand-written M/M/n+M simulator `mmnm.c` (FCFS, lazy
 * abandonment, a binary heap of agent free times, no statistics table), kept outside the repository in
 * `../shared/bench/mmnm.c` (or the file named by `--c-source FILE`). It is compiled with `cc -O2` into
 * dist-node/ (git-ignored) when a C compiler is present, and run on the same queue as the engine's
 * textbook figure, so the two numbers come from one run on one machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The queue both simulators run: M/M/40+M, 0.12 calls/s, mean handle 300 s, mean patience 180 s. */
export const REFERENCE_QUEUE = { perSecond: 0.12, ahtSec: 300, patienceSec: 180, agents: 40 } as const;

const DEFAULT_SOURCE = fileURLToPath(new URL('../../shared/bench/mmnm.c', import.meta.url));
const BINARY = fileURLToPath(new URL('../dist-node/mmnm', import.meta.url));

export type CReference = { ok: true; binary: string; compiler: string } | { ok: false; why: string };

function findCompiler(): string | null {
	for (const cc of [process.env.CC, 'cc', 'gcc', 'clang']) {
		if (!cc) continue;
		try {
			execFileSync(cc, ['--version'], { stdio: 'ignore' });
			return cc;
		} catch {
			// not this one
		}
	}
	return null;
}

/** Compile the reference (again only when the source is newer than the binary). */
export function buildCReference(source = DEFAULT_SOURCE): CReference {
	if (!existsSync(source)) return { ok: false, why: `no C reference source at ${source}` };
	const cc = findCompiler();
	if (!cc) return { ok: false, why: 'no C compiler (cc, gcc or clang) on this machine' };
	if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(source).mtimeMs) {
		mkdirSync(fileURLToPath(new URL('../dist-node/', import.meta.url)), { recursive: true });
		try {
			execFileSync(cc, ['-O2', '-o', BINARY, source, '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
		} catch (e) {
			return { ok: false, why: `${cc} could not compile ${source}: ${(e as Error).message}` };
		}
	}
	return { ok: true, binary: BINARY, compiler: cc };
}

/** One run of the reference: calls per second (its own wall clock around the simulation loop). */
export function runCReference(binary: string, calls = 5_000_000, seed = 1): number {
	const q = REFERENCE_QUEUE;
	const out = execFileSync(binary, [
		String(q.perSecond),
		String(1 / q.ahtSec),
		String(1 / q.patienceSec),
		String(q.agents),
		String(calls),
		String(seed)
	]).toString();
	const r = JSON.parse(out) as { calls_per_s: number };
	return r.calls_per_s;
}
