/**
 * Writes the JSON Schema of a scenario file to static/scenario.schema.json, for editors
 * (VS Code etc. validate and autocomplete a scenario that sets "$schema").
 * Run: npm run schema (a unit test fails when the file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { scenarioJsonSchema } from '../src/lib/core/schema/scenario';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'static', 'scenario.schema.json');
writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, '\t') + '\n');
console.log(`wrote ${out}`);
