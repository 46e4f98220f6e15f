/**
 * Rows computed once and shared: the plumbing under the contract designer (design.ts).
 *
 * - `draftKey`: a draft's identity for the simulation (its content without name, description and
 *   negotiable marks). A draft's row of replication r is a pure function of (shared assumptions, seed,
 *   draft content, r): the engine's streams never depend on the draft or its place in a scenario.
 * - `RowStore`: rows by (draft key, replication). A search that asks again for rows it already has
 *   (the same lever setting at a finer stage, the finalists' re-check) gets them without simulating.
 * - `Lockstep`: runs many searches (e.g. one vendor best response per candidate draft) together. Each
 *   gets its own `Evaluator`; whenever every unfinished search is waiting for rows, their requests
 *   are served as ONE batch: the rows not seen before in this run are fetched from a `RowSource`
 *   (simulated on the pool, or, on the command line, split into shards), then every request is answered
 *   from the store. The searches are deterministic functions of their rows, so the batches, and every
 *   number, are the same however the rows were obtained.
 * - `encodeRow` / `decodeRow`: a row as base64 of its IEEE-754 bytes (little-endian), exact.
 *
 * Pure core: no DOM, no Node.
 */
import type { Scenario } from '../schema/scenario';
import type { Draft } from '../schema/draft';
import { METRIC_COUNT } from '../metrics';
import {
	ExploreStoppedError,
	Progress,
	evaluateDrafts,
	type Evaluator,
	type ExploreContext,
	type Rows,
	type StopToken
} from './evaluation';

