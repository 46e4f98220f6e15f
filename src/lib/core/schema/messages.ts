/**
 * Every validation message in the project's words. The schemas give most rules their own sentence
 * ("must be >= 0", "is required (a number)"); this error map, installed for zod as a whole, phrases
 * whatever a schema leaves to the library the same way, so no message reads "Invalid input: expected
 * object, received number". A schema's own `error` still wins over it. Importing this module
 * installs it (scenario.ts does).
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

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

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
	return `must be ${least ? '>' : '<'}${inclusive === false ? '' : '='} ${n}`;
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
			return iss.values.length === 1 ? `must be ${list(iss.values)}` : `must be one of ${list(iss.values)}`;
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

z.config({ customError: projectMessage });
