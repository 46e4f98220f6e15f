/**
 * The workspace: the scenario being edited (raw JSON, possibly invalid), its validation, the last
 * valid scenario that was run, and the run's summaries as they sharpen. State lives here, in one
 * class, not in components (the svelte.dev REPL's pattern). Browser only where it touches workers.
 */
import { parseScenario, type Scenario, type ScenarioError } from '$lib/core/schema/scenario';
import type { RunSummary } from '$lib/core/stats';
import { checkBudget, type BudgetCheck } from '$lib/core/budget';
import { jsonFromBytes } from '$lib/input/json-text';
import { METRIC_INDEX } from '$lib/core/metrics';
import type { SimulationPool } from '$lib/pool/pool';
import { isCancelled } from '$lib/pool/pool';
import { PRESETS, DEFAULT_PRESET_ID } from './presets';

/** Call `f` once the browser has painted the pending changes (the frame after the next animation frame). */
function afterPaint(f: () => void): void {
	if (typeof requestAnimationFrame === 'undefined') f();
	else requestAnimationFrame(() => setTimeout(f, 0));
}

export type RunStatus = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export class Workspace {
	/** What the user is editing: plain JSON, kept even when invalid so nothing typed is lost. */
	input = $state<unknown>(structuredClone(PRESETS.find((p) => p.id === DEFAULT_PRESET_ID)!.scenario));
	/** Validation of the input against the scenario schema. */
	readonly parsed = $derived(parseScenario(this.input));
	readonly errors: ScenarioError[] = $derived(this.parsed.ok ? [] : this.parsed.errors);
	/** The run's estimated work (core/budget.ts): over budget, a run waits for the user's go-ahead. */
	readonly budget: BudgetCheck | null = $derived(this.parsed.ok ? checkBudget(this.parsed.scenario) : null);
	/** A run over the work budget was asked for and is waiting: the app asks before it starts it. */
	held = $state(false);

	/** The scenario the results on screen belong to (the last valid one that was run). */
	ranScenario = $state.raw<Scenario | null>(null);
	summary = $state.raw<RunSummary | null>(null);
	status = $state<RunStatus>('idle');
	done = $state(0);
	cap = $state(0);
	elapsedSeconds = $state(0);
	failure = $state<string | null>(null);
	/**
	 * Precision target: a run stops once the client's total cost is known within this relative
	 * half-width in every draft, or at the scenario's `replications` cap, whichever comes first.
	 * 0: no precision stop, every run goes to the cap (the page's `?precision=0`, for benchmarks).
	 */
	precision = $state(0.01);

	#pool: SimulationPool | null = null;
	#poolPromise: Promise<SimulationPool> | null = null;
	/** Id of the latest run: an older run that ends late must not overwrite what is on screen. */
	#current = -1;
	/** Runs started, numbering the User Timing marks of each run (`detail.run`). */
	#marked = 0;

	/** Start the workers and check that each answers (shown in the footer). */
	async ping(): Promise<string[]> {
		return (await this.pool()).ping();
	}

	private pool(): Promise<SimulationPool> {
		this.#poolPromise ??= import('$lib/pool/browser').then(({ createBrowserPool }) => {
			this.#pool = createBrowserPool();
			return this.#pool;
		});
		return this.#poolPromise;
	}

	/**
	 * Run the current scenario if it is valid; a new run supersedes the one in flight. A run over the
	 * work budget does not start (it is `held`) unless `force`: the user said to run it anyway.
	 * User Timing marks (`run-start`, `run-first-summary` once the first figures are painted, `run-end`,
	 * each with `detail.run`, the run's number) time each run for the browser benchmark.
	 */
	async run({ force = false } = {}): Promise<void> {
		const parsed = this.parsed;
		if (!parsed.ok) return;
		this.held = !force && this.budget !== null && !this.budget.ok;
		if (this.held) return;
		const mark = { detail: { run: ++this.#marked } };
		performance.mark('run-start', mark);
		const scenario = parsed.scenario;
		let painted = false;
		const job = { model: 'sla' as const, scenario: $state.snapshot(this.input) };
		const pool = await this.pool();
		this.status = 'running';
		this.failure = null;
		this.done = 0;
		this.cap = scenario.replications;
		const handle = pool.run({
			job,
			reps: scenario.replications,
			bands: true,
			// per-replication values for the distributions of credits and margin
			values: [METRIC_INDEX.credits, METRIC_INDEX.vendorMargin],
			stop:
				this.precision > 0
					? { metric: METRIC_INDEX.clientTotalCost, relHalfWidth: this.precision, minReps: 30 }
					: undefined,
			onProgress: (p) => {
				if (!painted) {
					painted = true;
					afterPaint(() => performance.mark('run-first-summary', mark));
				}
				this.ranScenario = scenario;
				this.summary = p.summary;
				this.done = p.done;
				this.elapsedSeconds = p.elapsedSeconds;
			}
		});
		this.#current = handle.id;
		try {
			const result = await handle.done;
			if (this.#current !== handle.id) return;
			this.ranScenario = scenario;
			this.summary = result.summary;
			this.done = result.summary.n;
			this.elapsedSeconds = result.elapsedSeconds;
			this.status = 'done';
		} catch (err) {
			if (this.#current !== handle.id) return;
			if (isCancelled(err)) this.status = 'stopped';
			else {
				this.status = 'failed';
				this.failure = err instanceof Error ? err.message : String(err);
			}
		} finally {
			afterPaint(() => performance.mark('run-end', mark));
		}
	}
	stop(): void {
		this.#pool?.cancel();
	}

	/** Add a draft (e.g. the designer's recommendation); returns why it cannot, or null. */
	addDraft(draft: unknown): string | null {
		const drafts = (this.input as { drafts?: unknown[] })?.drafts;
		if (!Array.isArray(drafts)) return 'The scenario has no list of drafts to add to.';
		if (drafts.length >= 4) return 'The workspace holds four drafts at most: remove one first.';
		this.input = { ...(this.input as object), drafts: [...drafts, structuredClone(draft)] };
		return null;
	}

	/** Save the negotiable clauses marked in draft `index` (kept with the draft, ignored by the simulation). */
	setNegotiable(index: number, marks: unknown[]): void {
		const drafts = (this.input as { drafts?: unknown[] })?.drafts;
		if (!Array.isArray(drafts) || !drafts[index] || typeof drafts[index] !== 'object') return;
		const list = drafts.slice();
		list[index] = { ...(list[index] as object), negotiable: structuredClone(marks) };
		this.input = { ...(this.input as object), drafts: list };
	}

	/** Replace the workspace with a scenario (a preset, an import, a share link, a saved one). */
	load(scenario: unknown): void {
		// A copy, also of a reactive value (a library entry, a banner's kept workspace): structuredClone
		// cannot copy Svelte's state proxies.
		this.input = $state.snapshot(scenario);
	}

	/**
	 * Import a scenario file's bytes. A bad file (too large, binary, not JSON, not a valid scenario)
	 * is refused with every error (path and rule), quoting nothing of the file, and changes nothing
	 * in the workspace.
	 */
	importBytes(bytes: Uint8Array): { ok: true } | { ok: false; errors: string[] } {
		const json = jsonFromBytes(bytes);
		if (!json.ok) return { ok: false, errors: [json.error] };
		const parsed = parseScenario(json.value);
		if (!parsed.ok)
			return { ok: false, errors: parsed.errors.map((e) => `${e.path || '(file)'}: ${e.message}`) };
		this.load(json.value);
		return { ok: true };
	}

	dispose(): void {
		this.#pool?.dispose();
	}
}
