/**
 * The facilitator's workshop: settings, the room's predictions, the teams' entries, where the
 * presentation is, and the simulations behind every slide. Everything the facilitator typed is
 * kept in this browser (localStorage), so a reload loses nothing; results are recomputed (the seed
 * is fixed, so they come back identical).
 */
import { isCancelled } from '$lib/pool/pool';
import type { SimulationPool } from '$lib/pool/pool';
import {
	ExploreStoppedError,
	poolEvaluator,
	type Evaluator,
	type StopToken
} from '$lib/core/explore/evaluation';
import type { Scenario } from '$lib/core/schema/scenario';
import type { Draft } from '$lib/core/schema/draft';
import {
	BALANCED,
	DEFAULT_SETTINGS,
	SIGNED,
	WorkshopSettingsSchema,
	readEntries,
	workshopScenario,
	type AcceptedEntry,
	type WorkshopSettings
} from './setup';
import { play, type Outcome, type PlayedDraft, type PlayProgress } from './play';
import { EMPTY_PREDICTIONS, type Predictions } from './predictions';
import { SLIDES } from './slides';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed';

export interface RunView {
	status: RunStatus;
	/** What the results belong to: a run for other settings or entries is not shown. */
	key: string;
	progress: PlayProgress | null;
	planned: Outcome[] | null;
	played: PlayedDraft[] | null;
	error: string;
}

const IDLE: RunView = { status: 'idle', key: '', progress: null, planned: null, played: null, error: '' };
const STORE = 'sla-sandbox-workshop-v1';

interface Saved {
	settings: WorkshopSettings;
	predictions: Predictions;
	entriesText: string;
	submittedText: string;
	slide: number;
	revealed: number;
}

export class WorkshopState {
	settings = $state<WorkshopSettings>({ ...DEFAULT_SETTINGS });
	predictions = $state<Predictions>({ ...EMPTY_PREDICTIONS });
	/** What the facilitator pasted (not yet run). */
	entriesText = $state('');
	/** The entries text that was last submitted to run. */
	submittedText = $state('');
	slide = $state(0);
	revealed = $state(0);

	readonly scenario: Scenario = $derived(workshopScenario(this.settings.size));
	readonly caseDrafts: Draft[] = $derived([this.scenario.drafts[SIGNED], this.scenario.drafts[BALANCED]]);
	readonly submitted = $derived(
		readEntries(
			this.submittedText,
			this.settings,
			this.caseDrafts.map((d) => d.name)
		)
	);
	readonly pasted = $derived(
		readEntries(
			this.entriesText,
			this.settings,
			this.caseDrafts.map((d) => d.name)
		)
	);

	caseRun = $state.raw<RunView>(IDLE);
	teamRun = $state.raw<RunView>(IDLE);

	#pool: SimulationPool | null = null;
	#poolPromise: Promise<SimulationPool> | null = null;
	#evaluator: Evaluator | null = null;
	#job: { kind: 'case' | 'teams'; key: string; token: StopToken; done: Promise<void> } | null = null;
	#generation = 0;
	#disposed = false;

	/* ---- persistence ---------------------------------------------------------------------- */

