/**
 * The workshop's setup: the case it tells (the e-commerce preset: the AHT-only contract as signed
 * and the balanced redesign), the facilitator's choices, the brief teams open on their devices, and
 * the entry codes teams send back. No server: a brief and an entry are JSON packed into link-safe
 * text (share.ts); an entry is packed with the case's two contracts as deflate's dictionary, so a
 * team's draft, which mostly repeats one of them, fits in a short code.
 */
import { strToU8 } from 'fflate';
import { z } from 'zod';
import { parseScenario, type Scenario } from '$lib/core/schema/scenario';
import { DraftSchema, type Draft } from '$lib/core/schema/draft';
import { DRAFT_GROUPS } from '$lib/ui/draft-groups';
import { PRESETS } from '$lib/ui/presets';
import { packJson, unpackJson } from '$lib/ui/share';

/** The preset the workshop tells: its first draft is the contract as signed, its second the redesign. */
export const CASE_PRESET_ID = 'ecommerce-case';
export const SIGNED = 0;
export const BALANCED = 1;

/** Clause groups a facilitator may open to negotiation (the vendor's levers are the vendor's). */
export const NEGOTIABLE_GROUPS = DRAFT_GROUPS.filter((g) => g.id !== 'name' && g.id !== 'vendor');

export const SIZES = {
	case: { label: "The case's size", factor: 1 },
	rehearsal: { label: 'A fifth of the customers (rehearsal on a slow laptop)', factor: 0.2 }
} as const;
export type Size = keyof typeof SIZES;

/**
 * How much simulation stands behind each figure. `reps`: simulated months per result (the same
 * months for every draft); the vendor's search tries a grid of staffing and coaching levers, each on
 * `searchReps` months, then refines around the best (see the explorer's best response).
 */
export const EFFORTS = {
	quick: {
		label: 'Quick (rough figures, about a minute)',
		reps: 6,
		searchReps: 2,
		grid: [3, 3],
		refinements: 0
	},
	standard: { label: 'Standard', reps: 20, searchReps: 4, grid: [3, 3], refinements: 1 },
	thorough: { label: 'Thorough (slow)', reps: 40, searchReps: 8, grid: [5, 5], refinements: 2 }
} as const satisfies Record<
	string,
	{ label: string; reps: number; searchReps: number; grid: [number, number]; refinements: number }
>;
export type Effort = keyof typeof EFFORTS;

const SizeSchema = z.enum(Object.keys(SIZES) as [Size, ...Size[]]);
const EffortSchema = z.enum(Object.keys(EFFORTS) as [Effort, ...Effort[]]);
const GroupSchema = z.enum(NEGOTIABLE_GROUPS.map((g) => g.id) as [string, ...string[]]);

/** What teams get from the facilitator: what they may change and what they start from. */
export const BriefSchema = z.strictObject({
	v: z.literal(1),
	size: SizeSchema,
	negotiable: z.array(GroupSchema).min(1).max(NEGOTIABLE_GROUPS.length),
	start: z.enum(['signed', 'balanced'])
});
export type Brief = z.infer<typeof BriefSchema>;

/** The facilitator's settings: the brief plus how much simulation stands behind each figure. */
export const WorkshopSettingsSchema = BriefSchema.extend({ effort: EffortSchema });
export type WorkshopSettings = z.infer<typeof WorkshopSettingsSchema>;

export const DEFAULT_SETTINGS: WorkshopSettings = {
	v: 1,
	size: 'case',
	effort: 'standard',
	negotiable: ['targets', 'price', 'atRisk', 'bonuses'],
	start: 'signed'
};

/** The case as the preset bundles it (raw JSON, defaults not yet filled in). */
function casePreset(): { drafts: unknown[] } & Record<string, unknown> {
	const p = PRESETS.find((x) => x.id === CASE_PRESET_ID);
	if (!p) throw new Error(`the workshop's case (${CASE_PRESET_ID}) is missing from the presets`);
	return structuredClone(p.scenario) as { drafts: unknown[] } & Record<string, unknown>;
}

/** The case's scenario at the chosen size, with its own seed: every room sees the same numbers. */
export function workshopInput(size: Size): { drafts: unknown[] } & Record<string, unknown> {
	const s = casePreset();
	const demand = (s.assumptions as { demand: { firstContactsPerDay: number } }).demand;
	demand.firstContactsPerDay = Math.round(demand.firstContactsPerDay * SIZES[size].factor);
	return s;
}

