/**
 * Fields named as the user sees them in the editor ("Balanced > Price > Rate per handled contact"),
 * never as a path into the file ("drafts.1.price.rate"): for the problem list, the Undo notices and
 * the clause pickers. Also what a change to the workspace did, for the undo history.
 */
import { humanize, type Path } from './form/jsonschema';
import { noteFor } from './form/scenario-schema';
import { DRAFT_GROUPS } from './draft-groups';
import type { Change } from './undo-history';

/** A contract metric or scorecard measure as the editor and the results name it. */
export const MEASURE_NAMES: Record<string, string> = {
	serviceLevel: 'Service level',
	asa: 'Average speed of answer',
	abandonRate: 'Abandon rate',
	aht: 'Average handle time',
	contactsPerHour: 'Contacts per hour',
	fcr: 'First-contact resolution',
	repeatContactRate: 'Repeat contact rate',
	csat: 'Customer satisfaction',
	qaScore: 'Quality score'
};

/** What the price rate is paid per, by price model. */
const RATE_NAMES: Record<string, string> = {
	perHandledContact: 'Rate per handled contact',
	perHandledMinute: 'Rate per handled minute',
	perProductiveHour: 'Rate per productive hour',
	perStaffedHour: 'Rate per staffed hour',
	perFte: 'Rate per full-time agent a month'
};

/** Draft fields whose own words say more than their file names joined ("At risk > Percent of invoice"). */
const DRAFT_FIELD_NAMES: Record<string, string> = {
	'atRisk.percentOfInvoice': 'Share of the invoice at risk',
	'atRisk.poolAllocation': 'Share of the at-risk amount credits can use',
	'atRisk.cap': "Cap on a month's credits",
	'metrics.poolAllocation': 'Share of the at-risk amount tied to it'
};

type Json = Record<string | number, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object';

/** "drafts.1.price.rate" -> ['drafts', 1, 'price', 'rate']. */
export function toPath(path: string | Path): Path {
	if (Array.isArray(path)) return path;
	return path === '' ? [] : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function at(root: unknown, path: Path): unknown {
	let cur = root;
	for (const k of path) cur = isObj(cur) ? cur[k] : undefined;
	return cur;
}

/** A list entry as the editor titles it: a target by its measure, a bonus by its metric. */
function itemName(item: unknown, i: number): string {
	if (isObj(item)) {
		const tag = item.name ?? item.metric ?? item.kind;
		if (typeof tag === 'string' && tag) return MEASURE_NAMES[tag] ?? humanize(tag);
	}
	return `Entry ${i + 1}`;
}

/** One step of a path as the editor labels it. */
function segmentName(root: unknown, path: Path, i: number): string {
	const k = path[i];
	if (typeof k === 'number') return itemName(at(root, path.slice(0, i + 1)), k);
	if (k === 'rate' && path[i - 1] === 'price') {
		const model = at(root, [...path.slice(0, i), 'model']);
		if (typeof model === 'string' && RATE_NAMES[model]) return RATE_NAMES[model];
	}
	if (path[i - 1] === 'weights' && MEASURE_NAMES[k]) return MEASURE_NAMES[k];
	return noteFor(path.slice(0, i + 1))?.label ?? humanize(k);
}

/**
 * The field at `path` (dotted or a list) of the scenario `root`, named as the editor shows it:
 * "Balanced > Price > Rate per handled contact", "Shared assumptions > Demand > First contacts per day".
 */
export function fieldName(path: string | Path, root: unknown): string {
	const p = toPath(path);
	if (p.length === 0) return 'The scenario as a whole';
	const parts: string[] = [];
	let from: number;
	if (p[0] === 'drafts' && typeof p[1] === 'number') {
		const name = at(root, ['drafts', p[1], 'name']);
		parts.push(typeof name === 'string' && name.trim() ? name : `Draft ${p[1] + 1}`);
		const group = DRAFT_GROUPS.find((g) => g.keys.includes(String(p[2])));
		if (group) {
			parts.push(group.title);
			// a group named after its only field ("Price") does not name it twice
			from = group.keys.length === 1 || humanize(String(p[2])) === group.title ? 3 : 2;
		} else from = 2;
	} else if (p[0] === 'drafts') {
		parts.push('Drafts');
		from = 1;
	} else if (p[0] === 'assumptions') {
		parts.push('Shared assumptions');
		from = 1;
	} else {
		parts.push('Run settings');
		from = 0;
	}
	const own =
		p[0] === 'drafts'
			? DRAFT_FIELD_NAMES[
					p
						.slice(2)
						.filter((k) => typeof k === 'string')
						.join('.')
				]
			: undefined;
	for (let i = from; i < p.length; i++)
		// a field with its own name replaces the file's names on the way to it, not the list entries
		if (!own || typeof p[i] === 'number') parts.push(segmentName(root, p, i));
	if (own) parts.push(own);
	return parts.join(' > ');
}

/** Where two scenarios first differ: the deepest path holding every difference, or null if equal. */
export function differingPath(a: unknown, b: unknown, path: Path = []): Path | null {
	if (Object.is(a, b)) return null;
	if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
		let found: Path | null = null;
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		for (const key of keys) {
			const k = Array.isArray(a) ? Number(key) : key;
			const sub = differingPath(a[k], b[k], [...path, k]);
			if (!sub) continue;
			if (found) return path;
			found = sub;
		}
		return found;
	}
	return path;
}

/** What an edit from `before` to `after` did, for the undo history and its notices. */
export function describeChange(before: unknown, after: unknown): Change {
	const was = isObj(before) && Array.isArray(before.drafts) ? before.drafts : null;
	const now = isObj(after) && Array.isArray(after.drafts) ? after.drafts : null;
	if (was && now && now.length < was.length) {
		const names = new Set(now.map((d) => (isObj(d) ? d.name : undefined)));
		const gone = was.find((d) => !names.has(isObj(d) ? d.name : undefined));
		const name = isObj(gone) && typeof gone.name === 'string' ? `"${gone.name}"` : 'a draft';
		return { label: `Removed the draft ${name}`, destructive: true };
	}
	if (was && now && now.length > was.length) {
		const names = new Set(was.map((d) => (isObj(d) ? d.name : undefined)));
		const added = now.find((d) => !names.has(isObj(d) ? d.name : undefined));
		const name = isObj(added) && typeof added.name === 'string' ? `"${added.name}"` : 'a draft';
		return { label: `Added the draft ${name}` };
	}
	const path = differingPath(before, after) ?? [];
	return { label: `Changed ${fieldName(path, after)}`, key: path.join('.') };
}
