/**
 * Paths into a scenario (src/lib/core/explore/paths.ts): derived scenarios are validated and name the path.
 */
import { describe, expect, it } from 'vitest';
import { deriveScenario } from '../../src/lib/core/explore/paths';
import { scenario } from './explore-fixtures';

describe('paths', () => {
	it('names the path and the rule when a derived value is invalid', () => {
		const s = scenario();
		expect(() => deriveScenario(s, [{ path: 'drafts.0.atRisk.percentOfInvoice', value: 1.5 }])).toThrow(
			/drafts\.0\.atRisk\.percentOfInvoice.*\n.*must be at most 100 %/
		);
		expect(() => deriveScenario(s, [{ path: 'drafts.0.nope', value: 1 }])).toThrow(
			/drafts\.0\.nope: no such field/
		);
		expect(() => deriveScenario(s, [{ path: 'drafts.0.name', value: 1 }])).toThrow(/must point to a number/);
		const d = deriveScenario(s, [{ path: 'drafts.1.price.rate', value: 7 }]);
		expect(d.drafts[1].price.rate).toBe(7);
		expect(s.drafts[1].price.rate).toBe(6);
	});
});