export function workshopScenario(size: Size): Scenario {
	const parsed = parseScenario(workshopInput(size));
	if (!parsed.ok) throw new Error("the workshop's case does not validate: " + parsed.errors[0]?.message);
	return parsed.scenario;
}

/** The draft teams start from, as raw JSON. */
export function startDraft(brief: Pick<Brief, 'start'>): Record<string, unknown> {
	const d = casePreset().drafts[brief.start === 'signed' ? SIGNED : BALANCED] as Record<string, unknown>;
	return { ...d, name: 'Our draft', description: '' };
}

/** The team's workspace: the contract as signed beside the team's draft, on the case's customers. */
export function teamWorkspace(brief: Brief, draft?: unknown): Record<string, unknown> {
	const s = workshopInput(brief.size);
	// A team's screen is for guidance (the projector runs the figures that count): a dozen months keep it quick.
	return { ...s, replications: TEAM_MONTHS, drafts: [s.drafts[SIGNED], draft ?? startDraft(brief)] };
}
export const TEAM_MONTHS = 12;

/* ------------------------------------------------------------------------------------------ */
/* Brief: the workshop code in the team link                                                                   */
/* ------------------------------------------------------------------------------------------ */

/**
 * The brief as a code short enough to type off the projector: version, size, starting draft and
 * the negotiable groups as a bit mask, e.g. "1cs1e".
 */
export function encodeBrief(brief: Brief): string {
	const mask = NEGOTIABLE_GROUPS.reduce((m, g, i) => (brief.negotiable.includes(g.id) ? m | (1 << i) : m), 0);
	return `1${brief.size[0]}${brief.start[0]}${mask.toString(36)}`;
}

export function decodeBrief(text: string): { ok: true; brief: Brief } | { ok: false; error: string } {
	const m = /^1([cr])([sb])([0-9a-z]{1,2})$/.exec(text.trim().toLowerCase());
	const mask = m ? parseInt(m[3], 36) : 0;
	const parsed = BriefSchema.safeParse({
		v: 1,
		size: m?.[1] === 'r' ? 'rehearsal' : 'case',
		start: m?.[2] === 'b' ? 'balanced' : 'signed',
		negotiable: NEGOTIABLE_GROUPS.filter((_, i) => mask & (1 << i)).map((g) => g.id)
	});
	if (!m || !parsed.success || mask >= 1 << NEGOTIABLE_GROUPS.length)
		return {
			ok: false,
			error: `"${text.slice(0, 20)}" is not a workshop code. It is shown on the projector, e.g. 1cs1e.`
		};
	return { ok: true, brief: parsed.data };
}

/* ------------------------------------------------------------------------------------------ */
/* Entries: the code a team sends back                                                         */
/* ------------------------------------------------------------------------------------------ */

const dictionaryText = () => {
	const s = casePreset();
	return JSON.stringify([s.drafts[SIGNED], s.drafts[BALANCED]]);
};
const dictionary = () => strToU8(dictionaryText());

/** Four letters naming the dictionary: a code made with another version of the case is recognised. */
function tagOf(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return (h % 36 ** 4).toString(36).padStart(4, '0');
}

