/**
 * Undo and redo for the workspace: the states before and after each change, bounded. Plain data,
 * no Svelte, so it is tested on its own; the workspace holds one and says what changed.
 *
 * Typing into a field sends one change per keystroke: a change to the same place (`key`) soon after
 * the previous one joins that step, so one Undo takes back the whole number typed.
 */
export interface Step<T> {
	/** The state before the change. */
	before: T;
	/** What the change did, in the user's words ("Removed the draft "Balanced"", "Changed Price > Rate"). */
	label: string;
}

export interface Change {
	label: string;
	/** Where the change happened (a field's path); equal keys in quick succession join one step. */
	key?: string;
	/** A change that replaces or removes work (a preset, an import, a removed draft): never joined. */
	destructive?: boolean;
}

export interface SavedHistory<T> {
	past: Step<T>[];
	future: { after: T; label: string }[];
}

/** How many steps back Undo reaches. */
export const HISTORY_LIMIT = 100;
/** Changes to the same field closer together than this are one step. */
export const JOIN_MS = 1000;

export class UndoHistory<T> {
	#past: Step<T>[] = [];
	#future: { after: T; label: string }[] = [];
	#lastKey: string | undefined;
	#lastAt = -Infinity;

	constructor(
		readonly limit = HISTORY_LIMIT,
		private readonly now: () => number = () => Date.now()
	) {}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}
	get canRedo(): boolean {
		return this.#future.length > 0;
	}
	/** What Undo would take back (the latest change's label), or null. */
	get undoLabel(): string | null {
		return this.#past.at(-1)?.label ?? null;
	}
	get redoLabel(): string | null {
		return this.#future.at(-1)?.label ?? null;
	}
	get size(): number {
		return this.#past.length;
	}

	/**
	 * Record a change made to `before`. A new change clears what could be redone. Returns whether it
	 * joined the previous step (then `before` is not kept: the step already holds an older state).
	 */
	record(before: T, change: Change): boolean {
		const at = this.now();
		this.#future = [];
		const joins =
			!change.destructive &&
			change.key !== undefined &&
			change.key === this.#lastKey &&
			at - this.#lastAt < JOIN_MS &&
			this.#past.length > 0;
		this.#lastKey = change.destructive ? undefined : change.key;
		this.#lastAt = at;
		if (joins) return true;
		this.#past.push({ before, label: change.label });
		if (this.#past.length > this.limit) this.#past.splice(0, this.#past.length - this.limit);
		return false;
	}

	/** Take back the latest change: returns the state to restore, given the current one, or null. */
	undo(current: T): Step<T> | null {
		const step = this.#past.pop();
		if (!step) return null;
		this.#future.push({ after: current, label: step.label });
		this.#lastKey = undefined;
		return step;
	}

	/** Make again the change Undo took back: returns the state to restore, or null. */
	redo(current: T): { after: T; label: string } | null {
		const step = this.#future.pop();
		if (!step) return null;
		this.#past.push({ before: current, label: step.label });
		this.#lastKey = undefined;
		return step;
	}

	/** The steps, to keep across a reload (with the state they lead to, to check they still apply). */
	toJSON(): SavedHistory<T> {
		return { past: this.#past.slice(), future: this.#future.slice() };
	}

	/** Take back steps kept by `toJSON` (the newest `limit` of them). */
	restore(saved: SavedHistory<T>): void {
		this.#past = saved.past.slice(-this.limit);
		this.#future = saved.future.slice(-this.limit);
		this.#lastKey = undefined;
	}

	clear(): void {
		this.#past = [];
		this.#future = [];
		this.#lastKey = undefined;
	}
}
