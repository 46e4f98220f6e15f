/**
 * SimulationPool: a fixed set of simulation workers, created once and reused, that runs the
 * replications of one run at a time in chunks and merges them in replication order.
 *
 * - Environment-neutral: workers come from a `WorkerFactory` (browser: ./browser.ts, Node
 *   worker_threads: ./node.ts). Nothing here touches the DOM or Node.
 * - Determinism: chunks may finish in any order; rows wait in a buffer until the contiguous prefix
 *   of replications is complete and only then enter the `RunAccumulator` (rep 0, 1, 2, ...). The
 *   stopping rule is checked after every replication of that prefix, so the numbers - including
 *   the replication count at which a precision target stops the run - are identical for any number
 *   of workers and any chunk size.
 * - Progress: after each finished chunk, `onProgress` gets the merged summary of the prefix.
 * - Cancel: `cancel()` or a new `run()` rejects the current run with `RunCancelledError` at once,
 *   terminates the workers still busy with it and starts fresh ones. Every progress event and
 *   result carries its run id, and nothing from an old run is delivered after it was cancelled.
 * - Crashes: a chunk whose call fails (an exception, or the worker dying) is rerun on a fresh
 *   worker; after `maxAttempts` failures of the same chunk the run fails with that error.
 */
import type { Remote } from 'comlink';
import { RunAccumulator, type ReplicationRow, type RunSummary, type StoppingRule } from '../core/stats';
import { chunkToRows, type ChunkResult } from './chunk';
import type { ChunkOptions, SimJob, SimWorkerApi } from '../../../workers/sim-api';

/** One live worker, as the pool sees it. */
export interface PoolWorker {
	api: Remote<SimWorkerApi>;
	/** Register the (single) listener called when the worker dies or reports an uncaught error. */
	onFailure(cb: (err: Error) => void): void;
	terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

export interface RunOptions {
	job: SimJob;
	/** Replication cap: the run stops here if the precision target is not met first. */
	reps: number;
	/** Replications per chunk. Default: the first wave one replication per worker (fast first numbers), then auto. */
	chunk?: number;
	/** Precision stopping rule (relative CI half-width of one metric in every draft). */
	stop?: StoppingRule;
	/** Compute daily fan-chart bands in every summary (costs a sort per daily cell). */
	bands?: boolean;
	/** Metrics (indices) whose per-replication values every summary carries, for distribution charts. */
	values?: number[];
	/** Keep every replication's row in the result (for CSV export). */
	keepRows?: boolean;
	/**
	 * A worker that has not answered a chunk within max(stallSeconds, 20 x the slowest replication seen
	 * so far x the chunk's size) is taken for dead (it may have died without an error event): it is
	 * replaced and the chunk rerun. Default 120 s. The time counts from when the worker has started
	 * (answered a ping); a worker still starting gets at least STARTUP_SECONDS.
	 */
	stallSeconds?: number;
	/** Attempts per chunk before the run fails (default 3). */
	maxAttempts?: number;
	onProgress?: (p: RunProgress) => void;
	/** Test hook: the worker running this replication fails on its first attempt. */
	__crashOnRep?: number;
	__crashMode?: ChunkOptions['__crashMode'];
}

export interface RunProgress {
	runId: number;
	/** Replications in the summary (the contiguous prefix 0..done-1). */
	done: number;
	/** Replications received so far, including ones waiting for an earlier chunk. */
	received: number;
	/** The replication cap. */
	cap: number;
	summary: RunSummary;
	elapsedSeconds: number;
}

export interface RunResult {
	runId: number;
	summary: RunSummary;
	/** Per-replication rows in replication order, when `keepRows` was set. */
	rows?: ReplicationRow[];
	stoppedBy: 'precision' | 'cap';
	elapsedSeconds: number;
	/** Time from the start to the first summary. */
	firstSummarySeconds: number;
	/** Chunk failures that were recovered (workers replaced). */
	crashes: number;
}

export interface RunHandle {
	id: number;
	/** Resolves with the final result; rejects with RunCancelledError when cancelled or superseded. */
	done: Promise<RunResult>;
	cancel(): void;
}

export class RunCancelledError extends Error {
	constructor(runId: number) {
		super(`run ${runId} was cancelled`);
		this.name = 'RunCancelledError';
	}
}

export function isCancelled(err: unknown): err is RunCancelledError {
	return err instanceof Error && err.name === 'RunCancelledError';
}

interface Task {
	from: number;
	to: number;
	attempt: number;
}

interface RunState {
	id: number;
	opts: RunOptions;
	chunk: number;
	nextRep: number;
	retries: Task[];
	/** Finished chunks waiting for the prefix, keyed by their first replication. */
	pending: Map<number, ReplicationRow[]>;
	acc: RunAccumulator | null;
	received: number;
	rows: ReplicationRow[];
	summary: RunSummary | null;
	t0: number;
	firstSummarySeconds: number;
	crashes: number;
	/** Longest time per replication of a chunk so far, seconds (scales the stall watchdog). */
	slowestRepSeconds: number;
	resolve(r: RunResult): void;
	reject(e: unknown): void;
}

interface Slot {
	worker: PoolWorker;
	/** Settles once the worker has started (its first ping answered). */
	started: Promise<unknown>;
	task: { run: RunState; task: Task; fail(e: Error): void } | null;
}

const now = () => performance.now() / 1000;

/** A new worker's start-up (loading and compiling its code) on a slow or busy machine. */
const STARTUP_SECONDS = 120;

export class SimulationPool {
	readonly size: number;
	private readonly factory: WorkerFactory;
	private readonly slots: Slot[] = [];
	private current: RunState | null = null;
	private nextId = 1;
	private disposed = false;

