/** Helpers of the CLI tests: run `sim` as a child process, and a fresh temporary folder. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** `npx tsx src/cli/sim.ts ...args`: its exit code, stdout and stderr (a non-zero exit does not throw). */
export async function sim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await exec('npx', ['tsx', 'src/cli/sim.ts', ...args], { cwd: process.cwd() });
		return { code: 0, stdout, stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}

/** A new empty folder under the system's temporary folder. */
export const tempDir = (prefix: string) => mkdtemp(join(tmpdir(), prefix));
