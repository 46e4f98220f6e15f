import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/lib/core/schema/scenario';

describe('static/scenario.schema.json', () => {
	it('is the JSON Schema of the current scenario schema (run `npm run schema` when this fails)', () => {
		const onDisk = JSON.parse(readFileSync('static/scenario.schema.json', 'utf8'));
		expect(onDisk).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
	});
});
