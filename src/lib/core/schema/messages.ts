/**
 * Every validation message in the project's words, which are the user's: the rule alone, the field
 * named by whoever shows the message (the editor by its label, the command line by its path). The
 * schemas give most rules their own sentence ("must be at least 0", "is required (a number)"); this error map, installed for zod as a whole, phrases
 * whatever a schema leaves to the library the same way, so no message reads "Invalid input: expected
 * object, received number". A schema's own `error` still wins over it. Importing this module
 * installs it (scenario.ts does), and turns off zod's eval-compiled parsers (see below).
 */
import { z } from 'zod';

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	tuple: 'a list',
	record: 'an object',
	null: 'null',
	date: 'a date',
	bigint: 'a whole number'
};

const ACRONYMS: Record<string, string> = {
	fcr: 'FCR',
	csat: 'CSAT',
	qa: 'QA',
	aht: 'AHT',
	asa: 'ASA',
	fte: 'FTE',
	c: 'C',
	a: 'A'
};

/**
 * A value of the file as the editor's lists show it: "perHandledContact" -> "Per handled contact",
 * "erlangC" -> "Erlang C", "fcr" -> "FCR"; numbers and other values as they are.
 */
export function optionWords(value: unknown): string {
	if (typeof value !== 'string') return String(value);
	const w = value
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s_]+/)
		.filter(Boolean)
		.map((x, i) => ACRONYMS[x.toLowerCase()] ?? (i === 0 ? x : x.toLowerCase()));
	if (w.length === 0) return value;
	const first = w[0];
	w[0] = first === first.toUpperCase() ? first : first[0].toUpperCase() + first.slice(1).toLowerCase();
	return w.join(' ');
}

/** '"A", "B" or "C"', each in the editor's words. */
export function optionList(values: readonly unknown[]): string {
	const w = values.map((v) => `"${optionWords(v)}"`);
	return w.length <= 1 ? (w[0] ?? '') : `${w.slice(0, -1).join(', ')} or ${w[w.length - 1]}`;
}

/** "at least 0", "more than 0", "at most 1", "less than 1": a bound in words, not ">=". */
export function boundWords(bound: number, least: boolean, inclusive = true): string {
	return `${least ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than'} ${bound}`;
}

function sizeRule(
	origin: string,
	bound: number | bigint,
	inclusive: boolean | undefined,
	exact: boolean | undefined,
	least: boolean
): string {
	const n = Number(bound);
	if (origin === 'string') {
		if (exact) return `must be exactly ${n} characters`;
		if (least && n === 1) return 'must not be empty';
		return `must be at ${least ? 'least' : 'most'} ${n} characters`;
	}
	if (origin === 'array' || origin === 'set') {
		if (exact) return `must have exactly ${n} entries`;
		if (least && n === 1) return 'must not be empty';
		return `must have at ${least ? 'least' : 'most'} ${n} entries`;
	}
	return `must be ${boundWords(n, least, inclusive !== false)}`;
}

/** The project's sentence for a zod issue a schema gave no message of its own. */
export function projectMessage(iss: z.core.$ZodRawIssue): string {
	switch (iss.code) {
		case 'invalid_type': {
			const what = EXPECTED[iss.expected] ?? `a valid ${iss.expected}`;
			return iss.input === undefined ? `is required (${what})` : `must be ${what}`;
		}
		case 'too_small':
			return sizeRule(iss.origin, iss.minimum, iss.inclusive, iss.exact, true);
		case 'too_big':
			return sizeRule(iss.origin, iss.maximum, iss.inclusive, iss.exact, false);
		case 'invalid_value':
			return `must be ${optionList(iss.values)}`;
		case 'invalid_format':
			return iss.format === 'regex' ? 'is not in the expected form' : `must be a valid ${iss.format}`;
		case 'not_multiple_of':
			return `must be a multiple of ${iss.divisor}`;
		case 'unrecognized_keys':
			return 'unknown field';
		case 'invalid_union':
			return 'does not match any of the allowed forms';
		case 'invalid_key':
			return 'has a key that is not allowed';
		case 'invalid_element':
			return 'has an entry that is not allowed';
		default:
			return 'is not valid';
	}
}

// jitless: zod would otherwise probe `new Function` to compile parsers, which the app's
// Content-Security-Policy (no eval) reports as a violation; scenarios are parsed rarely, not in a hot loop.
z.config({ customError: projectMessage, jitless: true });
