/**
 * Property-based fuzzing (fast-check, fixed seeds): mutated presets through parseScenario and a
 * short simulation (scripts/fuzz-cases.ts states the rules), and random or damaged share links.
 * `npm run fuzz` runs the same scenario cases 10,000 times and prints the counts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS, fuzzCase, runCase, type Outcome } from '../../scripts/fuzz-cases';
import { decodeShare, encodeShare } from '../../src/lib/ui/share';

describe('fuzzed scenario files', () => {
	it('every preset, mutated: no throw, rejections name a path and a rule, summaries finite, fractions in [0, 1]', () => {
		const seen: Record<Outcome, number> = { rejected: 0, simulated: 0, refused: 0, skipped: 0 };
		fc.assert(
			fc.property(fuzzCase, (c) => {
				seen[runCase(c)]++;
			}),
			{ seed: 20261202, numRuns: 80 }
		);
		// The cases reach both sides: rejected files and simulated ones.
		expect(seen.rejected).toBeGreaterThan(10);
		expect(seen.simulated).toBeGreaterThan(10);
	});

	it('each preset unmutated simulates cleanly', () => {
		for (let p = 0; p < PRESETS.length; p++)
			expect(runCase({ preset: p, mutations: [] }), PRESETS[p].file).toBe('simulated');
	});
});

describe('fuzzed share links', () => {
	it('any text after #w= decodes to a value or a notice, never throws', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (s) => {
				const r = decodeShare('#w=' + s);
				expect(r === null || typeof r.ok === 'boolean').toBe(true);
			}),
			{ seed: 7, numRuns: 500 }
		);
	});

	it('a real link with damaged characters decodes to a value or the notice, never throws', () => {
		const link = encodeShare(PRESETS[0].json);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(), fc.nat({ max: alphabet.length - 1 })), { minLength: 1, maxLength: 5 }),
				(edits) => {
					const chars = link.split('');
					for (const [at, ch] of edits) chars[2 + (at % (chars.length - 2))] = alphabet[ch];
					const r = decodeShare('#' + chars.join(''));
					expect(r).not.toBeNull();
					if (r && !r.ok) expect(r.error).toMatch(/damaged, incomplete or too large/);
				}
			),
			{ seed: 11, numRuns: 200 }
		);
	});
});