	constructor(factory: WorkerFactory, size: number) {
		if (!(Number.isInteger(size) && size >= 1))
			throw new Error(`pool size must be an integer >= 1, got ${size}`);
		this.factory = factory;
		this.size = size;
		for (let i = 0; i < size; i++) {
			const slot: Slot = { worker: null as unknown as PoolWorker, started: Promise.resolve(), task: null };
			this.spawn(slot);
			this.slots.push(slot);
		}
	}

	/** Ask every worker for a ping (proves the workers start and answer). */
	ping(): Promise<string[]> {
		return Promise.all(this.slots.map((s) => s.worker.api.ping()));
	}

	/** Start a run; any run in progress is cancelled first. */
	run(opts: RunOptions): RunHandle {
		if (this.disposed) throw new Error('the pool was disposed');
		if (!(Number.isInteger(opts.reps) && opts.reps >= 1))
			throw new Error(`reps must be an integer >= 1, got ${opts.reps}`);
		if (opts.chunk !== undefined && !(Number.isInteger(opts.chunk) && opts.chunk >= 1))
			throw new Error(`chunk must be an integer >= 1, got ${opts.chunk}`);
		this.cancel();
		const id = this.nextId++;
		let resolve!: (r: RunResult) => void;
		let reject!: (e: unknown) => void;
		const done = new Promise<RunResult>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		const run: RunState = {
			id,
			opts,
			chunk: opts.chunk ?? Math.max(1, Math.min(16, Math.ceil(opts.reps / (this.size * 8)))),
			nextRep: 0,
			retries: [],
			pending: new Map(),
			acc: null,
			received: 0,
			rows: [],
			summary: null,
			t0: now(),
			firstSummarySeconds: NaN,
			crashes: 0,
			slowestRepSeconds: 0,
			resolve,
			reject
		};
		this.current = run;
		queueMicrotask(() => this.pump());
		return {
			id,
			done,
			cancel: () => {
				if (this.current === run) this.cancel();
			}
		};
	}

	/** Cancel the current run, if any: it rejects with RunCancelledError; busy workers are replaced. */
	cancel(): void {
		const run = this.current;
		if (!run) return;
		this.current = null;
		this.recycleBusy(run);
		run.reject(new RunCancelledError(run.id));
	}

	/** Cancel and terminate every worker. */
	dispose(): void {
		this.cancel();
		this.disposed = true;
		for (const s of this.slots) s.worker.terminate();
	}

	private spawn(slot: Slot): void {
		const worker = this.factory();
		slot.worker = worker;
		slot.started = worker.api.ping().catch(() => undefined);
		slot.task = null;
		worker.onFailure((err) => {
			if (slot.worker !== worker) return;
			if (slot.task) slot.task.fail(err);
			else if (!this.disposed) {
				// Died while idle: replace it quietly.
				this.respawn(slot);
			}
		});
	}

	private respawn(slot: Slot): void {
		slot.worker.terminate();
		this.spawn(slot);
	}

	private recycleBusy(run: RunState): void {
		for (const s of this.slots) if (s.task?.run === run) this.respawn(s);
	}

	private nextTask(run: RunState): Task | null {
		const retry = run.retries.shift();
		if (retry) return retry;
		if (run.acc?.precisionReachedAt != null || run.nextRep >= run.opts.reps) return null;
		const from = run.nextRep;
		// First wave: one replication per worker so that the first summary comes quickly.
		const size = run.opts.chunk === undefined && from < this.size ? 1 : run.chunk;
		const to = Math.min(run.opts.reps, from + size);
		run.nextRep = to;
		return { from, to, attempt: 0 };
	}

