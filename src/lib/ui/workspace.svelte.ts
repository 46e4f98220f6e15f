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
import { UndoHistory, type Change, type SavedHistory } from './undo-history';
import { describeChange, fieldName } from './field-names';

/** Call `f` once the browser has painted the pending changes (the frame after the next animation frame). */
function afterPaint(f: () => void): void {
	if (typeof requestAnimationFrame === 'undefined') f();
	else requestAnimationFrame(() => setTimeout(f, 0));
}

/**
 * A scenario file's bytes, checked: a bad file (too large, binary, not JSON, not a valid scenario)
 * is refused with every error (the field as the editor names it, and the rule), quoting nothing of
 * the file: drafts are named by number, not by a name from the file.
 */
export function readScenarioFile(
	bytes: Uint8Array
): { ok: true; value: unknown } | { ok: false; errors: string[] } {
	const json = jsonFromBytes(bytes);
	if (!json.ok) return { ok: false, errors: [json.error] };
	const parsed = parseScenario(json.value);
	if (!parsed.ok)
		return { ok: false, errors: parsed.errors.map((e) => `${fieldName(e.path, null)}: ${e.message}`) };
	return { ok: true, value: json.value };
}

/** Where the undo history is kept across a reload (the browser's storage, beside the autosave). */
export interface HistoryStore {
	save(history: unknown): Promise<void>;
	load(): Promise<unknown>;
}

/** The kept history and the workspace it leads to: it applies only to that same workspace. */
interface KeptHistory extends SavedHistory<unknown> {
	present: string;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

/** A change that replaced or removed work, offered for Undo in a notice (until the next change). */
export interface UndoOffer {
	/** What happened, in the user's words. */
	label: string;
	/** Increases with every offer, so the same words twice are two notices. */
	id: number;
}

export class Workspace {
	#input = $state<unknown>(structuredClone(PRESETS.find((p) => p.id === DEFAULT_PRESET_ID)!.scenario));
	/** Undo and redo over every change to `input` (bounded); `#version` makes its state reactive. */
	#history = new UndoHistory<unknown>();
	#version = $state(0);
	/** Nothing has been changed since the page opened: the first load replaces the start-up preset. */
	#pristine = true;
	/** The latest change that replaced or removed work, for the "Undo" notice; null once acted on. */
	undoOffer = $state<UndoOffer | null>(null);
	#store: HistoryStore | null;
	#persistTimer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * With a `history` store, the undo history outlives a reload: a draft removed, or work replaced,
	 * before the page was closed can still be undone after it opens again on the autosaved workspace.
	 */
	constructor({ history }: { history?: HistoryStore } = {}) {
		this.#store = history ?? null;
	}

	/** What the user is editing: plain JSON, kept even when invalid so nothing typed is lost. */
	get input(): unknown {
		return this.#input;
	}
	/** Every edit goes through here and can be undone (typing into one field is one step). */
	set input(next: unknown) {
		this.#change(next, describeChange(this.#input, next));
	}
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

	/**
	 * Replace the workspace with a scenario (a preset, an import, a share link, a saved one). It can be
	 * undone; with a `label` ("Loaded the preset ...") the notice offers Undo. The first load of a page
	 * (the autosaved workspace replacing the start-up preset) is not a step.
	 */
	load(scenario: unknown, label?: string): void {
		// A copy, also of a reactive value (a library entry, a banner's kept workspace): structuredClone
		// cannot copy Svelte's state proxies.
		const next = $state.snapshot(scenario);
		if (this.#pristine) {
			this.#input = next;
			this.#pristine = false;
			void this.#restoreHistory(JSON.stringify(next));
			return;
		}
		this.#change(next, { label: label ?? 'Replaced the workspace', destructive: true }, label !== undefined);
	}

	#change(next: unknown, change: Change, offer = change.destructive === true): void {
		this.#history.record($state.snapshot(this.#input), change);
		this.#input = next;
		this.#pristine = false;
		this.#version++;
		this.undoOffer = offer ? { label: change.label, id: this.#version } : null;
		this.#persist();
	}

	/** Keep the history (shortly after the last change, like the autosave) with the workspace it leads to. */
	#persist(): void {
		if (!this.#store) return;
		clearTimeout(this.#persistTimer);
		this.#persistTimer = setTimeout(() => {
			const kept: KeptHistory = {
				present: JSON.stringify($state.snapshot(this.#input)),
				...this.#history.toJSON()
			};
			this.#store?.save(kept).catch(() => {});
		}, 400);
	}

	/** Take back the kept history if it leads to the workspace just opened and nothing was done since. */
	async #restoreHistory(present: string): Promise<void> {
		const kept = (await this.#store?.load().catch(() => undefined)) as KeptHistory | undefined;
		if (!kept || kept.present !== present || !Array.isArray(kept.past) || !Array.isArray(kept.future)) return;
		if (this.#history.canUndo || this.#history.canRedo) return;
		this.#history.restore(kept);
		this.#version++;
	}

	get canUndo(): boolean {
		void this.#version;
		return this.#history.canUndo;
	}
	get canRedo(): boolean {
		void this.#version;
		return this.#history.canRedo;
	}
	/** What Undo / Redo would do, for their buttons' titles. */
	get undoLabel(): string | null {
		void this.#version;
		return this.#history.undoLabel;
	}
	get redoLabel(): string | null {
		void this.#version;
		return this.#history.redoLabel;
	}

	/** Take back the latest change; returns what was undone, or null when there is nothing to undo. */
	undo(): string | null {
		const step = this.#history.undo($state.snapshot(this.#input));
		if (!step) return null;
		this.#input = step.before;
		this.#version++;
		this.undoOffer = null;
		this.#persist();
		return step.label;
	}
	/** Make again the change Undo took back; returns what was redone, or null. */
	redo(): string | null {
		const step = this.#history.redo($state.snapshot(this.#input));
		if (!step) return null;
		this.#input = step.after;
		this.#version++;
		this.undoOffer = null;
		this.#persist();
		return step.label;
	}

	/**
	 * Import a scenario file's bytes (see `readScenarioFile`); a bad file changes nothing in the
	 * workspace. An import can be undone.
	 */
	importBytes(bytes: Uint8Array, fileName = 'the file'): { ok: true } | { ok: false; errors: string[] } {
		const file = readScenarioFile(bytes);
		if (!file.ok) return file;
		this.load(file.value, `Imported ${fileName}`);
		return { ok: true };
	}

	dispose(): void {
		this.#pool?.dispose();
	}
}
