/**
 * Row files of `sim design --rows DIR [--shard i/n]`: every evaluated draft-replication as one line,
 * so a design search can be split over processes (or machines sharing DIR) and merged exactly.
 *
 * A file `stage-S-shard-I-of-N.jsonl` holds a header line
 *   {"format":"sla-sandbox design rows","version":1,"scenario":KEY,"metrics":M,"stage":S,"shard":"I/N"}
 * and one line per row: {"draft":KEY,"rep":R,"row":BASE64} (the row's float64 values, little-endian).
 * The search asks for rows in stages (batches, numbered the same in every process); at each stage
 * shard I simulates its contiguous share of the stage's new rows, writes its file (to a temporary
 * name, then renamed, so a reader never sees half a file) and waits until every other shard's file
 * for that stage exists. A process started with --rows DIR first reads every row file in DIR, so a
 * restarted shard catches up without simulating, and a run over merged rows simulates nothing.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METRIC_COUNT } from '../lib/core/metrics';
import type { Scenario } from '../lib/core/schema/scenario';
import { ExploreStoppedError, type StopToken } from '../lib/core/explore/evaluation';
import {
	decodeRow,
	encodeRow,
	scenarioKey,
	type Piece,
	type RowSource,
	type RowStore
} from '../lib/core/explore/rows';
import { InputError, UsageError } from './common';

const FORMAT = 'sla-sandbox design rows';

export interface Shard {
	index: number;
	count: number;
}

/** "i/n" with 0 <= i < n. */
export function parseShard(text: string): Shard {
	const m = /^(\d+)\/(\d+)$/.exec(text.trim());
	const index = m ? Number(m[1]) : NaN;
	const count = m ? Number(m[2]) : NaN;
	if (!m || !(count >= 1 && count <= 10_000 && index < count))
		throw new UsageError(
			`--shard must be i/n with 0 <= i < n (e.g. 0/4 for the first of four), got "${text}"`
		);
	return { index, count };
}

const fileName = (stage: number, s: Shard) => `stage-${stage}-shard-${s.index}-of-${s.count}.jsonl`;

/** Read every row file in dir into the store; a file of another scenario is an error naming it. */
export async function loadRowFiles(dir: string, scenario: Scenario, store: RowStore): Promise<number> {
	let names: string[];
	try {
		names = (await readdir(dir)).filter((n) => /^stage-\d+-shard-\d+-of-\d+\.jsonl$/.test(n)).sort();
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
		throw new InputError(`cannot read --rows ${dir}: ${(err as Error).message}`);
	}
	let n = 0;
	for (const name of names) n += await loadFile(join(dir, name), scenarioKey(scenario), store);
	return n;
}

async function loadFile(path: string, key: string, store: RowStore): Promise<number> {
	const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
	const bad = (why: string) => new InputError(`${path} is not a usable row file: ${why}`);
	let head: { format?: unknown; scenario?: unknown; metrics?: unknown };
	try {
		head = JSON.parse(lines[0] ?? '');
	} catch {
		throw bad('its first line is not the header');
	}
	if (head.format !== FORMAT) throw bad('its header is not a design rows header');
	if (head.scenario !== key)
		throw bad(
			'its rows belong to another scenario (different assumptions or seed); use another --rows directory'
		);
	if (head.metrics !== METRIC_COUNT) throw bad('it was written by another version of the sandbox');
	for (let i = 1; i < lines.length; i++) {
		let x: { draft?: unknown; rep?: unknown; row?: unknown };
		try {
			x = JSON.parse(lines[i]);
		} catch {
			throw bad(`line ${i + 1} is not JSON`);
		}
		const row = typeof x.row === 'string' ? decodeRow(x.row) : null;
		if (typeof x.draft !== 'string' || !Number.isInteger(x.rep) || !row)
			throw bad(`line ${i + 1} is not a row`);
		if (!store.has(x.draft, x.rep as number)) store.put(x.draft, x.rep as number, row);
	}
	return lines.length - 1;
}

/** Which shard owns each piece: contiguous shares of the stage's draft-replications. */
function owners(pieces: readonly Piece[], count: number): number[] {
	const total = pieces.reduce((n, p) => n + p.to - p.from, 0);
	let at = 0;
	return pieces.map((p) => {
		const mid = at + (p.to - p.from) / 2;
		at += p.to - p.from;
		return Math.min(count - 1, Math.floor((mid * count) / total));
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A RowSource that simulates only this shard's share of each stage (through `inner`), writes it to
 * DIR and waits for the other shards' files of the same stage. With one shard it only writes the rows
 * it simulated (a run over merged rows writes nothing).
 */
export function shardedRows(
	inner: RowSource,
	opts: { dir: string; scenario: Scenario; shard: Shard; waitMinutes: number; stop?: StopToken }
): RowSource {
	const key = scenarioKey(opts.scenario);
	let stage = 0;
	return {
		async fetch(pieces, store) {
			const s = stage++;
			const own = owners(pieces, opts.shard.count);
			const mine = pieces.filter((_, i) => own[i] === opts.shard.index);
			const had = new Set<string>();
			for (const p of mine)
				for (let r = p.from; r < p.to; r++) if (store.has(p.key, r)) had.add(`${p.key}:${r}`);
			await inner.fetch(mine, store);
			const lines: string[] = [];
			for (const p of mine)
				for (let r = p.from; r < p.to; r++)
					if (opts.shard.count > 1 || !had.has(`${p.key}:${r}`))
						lines.push(JSON.stringify({ draft: p.key, rep: r, row: encodeRow(store.get(p.key, r)!) }));
			if (opts.shard.count > 1 || lines.length > 0) {
				const head = {
					format: FORMAT,
					version: 1,
					scenario: key,
					metrics: METRIC_COUNT,
					stage: s,
					shard: `${opts.shard.index}/${opts.shard.count}`
				};
				await mkdir(opts.dir, { recursive: true });
				const path = join(opts.dir, fileName(s, opts.shard));
				await writeFile(`${path}.tmp`, [JSON.stringify(head), ...lines].join('\n') + '\n');
				await rename(`${path}.tmp`, path);
			}
			const deadline = Date.now() + opts.waitMinutes * 60_000;
			for (let j = 0; j < opts.shard.count; j++) {
				if (j === opts.shard.index) continue;
				const path = join(opts.dir, fileName(s, { index: j, count: opts.shard.count }));
				for (;;) {
					if (opts.stop?.stopped) throw new ExploreStoppedError();
					try {
						await loadFile(path, key, store);
						break;
					} catch (err) {
						if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
					}
					if (Date.now() > deadline)
						throw new Error(
							`shard ${j}/${opts.shard.count} has not written its rows of stage ${s} within ${opts.waitMinutes} minutes (${path})`
						);
					await sleep(200);
				}
			}
			for (const p of pieces)
				for (let r = p.from; r < p.to; r++)
					if (!store.has(p.key, r))
						throw new Error(`stage ${s}: a shard's file lacks the row of draft ${p.key}, replication ${r}`);
		}
	};
}