/** A code in a team's link (after "d="), or standing alone between spaces. */
const CODE_IN_LINK = /[#&?]d=([0-9a-z]{4})\.([A-Za-z0-9_-]{8,})/;
const CODE_ALONE = /(?:^|\s)([0-9a-z]{4})\.([A-Za-z0-9_-]{8,})(?=\s|$)/;
const MAX_CODE = 8000;

const EntrySchema = z.strictObject({
	v: z.literal(1),
	team: z.string().trim().min(1).max(40),
	draft: z.record(z.string(), z.unknown())
});
export type Entry = z.infer<typeof EntrySchema>;

export function encodeEntry(team: string, draft: unknown): string {
	return `${tagOf(dictionaryText())}.${packJson({ v: 1, team: team.trim(), draft }, { dictionary: dictionary() })}`;
}

/** The team's draft with every clause the facilitator did not open reset to the starting draft's. */
export function keepNegotiable(
	draft: Record<string, unknown>,
	brief: Brief
): { draft: Record<string, unknown>; reset: string[] } {
	const start = startDraft(brief);
	const open = new Set(['name', 'description']);
	for (const g of NEGOTIABLE_GROUPS) if (brief.negotiable.includes(g.id)) for (const k of g.keys) open.add(k);
	// Compared with defaults filled in: an empty list or a default value is no change.
	const filled = (d: Record<string, unknown>) => DraftSchema.safeParse(d);
	const startFilled = filled(start);
	const out: Record<string, unknown> = {};
	const reset = new Set<string>();
	for (const k of new Set([...Object.keys(draft), ...Object.keys(start)])) {
		const value = open.has(k) ? draft[k] : start[k];
		if (value !== undefined) out[k] = value;
		if (open.has(k) || draft[k] === undefined) continue;
		const mine = filled({ ...start, [k]: draft[k] });
		const same =
			mine.success &&
			startFilled.success &&
			JSON.stringify((mine.data as Record<string, unknown>)[k]) ===
				JSON.stringify((startFilled.data as Record<string, unknown>)[k]);
		if (!same) reset.add(DRAFT_GROUPS.find((x) => x.keys.includes(k))?.title ?? k);
	}
	return { draft: out, reset: [...reset] };
}

export interface AcceptedEntry {
	team: string;
	/** The team's draft, validated (defaults filled in), named after the team. */
	draft: Draft;
	/** Clause groups the team changed although they were not negotiable (reset to the starting draft). */
	reset: string[];
	code: string;
}

/** A team's code, alone or inside a link or a message, read back; or why it cannot be read. */
export function decodeEntry(
	text: string
): { ok: true; entry: Entry; code: string } | { ok: false; error: string } {
	const tag = tagOf(dictionaryText());
	if (text.length > MAX_CODE) return { ok: false, error: "too long to be a team's code." };
	const m = CODE_IN_LINK.exec(text) ?? CODE_ALONE.exec(text);
	if (!m) return { ok: false, error: `no team code found (a code looks like "${tag}.xxxxxxxx...").` };
	if (m[1] !== tag)
		return {
			ok: false,
			error:
				'this code was made with another version of the workshop. Ask the team to open the team link from this projector again.'
		};
	const unpacked = unpackJson(m[2], { dictionary: dictionary() });
	const entry = unpacked ? EntrySchema.safeParse(unpacked.value) : null;
	if (!entry?.success)
		return { ok: false, error: 'the code is damaged or incomplete. Ask the team to copy it again.' };
	return { ok: true, entry: entry.data, code: `${m[1]}.${m[2]}` };
}

/**
 * Read the entries the facilitator pasted: one per line, each a team's code or a link holding it.
 * Returns the accepted drafts (renamed after their teams, unique names, none of `reserved`) and, per refused line, a
 * message saying why in the facilitator's words.
 */
export function readEntries(
	text: string,
	brief: Brief,
	reserved: readonly string[] = [],
	maxTeams = 6
): { entries: AcceptedEntry[]; problems: string[] } {
	const entries: AcceptedEntry[] = [];
	const problems: string[] = [];
	const scenario = workshopInput(brief.size);
	const seen = new Set<string>();
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	lines.forEach((line, i) => {
		const where = `Line ${i + 1}`;
		const read = decodeEntry(line);
		if (!read.ok) return problems.push(`${where}: ${read.error}`);
		if (seen.has(read.code)) return problems.push(`${where}: the same code as an earlier line (left out).`);
		seen.add(read.code);
		if (entries.length >= maxTeams) return problems.push(`${where}: at most ${maxTeams} teams (left out).`);
		const { draft, reset } = keepNegotiable(read.entry.draft, brief);
		let name = read.entry.team.slice(0, 40);
		const taken = (n: string) => entries.some((e) => e.team === n) || reserved.includes(n);
		for (let k = 2; taken(name); k++) name = `${read.entry.team.slice(0, 34)} (${k})`;
		const parsed = parseScenario({ ...scenario, drafts: [scenario.drafts[SIGNED], { ...draft, name }] });
		if (!parsed.ok) {
			const first = parsed.errors
				.slice(0, 3)
				.map((e) => `${e.path.replace(/^drafts\.1\.?/, '') || 'the draft'}: ${e.message}`);
			return problems.push(`${where} (${name}): the draft is not valid - ${first.join('; ')}.`);
		}
		entries.push({ team: name, draft: parsed.scenario.drafts[1], reset, code: read.code });
	});
	return { entries, problems };
}
