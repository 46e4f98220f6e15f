/**
 * Writes the table of result keys (src/lib/core/metrics.ts) into README.md between the
 * metric-keys markers. Run: npm run readme-keys (a unit test fails when the table is out of date).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { metricKeysTable } from '../src/lib/core/metrics';

const START = '<!-- metric-keys:start -->';
const END = '<!-- metric-keys:end -->';
const readme = readFileSync('README.md', 'utf8');
const [head, rest] = readme.split(START);
const tail = rest.slice(rest.indexOf(END));
writeFileSync('README.md', `${head}${START}\n\n${metricKeysTable()}\n${tail}`);
console.log('README.md: result keys table written');