/* ------------------------------------------------------------------------------------------ */
/* Keys                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** JSON with object keys sorted at every level (a stable text for hashing). */
export function canonicalJson(x: unknown): string {
	if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
	if (x !== null && typeof x === 'object') {
		const o = x as Record<string, unknown>;
		return `{${Object.keys(o)
			.filter((k) => o[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(x);
}

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits (two 32-bit lanes). */
export function hash64(s: string): string {
	let a = 0x811c9dc5;
	let b = 0x050c5d1f;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c ^ (a >>> 13), 0x01000193);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A draft's identity for the simulation: everything but its name, description and negotiable marks. */
export function draftKey(d: Draft): string {
	const { name: _n, description: _d, negotiable: _m, ...rest } = d;
	return hash64(canonicalJson(rest));
}

/** What rows of a scenario depend on besides the draft: everything but its drafts, names and run settings. */
export function scenarioKey(s: Scenario): string {
	const { drafts: _d, name: _n, description: _t, replications: _r, currency: _c, ...rest } = s;
	return hash64(canonicalJson(rest));
}

/* ------------------------------------------------------------------------------------------ */
/* Store                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface StoredRow {
	key: string;
	rep: number;
	row: Float64Array;
}

export class RowStore {
	private readonly map = new Map<string, Float64Array>();
	get size(): number {
		return this.map.size;
	}
	has(key: string, rep: number): boolean {
		return this.map.has(`${key}:${rep}`);
	}
	get(key: string, rep: number): Float64Array | undefined {
		return this.map.get(`${key}:${rep}`);
	}
	/** Keeps a copy (a pool row is a view on a larger transferred buffer). */
	put(key: string, rep: number, row: Float64Array): void {
		if (row.length !== METRIC_COUNT)
			throw new Error(`a stored row has ${row.length} values, expected ${METRIC_COUNT}`);
		this.map.set(`${key}:${rep}`, row.slice());
	}
	/** Rows of replications 0..reps-1 (throws when one is missing: a RowSource did not deliver). */
	series(key: string, reps: number): Rows {
		const out: Rows = [];
		for (let r = 0; r < reps; r++) {
			const row = this.get(key, r);
			if (!row) throw new Error(`rows of draft ${key}, replication ${r}, are missing`);
			out.push(row);
		}
		return out;
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Sources                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** Replications [from, to) of one draft, on the shared assumptions of the base scenario. */
export interface Piece {
	key: string;
	draft: Draft;
	from: number;
	to: number;
}

/** Delivers the rows of pieces into the store (rows already there need not be simulated again). */
export interface RowSource {
	fetch(pieces: readonly Piece[], store: RowStore): Promise<void>;
}

/**
 * Simulates what the store lacks through an Evaluator: drafts needing the same replication count are
 * packed four per scenario. (The evaluators run replications from 0, so a piece from r > 0 recomputes
 * 0..r-1 too; the store keeps the first copy, which is identical.)
 */
export function simulatedRows(
	base: Scenario,
	evaluator: Evaluator,
	hooks: { stop?: StopToken; onSimulated?: (draftReps: number) => void } = {}
): RowSource {
	return {
		async fetch(pieces, store) {
			const byReps = new Map<number, Piece[]>();
			for (const p of pieces) {
				let missing = false;
				for (let r = p.from; r < p.to && !missing; r++) missing = !store.has(p.key, r);
				if (!missing) continue;
				const list = byReps.get(p.to) ?? [];
				list.push(p);
				byReps.set(p.to, list);
			}
			for (const [reps, list] of byReps) {
				let reported = 0;
				const ctx: ExploreContext = {
					evaluator,
					stop: hooks.stop,
					onProgress: (x) => {
						hooks.onSimulated?.(x.done - reported);
						reported = x.done;
					}
				};
				const rows = await evaluateDrafts(
					base,
					list.map((p) => p.draft),
					reps,
					new Progress(ctx),
					'design'
				);
				list.forEach((p, i) => {
					for (let r = 0; r < reps; r++) if (!store.has(p.key, r)) store.put(p.key, r, rows[i][r]);
				});
			}
		}
	};
}

/* ------------------------------------------------------------------------------------------ */
/* Lockstep                                                                                    */
/* ------------------------------------------------------------------------------------------ */

interface Request {
	scenario: Scenario;
	reps: number;
	onReps?: (done: number) => void;
	resolve(rows: Rows[]): void;
	reject(err: unknown): void;
}

/**
 * Runs searches together and serves their row requests in batches (see the file comment). One
 * Lockstep serves a whole design run: `requested` counts the distinct draft-replications asked for.
 */
export class Lockstep {
	/** Units (draft key and replication) asked for before, in this run: only new ones go to the source. */
	private readonly seen = new Set<string>();
	requested = 0;
	batches = 0;

	constructor(
		readonly store: RowStore,
		private readonly source: RowSource,
		private readonly stop?: StopToken
	) {}

	/** Run `searches` in lockstep; resolves with their results in order (rejects on the first failure). */
	async all<T>(searches: ReadonlyArray<(evaluator: Evaluator) => Promise<T>>): Promise<T[]> {
		const waiting: (Request | null)[] = searches.map(() => null);
		let live = searches.length;
		let failed: unknown = null;
		let flushing = false;

		const flush = async () => {
			flushing = true;
			const reqs = waiting.filter((r): r is Request => r !== null);
			waiting.fill(null);
			try {
				if (this.stop?.stopped) throw new ExploreStoppedError();
				await this.serve(reqs);
				for (const r of reqs) {
					r.onReps?.(r.reps);
					r.resolve(r.scenario.drafts.map((d) => this.store.series(draftKey(d), r.reps)));
				}
			} catch (err) {
				failed ??= err;
				for (const r of reqs) r.reject(err);
			} finally {
				flushing = false;
			}
		};
		const maybeFlush = () => {
			if (flushing || live === 0) return;
			if (waiting.filter((r) => r !== null).length === live) void flush();
		};

		const runs = searches.map((search, i) => {
			const evaluator: Evaluator = {
				evaluate: (scenario, reps, onReps) =>
					new Promise<Rows[]>((resolve, reject) => {
						if (failed !== null) return reject(failed);
						waiting[i] = { scenario, reps, onReps, resolve, reject };
						maybeFlush();
					})
			};
			return search(evaluator).finally(() => {
				live--;
				maybeFlush();
			});
		});
		const settled = await Promise.allSettled(runs);
		const bad = settled.find((s) => s.status === 'rejected');
		if (bad) throw failed ?? (bad as PromiseRejectedResult).reason;
		return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
	}

	/** Rows of the given drafts on replications 0..reps-1 (one batch, outside any search). */
	async rows(base: Scenario, drafts: readonly Draft[], reps: number): Promise<Rows[]> {
		await this.serve([{ scenario: { ...base, drafts: [...drafts] }, reps, resolve() {}, reject() {} }]);
		return drafts.map((d) => this.store.series(draftKey(d), reps));
	}

	/** Fetch the units of these requests not asked for before (in request order: deterministic). */
	private async serve(reqs: readonly Request[]): Promise<void> {
		const pieces: Piece[] = [];
		const inBatch = new Map<string, Piece>();
		for (const r of reqs)
			for (const d of r.scenario.drafts) {
				const key = draftKey(d);
				let from = r.reps;
				for (let rep = 0; rep < r.reps; rep++)
					if (!this.seen.has(`${key}:${rep}`)) {
						from = rep;
						break;
					}
				if (from >= r.reps) continue;
				const p = inBatch.get(key);
				if (p) {
					p.from = Math.min(p.from, from);
					p.to = Math.max(p.to, r.reps);
				} else {
					const piece = { key, draft: d, from, to: r.reps };
					inBatch.set(key, piece);
					pieces.push(piece);
				}
			}
		if (pieces.length === 0) return;
		for (const p of pieces) for (let rep = p.from; rep < p.to; rep++) this.seen.add(`${p.key}:${rep}`);
		this.requested += pieces.reduce((n, p) => n + p.to - p.from, 0);
		this.batches++;
		await this.source.fetch(pieces, this.store);
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Encoding                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A row as base64 of its float64 values' bytes, little-endian (exact, NaN included). */
export function encodeRow(row: Float64Array): string {
	const bytes = new Uint8Array(row.length * 8);
	const view = new DataView(bytes.buffer);
	row.forEach((x, i) => view.setFloat64(i * 8, x, true));
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
		out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
		out += i + 2 < bytes.length ? B64[n & 63] : '=';
	}
	return out;
}

/** The inverse of encodeRow; null when the text is not a row of METRIC_COUNT values. */
export function decodeRow(text: string): Float64Array | null {
	if (text.length !== Math.ceil((METRIC_COUNT * 8) / 3) * 4) return null;
	const bytes = new Uint8Array(METRIC_COUNT * 8);
	let j = 0;
	for (let i = 0; i < text.length; i += 4) {
		let n = 0;
		for (let k = 0; k < 4; k++) {
			const c = text[i + k];
			const v = c === '=' ? 0 : B64.indexOf(c);
			if (v < 0) return null;
			n = (n << 6) | v;
		}
		for (let k = 2; k >= 0; k--) {
			const b = (n >> (8 * k)) & 255;
			if (j < bytes.length) bytes[j++] = b;
		}
	}
	const view = new DataView(bytes.buffer);
	const row = new Float64Array(METRIC_COUNT);
	for (let i = 0; i < METRIC_COUNT; i++) row[i] = view.getFloat64(i * 8, true);
	return row;
}
