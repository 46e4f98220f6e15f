import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/lib/core/metrics';

describe('README', () => {
	const readme = readFileSync('README.md', 'utf8');
	it('documents every result key (run `npm run readme-keys` when this fails)', () => {
		const missing = METRICS.filter((m) => !readme.includes(`| \`${m.key}\``)).map((m) => m.key);
		expect(missing).toEqual([]);
	});
	it('has the two-line quick start that CI runs', () => {
		expect(readme).toContain('npm install && npm run dev\nnpm install && npm test\n');
		expect(readFileSync('.ci/run', 'utf8')).toContain('npm install && npm test');
	});
});
