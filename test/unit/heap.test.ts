import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/lib/core/heap';
import { Stream } from '../../src/lib/core/rng';

describe('heap: event calendar', () => {
	it('pops in (time, push order) order under random interleaved pushes and pops (property test)', () => {
		const rng = Stream.named(1, 0, 'heap-test');
		for (let trial = 0; trial < 50; trial++) {
			const h = new EventHeap(4); // small: forces growth
			// reference: list of [time, seq, payload]
			const ref: [number, number, number][] = [];
			let seq = 0;
			let lastT = -Infinity;
			let lastSeq = -1;
			for (let step = 0; step < 2000; step++) {
				if (rng.next() < 0.55 || ref.length === 0) {
					// coarse times to force many ties
					const t = Math.floor(rng.next() * 50) + (lastT > 0 ? lastT : 0);
					h.push(t, seq);
					ref.push([t, seq, seq]);
					seq++;
				} else {
					ref.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
					const [t, s, p] = ref.shift()!;
					expect(h.peekTime()).toBe(t);
					expect(h.pop()).toBe(p);
					expect(h.poppedTime).toBe(t);
					// monotone (time, seq)
					expect(t > lastT || (t === lastT && s > lastSeq)).toBe(true);
					lastT = t;
					lastSeq = s;
				}
				expect(h.size).toBe(ref.length);
			}
		}
	});

	it('equal times come out first-in first-out', () => {
		const h = new EventHeap(2);
		for (let i = 0; i < 100; i++) h.push(5, i);
		for (let i = 0; i < 100; i++) expect(h.pop()).toBe(i);
		expect(h.peekTime()).toBe(Infinity);
	});
});
