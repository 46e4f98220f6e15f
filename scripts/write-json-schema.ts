/**
 * Writes the JSON Schema of a scenario file to static/scenario.schema.json, for editors
 * (VS Code etc. validate and autocomplete a scenario that sets "$schema").
 * Run: npx tsx scripts/write-json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ScenarioSchema } from '../src/lib/core/schema/scenario';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = z.toJSONSchema(ScenarioSchema, {
	target: 'draft-2020-12',
	// the file as written by a person: fields with defaults (in drafts) are optional
	io: 'input',
	unrepresentable: 'any'
});
const out = join(root, 'static', 'scenario.schema.json');
writeFileSync(out, JSON.stringify(schema, null, '\t') + '\n');
console.log(`wrote ${out}`);
