/**
 * What a contract negotiator must never read in the app: a code path ("drafts.1.price.rate"), a file
 * name ("contract.ts", "MODEL.md"), a program identifier ("poolAllocation", "allFollowing",
 * "max_attempts"), a programmer's operator (">=", "=>") or notation ("P(satisfied)", "{kind: ...}").
 * Shared by the unit test of the schema's texts and the browser test of the built pages.
 */

/** Words in camel case that are not code (none yet: add a brand name here if one is ever needed). */
const ALLOWED = new Set<string>([]);

const RULES: { name: string; re: RegExp }[] = [
	{ name: 'file name', re: /\b[\w-]+\.(?:ts|js|mjs|svelte|md|json|csv|html)\b/g },
	{ name: 'code path', re: /\b[A-Za-z_$][\w$]*(?:\.[\w$]+)+\b/g },
	{ name: 'identifier', re: /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g },
	{ name: 'identifier', re: /\b[a-z0-9]+_[a-z0-9_]+\b/g },
	{ name: 'operator', re: />=|<=|!=|==|=>/g },
	{ name: 'notation', re: /\b[A-Za-z]+\((?!s\))|[{}^]/g }
];

/** Abbreviations with dots that are words, and web addresses (a source may cite one). */
const HARMLESS = /\b(?:e\.g|i\.e|etc|vs|approx)\.|https?:\/\/\S+|\b\d+(?:\.\d+)+\b/gi;

/** Every piece of code-like text in `text`, with its kind: empty when the text reads as plain words. */
export function codeWords(text: string): string[] {
	const clean = text.replace(HARMLESS, ' ');
	const found: string[] = [];
	for (const { name, re } of RULES)
		for (const m of clean.matchAll(re)) if (!ALLOWED.has(m[0])) found.push(`${name} "${m[0]}"`);
	return found;
}
