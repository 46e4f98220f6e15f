import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Stream, streamKey } from '../../src/lib/core/rng';

describe('rng: alea streams', () => {
	it('Stream reproduces seedrandom.alea draw for draw', () => {
		for (const key of ['42|0|arrivals', 'x', streamKey('abc', 7, 'customers'), '']) {
			const ref = seedrandom.alea(key);
			const s = Stream.fromSeedString(key);
			for (let i = 0; i < 20000; i++) expect(s.next()).toBe(ref());
		}
	});

	it('streams are keyed by seed, replication and name', () => {
		const a = Stream.named(1, 0, 'arrivals').next();
		expect(Stream.named(1, 0, 'arrivals').next()).toBe(a);
		expect(Stream.named(2, 0, 'arrivals').next()).not.toBe(a);
		expect(Stream.named(1, 1, 'arrivals').next()).not.toBe(a);
		expect(Stream.named(1, 0, 'intent').next()).not.toBe(a);
	});

	it('child streams are uniform: mean 1/2 and variance 1/12 within 4 standard errors', () => {
		const parent = Stream.named(3, 0, 'customers');
		const child = new Stream();
		let n = 0;
		let sum = 0;
		let sum2 = 0;
		for (let k = 0; k < 20000; k++) {
			child.seedFrom(parent);
			for (let j = 0; j < 10; j++) {
				const u = child.next();
				if (!(u >= 0 && u < 1)) throw new Error(`out of [0, 1): ${u}`);
				n++;
				sum += u;
				sum2 += u * u;
			}
		}
		const mean = sum / n;
		const v = sum2 / n - mean * mean;
		expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
		// var of U^2 estimator: sd of (u - 1/2)^2 is sqrt(1/80 - 1/144)
		expect(Math.abs(v - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
	});
});
