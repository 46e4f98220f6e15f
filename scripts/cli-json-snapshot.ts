/**
 * Snapshots of the CLI's JSON output, to show that a refactoring changed no number.
 *
 *   npx tsx scripts/cli-json-snapshot.ts write DIR     # run the commands, write DIR/<case>.json
 *   npx tsx scripts/cli-json-snapshot.ts compare DIR   # run them again, compare byte for byte
 *
 * Runs `run`, `best-response`, `sensitivity` and `sweep` on every preset in scenarios/ with fixed
 * seeds and few replications (a few minutes on one worker). Only timing (`elapsedSeconds`) is
 * blanked; every other byte must match. Take the snapshot on the commit before a change, compare on
 * the commit after. Exit code 0 when all match, 1 when any differs or a command fails.
 * The commands run from the sources through tsx (not the bundle), so any two commits compare.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SIM = join(ROOT, 'src/cli/sim.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Fields that measure time, not the model: blanked before comparing. */
const TIMING_KEYS = new Set(['elapsedSeconds']);

interface Case {
	name: string;
	args: string[];
}

function cases(): Case[] {
	const presets = readdirSync(join(ROOT, 'scenarios'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const out: Case[] = [];
	const common = ['--seed', 'snapshot-1', '--workers', '1', '--json'];
	for (const f of presets) {
		const file = join('scenarios', f);
		const id = f.replace(/\.json$/, '');
		out.push({ name: `run-${id}`, args: ['run', file, '--reps', '3', ...common] });
		out.push({
			name: `best-response-${id}`,
			args: ['best-response', file, '--draft', '1', '--reps', '2', '--grid', '2', '--refine', '1', ...common]
		});
		out.push({ name: `sensitivity-${id}`, args: ['sensitivity', file, '--reps', '2', ...common] });
		out.push({
			name: `sweep-${id}`,
			args: [
				'sweep',
				file,
				'--path',
				'drafts.0.atRisk.percentOfInvoice',
				'--from',
				'0.05',
				'--to',
				'0.15',
				'--steps',
				'3',
				'--reps',
				'2',
				...common
			]
		});
	}
	// A sweep of a shared assumption (whole scenarios) and a two-clause grid.
	out.push({
		name: 'sweep-assumption-pricing',
		args: [
			'sweep',
			'scenarios/pricing.json',
			'--path',
			'assumptions.staffing.shrinkage',
			'--from',
			'0.25',
			'--to',
			'0.35',
			'--steps',
			'2',
			'--reps',
			'2',
			...common
		]
	});
	out.push({
		name: 'sweep-grid-ecommerce-case',
		args: [
			'sweep',
			'scenarios/ecommerce-case.json',
			'--path',
			'drafts.1.price.rate',
			'--from',
			'3',
			'--to',
			'5',
			'--steps',
			'2',
			'--path2',
			'drafts.1.atRisk.percentOfInvoice',
			'--from2',
			'0.05',
			'--to2',
			'0.1',
			'--steps2',
			'2',
			'--reps',
			'2',
			...common
		]
	});
	return out;
}

function blankTiming(x: unknown): unknown {
	if (Array.isArray(x)) return x.map(blankTiming);
	if (x !== null && typeof x === 'object')
		return Object.fromEntries(
			Object.entries(x).map(([k, v]) => [k, TIMING_KEYS.has(k) ? 0 : blankTiming(v)])
		);
	return x;
}

function snapshot(c: Case): string {
	const stdout = execFileSync(TSX, [SIM, ...c.args], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'ignore']
	});
	return JSON.stringify(blankTiming(JSON.parse(stdout)), null, 1) + '\n';
}

function main(argv: string[]): number {
	const [mode, dir] = argv;
	if ((mode !== 'write' && mode !== 'compare') || !dir) {
		process.stderr.write('usage: npx tsx scripts/cli-json-snapshot.ts write|compare DIR\n');
		return 2;
	}
	const out = resolve(dir);
	if (mode === 'write') mkdirSync(out, { recursive: true });
	let bad = 0;
	for (const c of cases()) {
		const path = join(out, `${c.name}.json`);
		let text: string;
		try {
			text = snapshot(c);
		} catch (err) {
			process.stdout.write(
				`FAIL  ${c.name}: the command failed (${(err as Error).message.split('\n')[0]})\n`
			);
			bad++;
			continue;
		}
		if (mode === 'write') {
			writeFileSync(path, text);
			process.stdout.write(`wrote ${c.name} (${text.length} bytes)\n`);
		} else if (!existsSync(path)) {
			process.stdout.write(`FAIL  ${c.name}: no snapshot in ${dir}\n`);
			bad++;
		} else if (readFileSync(path, 'utf8') !== text) {
			process.stdout.write(`DIFF  ${c.name}\n`);
			bad++;
		} else process.stdout.write(`same  ${c.name} (${text.length} bytes)\n`);
	}
	if (mode === 'compare') process.stdout.write(bad ? `${bad} case(s) differ\n` : 'all identical\n');
	return bad ? 1 : 0;
}

process.exit(main(process.argv.slice(2)));