	restore(): void {
		try {
			const raw = localStorage.getItem(STORE);
			if (!raw) return;
			const s = JSON.parse(raw) as Partial<Saved>;
			const settings = WorkshopSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...s.settings });
			if (settings.success) this.settings = settings.data;
			if (s.predictions) this.predictions = { ...EMPTY_PREDICTIONS, ...s.predictions };
			if (typeof s.entriesText === 'string') this.entriesText = s.entriesText;
			if (typeof s.submittedText === 'string') this.submittedText = s.submittedText;
			if (Number.isInteger(s.slide) && s.slide! >= 0 && s.slide! < SLIDES.length) {
				this.slide = s.slide!;
				this.revealed = Math.min(Math.max(0, s.revealed ?? 0), SLIDES[this.slide].reveals);
			}
		} catch {
			// A damaged store starts a fresh workshop.
		}
	}

	save(): void {
		const s: Saved = {
			settings: $state.snapshot(this.settings),
			predictions: $state.snapshot(this.predictions),
			entriesText: this.entriesText,
			submittedText: this.submittedText,
			slide: this.slide,
			revealed: this.revealed
		};
		try {
			localStorage.setItem(STORE, JSON.stringify(s));
		} catch {
			// Storage full or disabled: the workshop still runs.
		}
	}

	/** Forget predictions, entries and the position (settings stay). */
	reset(): void {
		this.predictions = { ...EMPTY_PREDICTIONS };
		this.entriesText = '';
		this.submittedText = '';
		this.slide = 0;
		this.revealed = 0;
	}

	/* ---- navigation ----------------------------------------------------------------------- */

	next(): void {
		if (this.revealed < SLIDES[this.slide].reveals) this.revealed++;
		else if (this.slide < SLIDES.length - 1) {
			this.slide++;
			this.revealed = 0;
		}
	}

	previous(): void {
		if (this.revealed > 0) this.revealed--;
		else if (this.slide > 0) {
			this.slide--;
			this.revealed = SLIDES[this.slide].reveals;
		}
	}

	goTo(slide: number, revealed = 0): void {
		this.slide = Math.min(Math.max(0, slide), SLIDES.length - 1);
		this.revealed = Math.min(Math.max(0, revealed), SLIDES[this.slide].reveals);
	}

	/* ---- simulations ---------------------------------------------------------------------- */

	get caseKey(): string {
		return JSON.stringify([this.settings.size, this.settings.effort]);
	}

	get teamKey(): string {
		return JSON.stringify([this.caseKey, this.submitted.entries.map((e) => e.draft)]);
	}

	/** Submit the pasted entries: they run after the case (which they are ranked with). */
	submit(): void {
		this.submittedText = this.entriesText;
		void this.refresh();
	}

	private pool(): Promise<SimulationPool> {
		this.#poolPromise ??= import('$lib/pool/browser').then(({ createBrowserPool }) => {
			this.#pool = createBrowserPool();
			if (this.#disposed) this.#pool.dispose();
			return this.#pool;
		});
		return this.#poolPromise;
	}

	private wanted(kind: 'case' | 'teams'): string {
		return kind === 'case' ? this.caseKey : this.teamKey;
	}

	/**
	 * Bring the results up to date with the settings and the submitted entries: a run for outdated
	 * inputs is stopped, a run still wanted is waited for, then what is missing runs (the case first).
	 */
	async refresh(): Promise<void> {
		const generation = ++this.#generation;
		for (let job = this.#job; job; job = this.#job) {
			if (job.key !== this.wanted(job.kind)) {
				job.token.stopped = true;
				this.#evaluator?.stop?.();
			}
			await job.done;
			if (generation !== this.#generation || this.#disposed) return;
		}
		if (this.caseRun.key !== this.caseKey || this.caseRun.status !== 'done') {
			await this.start('case', this.caseKey, this.caseDrafts, (v) => (this.caseRun = v));
			if (generation !== this.#generation || this.caseRun.status !== 'done') return;
		}
		const teams = this.submitted.entries.map((e: AcceptedEntry) => e.draft);
		if (teams.length === 0) this.teamRun = IDLE;
		else if (this.teamRun.key !== this.teamKey || this.teamRun.status !== 'done')
			await this.start('teams', this.teamKey, teams, (v) => (this.teamRun = v));
	}

	private start(
		kind: 'case' | 'teams',
		key: string,
		drafts: Draft[],
		show: (v: RunView) => void
	): Promise<void> {
		const token: StopToken = { stopped: false };
		const scenario = $state.snapshot(this.scenario) as Scenario;
		const plain = $state.snapshot(drafts) as Draft[];
		const effort = this.settings.effort;
		let view: RunView = { ...IDLE, status: 'running', key };
		show(view);
		const done = (async () => {
			try {
				const pool = await this.pool();
				this.#evaluator = poolEvaluator(pool);
				const played = await play(
					scenario,
					plain,
					effort,
					{
						evaluator: this.#evaluator,
						stop: token,
						onProgress: (p) => {
							if (!token.stopped) show((view = { ...view, progress: p }));
						}
					},
					(planned) => show((view = { ...view, planned }))
				);
				show({ ...view, status: 'done', played });
			} catch (err) {
				if (token.stopped || isCancelled(err) || err instanceof ExploreStoppedError) show(IDLE);
				else show({ ...view, status: 'failed', error: err instanceof Error ? err.message : String(err) });
			} finally {
				if (this.#job?.token === token) this.#job = null;
			}
		})();
		this.#job = { kind, key, token, done };
		return done;
	}

	dispose(): void {
		this.#disposed = true;
		if (this.#job) this.#job.token.stopped = true;
		this.#pool?.dispose();
	}
}
