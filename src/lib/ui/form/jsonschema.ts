/**
 * Helpers to drive the editing forms from the scenario's JSON Schema (generated from the zod schema,
 * so the forms, the file format and the validation can never disagree).
 */
export interface JsonSchema {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	enum?: (string | number)[];
	const?: string | number | boolean;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	exclusiveMaximum?: number;
	minItems?: number;
	maxItems?: number;
	default?: unknown;
	description?: string;
	title?: string;
	additionalProperties?: boolean | JsonSchema;
}

export type Path = (string | number)[];
export const pathKey = (path: Path) => path.join('.');

/** "firstContactsPerDay" -> "First contacts per day"; "fcr" -> "FCR". */
const ACRONYMS: Record<string, string> = {
	fcr: 'FCR',
	csat: 'CSAT',
	qa: 'QA',
	aht: 'AHT',
	asa: 'ASA',
	sl: 'SL',
	acw: 'ACW',
	cv: 'CV',
	fte: 'FTE'
};
export function humanize(key: string | number): string {
	if (typeof key === 'number') return `#${key + 1}`;
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[\s_]+/)
		.map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
	const first = words[0] ?? '';
	words[0] = first === first.toUpperCase() ? first : first[0].toUpperCase() + first.slice(1);
	return words.join(' ');
}

/** The options of a union that discriminates on a const property (e.g. `kind`, `metric`). */
export function discriminator(schema: JsonSchema): { key: string; options: JsonSchema[] } | null {
	const options = schema.oneOf ?? schema.anyOf;
	if (!options || options.length === 0 || !options.every((o) => o.type === 'object' && o.properties))
		return null;
	const first = options[0].properties!;
	for (const key of Object.keys(first)) {
		if (options.every((o) => o.properties?.[key]?.const !== undefined)) return { key, options };
	}
	return null;
}

/** The constants of a union of literals (e.g. intervalMinutes: 15 | 30). */
export function literalOptions(schema: JsonSchema): (string | number)[] | null {
	if (schema.enum) return schema.enum;
	const options = schema.anyOf ?? schema.oneOf;
	if (options && options.every((o) => o.const !== undefined))
		return options.map((o) => o.const as string | number);
	return null;
}

export function kindOf(schema: JsonSchema): string {
	if (literalOptions(schema)) return 'choice';
	if (discriminator(schema)) return 'union';
	// e.g. seed (text | whole number), plannedAhtSeconds (number | 'auto'), fixedAgents (n | n[] | null)
	if (schema.anyOf || schema.oneOf) return 'flex';
	const t = Array.isArray(schema.type) ? schema.type[0] : schema.type;
	if (t === 'integer' || t === 'number') return 'number';
	if (t === 'boolean') return 'boolean';
	if (t === 'string') return 'string';
	if (t === 'array') {
		const it = schema.items ?? {};
		const itemType = Array.isArray(it.type) ? it.type[0] : it.type;
		return itemType === 'number' || itemType === 'integer' ? 'numberList' : 'list';
	}
	if (t === 'object') return 'object';
	return 'unknown';
}

/** A fresh value for a schema: its default, else a sensible empty value that validation will flag. */
export function initialValue(schema: JsonSchema): unknown {
	if (schema.default !== undefined) return structuredClone(schema.default);
	if (schema.const !== undefined) return schema.const;
	const lit = literalOptions(schema);
	if (lit) return lit[0];
	const union = discriminator(schema);
	if (union) return initialValue(union.options[0]);
	switch (kindOf(schema)) {
		case 'number':
			return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
		case 'boolean':
			return false;
		case 'string':
			return '';
		case 'numberList':
		case 'list':
			return [];
		case 'object': {
			const out: Record<string, unknown> = {};
			for (const key of schema.required ?? []) out[key] = initialValue(schema.properties![key]);
			return out;
		}
	}
	return null;
}

/** Switching a union's branch: keep the fields the new branch shares with the old value. */
export function switchBranch(option: JsonSchema, old: unknown): Record<string, unknown> {
	const fresh = initialValue(option) as Record<string, unknown>;
	if (old && typeof old === 'object') {
		for (const key of Object.keys(option.properties ?? {})) {
			if (option.properties![key].const !== undefined) continue;
			if (key in (old as Record<string, unknown>)) fresh[key] = (old as Record<string, unknown>)[key];
		}
	}
	return fresh;
}

/** Immutable update of a nested value; `undefined` deletes an object key. */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
	if (path.length === 0) return value;
	const [head, ...rest] = path;
	if (Array.isArray(root)) {
		const copy = root.slice();
		copy[head as number] = setIn(copy[head as number], rest, value);
		return copy;
	}
	const obj = { ...((root as Record<string, unknown>) ?? {}) };
	const next = setIn(obj[head as string], rest, value);
	if (next === undefined) delete obj[head as string];
	else obj[head as string] = next;
	return obj;
}

export function getIn(root: unknown, path: Path): unknown {
	let cur = root;
	for (const p of path) {
		if (cur == null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string | number, unknown>)[p];
	}
	return cur;
}

/** A number as a person types it: 0.07 x 100 shows 7, not 7.000000000000001. */
export const cleanNumber = (n: number) => Number(n.toPrecision(12));

/** Range text for a number field in words, e.g. "0 to 100 %" or "more than 0"; `scale` 100 for percentages. */
export function rangeText(s: JsonSchema, scale = 1): string {
	const unit = scale === 100 ? ' %' : '';
	const show = (n: number) => `${cleanNumber(n * scale)}${unit}`;
	const hi = s.maximum !== undefined && s.maximum < 1e15 ? s.maximum : undefined;
	if (s.minimum !== undefined && hi !== undefined) return `${show(s.minimum)} to ${show(hi)}`;
	const parts: string[] = [];
	if (s.minimum !== undefined) parts.push(`at least ${show(s.minimum)}`);
	else if (s.exclusiveMinimum !== undefined) parts.push(`more than ${show(s.exclusiveMinimum)}`);
	if (hi !== undefined) parts.push(`at most ${show(hi)}`);
	else if (s.exclusiveMaximum !== undefined) parts.push(`less than ${show(s.exclusiveMaximum)}`);
	return parts.join(', ');
}

/** Parse a free-text field whose schema is a union of number, list of numbers, text or null. */
export function parseFlex(schema: JsonSchema, text: string): unknown {
	const options = schema.anyOf ?? schema.oneOf ?? [];
	const allows = (t: string) => options.some((o) => o.type === t || (t === 'number' && o.type === 'integer'));
	const trimmed = text.trim();
	if (trimmed === '') return allows('null') ? null : '';
	const tokens = trimmed.split(/[,;\s]+/).filter(Boolean);
	const numeric = tokens.every((t) => Number.isFinite(Number(t)));
	if (numeric && tokens.length === 1 && allows('number')) return Number(tokens[0]);
	if (numeric && allows('array')) return tokens.map(Number);
	return trimmed;
}

export function showFlex(value: unknown): string {
	if (value === null || value === undefined) return '';
	return Array.isArray(value) ? value.join(', ') : String(value);
}