	private pump(): void {
		const run = this.current;
		if (!run) return;
		for (const slot of this.slots) {
			if (slot.task) continue;
			const task = this.nextTask(run);
			if (!task) break;
			this.execute(slot, run, task);
		}
	}

	private execute(slot: Slot, run: RunState, task: Task): void {
		const worker = slot.worker;
		let fail!: (e: Error) => void;
		const died = new Promise<never>((_, rej) => (fail = rej));
		slot.task = { run, task, fail };
		const o = run.opts;
		const stallMs =
			1000 * Math.max(o.stallSeconds ?? 120, 20 * run.slowestRepSeconds * (task.to - task.from));
		const t0 = now();
		let watchdog: ReturnType<typeof setTimeout> | undefined;
		let answered = false;
		const arm = (ms: number) => {
			clearTimeout(watchdog);
			if (answered) return;
			watchdog = setTimeout(
				() => fail(new Error(`simulation worker stopped answering (no reply in ${Math.round(ms / 1000)} s)`)),
				ms
			);
		};
		// A worker still starting is not stalled: the stall time counts from when it has started.
		arm(Math.max(stallMs, 1000 * STARTUP_SECONDS));
		void slot.started.then(() => arm(stallMs));
		const call = worker.api.runChunk(o.job, task.from, task.to, {
			attempt: task.attempt,
			__crashOnRep: o.__crashOnRep,
			__crashMode: o.__crashMode
		});
		Promise.race([call, died]).then(
			(res) => {
				answered = true;
				clearTimeout(watchdog);
				if (slot.worker !== worker || slot.task?.run !== run) return; // recycled meanwhile
				run.slowestRepSeconds = Math.max(run.slowestRepSeconds, (now() - t0) / (task.to - task.from));
				slot.task = null;
				if (this.current !== run) return;
				try {
					this.accept(run, res as ChunkResult);
				} catch (err) {
					this.fail(run, err);
					return;
				}
				this.pump();
			},
			(err) => {
				answered = true;
				clearTimeout(watchdog);
				if (slot.worker !== worker || slot.task?.run !== run) return;
				this.respawn(slot);
				if (this.current !== run) return;
				run.crashes++;
				// A replication too large to simulate (limits.ts) fails the same way every time: no rerun.
				if (task.attempt + 1 >= (o.maxAttempts ?? 3) || (err as Error)?.name === 'CapacityError') {
					this.fail(run, err);
					return;
				}
				run.retries.push({ ...task, attempt: task.attempt + 1 });
				this.pump();
			}
		);
	}

	private fail(run: RunState, err: unknown): void {
		if (this.current !== run) return;
		this.current = null;
		this.recycleBusy(run);
		run.reject(err);
	}

	private accept(run: RunState, res: ChunkResult): void {
		const rows = chunkToRows(res);
		run.received += rows.length;
		run.pending.set(res.fromRep, rows);
		run.acc ??= new RunAccumulator(res.draftCount, res.metricCount, run.opts.stop);
		const acc = run.acc;
		const before = acc.n;
		let next: ReplicationRow[] | undefined;
		while (acc.precisionReachedAt === null && (next = run.pending.get(acc.n))) {
			run.pending.delete(acc.n);
			for (const row of next) {
				if (acc.precisionReachedAt !== null) break;
				acc.add(row);
				if (run.opts.keepRows) run.rows.push(row);
			}
		}
		if (acc.n > before || !run.summary) {
			run.summary = acc.summary({ bands: run.opts.bands, values: run.opts.values });
			if (Number.isNaN(run.firstSummarySeconds)) run.firstSummarySeconds = now() - run.t0;
		}
		const finished = acc.precisionReachedAt !== null || acc.n >= run.opts.reps;
		run.opts.onProgress?.({
			runId: run.id,
			done: acc.n,
			received: run.received,
			cap: run.opts.reps,
			summary: run.summary,
			elapsedSeconds: now() - run.t0
		});
		if (!finished || this.current !== run) return;
		this.current = null;
		this.recycleBusy(run);
		run.resolve({
			runId: run.id,
			summary: run.summary,
			rows: run.opts.keepRows ? run.rows : undefined,
			stoppedBy: acc.precisionReachedAt !== null ? 'precision' : 'cap',
			elapsedSeconds: now() - run.t0,
			firstSummarySeconds: run.firstSummarySeconds,
			crashes: run.crashes
		});
	}
}
