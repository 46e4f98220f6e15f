/**
 * Random streams. Every stochastic process of the engine draws from its own named stream, keyed by
 * (seed, replication, stream name) and seeded by seedrandom's `alea` (the only seeding source).
 *
 * `Stream` is a copy of alea's generator step over four plain number fields, so the engine can call it
 * monomorphically (and copy the same step into typed-array state for per-customer streams). The seed
 * state comes from `seedrandom.alea(key, { state: true }).state()`, and test/unit/rng.test.ts checks that
 * the output is identical to `seedrandom.alea` draw for draw.
 *
 * Child streams (`Stream.seedFrom`) are seeded from three draws of a parent stream (alea's own seeding also
 * sets s0, s1, s2 to 32-bit fractions and c = 1): the engine uses them for per-customer and per-day
 * streams, so that customer k always gets the same numbers however many draws other customers made.
 */
import seedrandom from 'seedrandom';

/** alea's multiplier and 2^-32. */
export const ALEA_A = 2091639;
export const TWO_M32 = 2.3283064365386963e-10;
/** 2^-33: what `Stream.nextOpen` (and an inverse CDF) uses in place of a draw of exactly 0. */
export const U_OPEN_MIN = 1.1641532182693481e-10;

interface AleaState {
	s0: number;
	s1: number;
	s2: number;
	c: number;
}

/** The key of a stream: the only way the engine names its streams. */
export function streamKey(seed: number | string, replication: number, name: string): string {
	return `${seed}|${replication}|${name}`;
}

export class Stream {
	s0 = 0;
	s1 = 0;
	s2 = 0;
	c = 1;

	/** A stream keyed by (seed, replication, name), seeded by seedrandom's alea. */
	static named(seed: number | string, replication: number, name: string): Stream {
		return Stream.fromSeedString(streamKey(seed, replication, name));
	}

	/** A stream whose output equals `seedrandom.alea(seed)` draw for draw. */
	static fromSeedString(seed: string): Stream {
		const prng = seedrandom.alea(seed, { state: true }) as unknown as { state(): AleaState };
		const st = prng.state();
		const s = new Stream();
		s.s0 = st.s0;
		s.s1 = st.s1;
		s.s2 = st.s2;
		s.c = st.c;
		return s;
	}

	/** Reseed this stream from three draws of `parent` (c = 1). No allocation. */
	seedFrom(parent: Stream): this {
		this.s0 = parent.next();
		this.s1 = parent.next();
		this.s2 = parent.next();
		this.c = 1;
		return this;
	}

	/**
	 * Uniform in [0, 1) with 32 bits of randomness: alea's step t = A s0 + c 2^-32, c' = floor(t),
	 * s2' = t - c', computed as floor(A s0) plus a carry of 1 when frac(A s0) + c 2^-32 >= 1 (exact in
	 * doubles, so the same numbers bit for bit). Consecutive draws then do not chain through a
	 * float-to-int conversion: the rarely taken branch is predicted and only A s0 -> floor depends on the
	 * draw three steps back.
	 */
	next(): number {
		const y = ALEA_A * this.s0;
		let fl = Math.floor(y);
		let f = y - fl + this.c * TWO_M32;
		if (f >= 1) {
			f -= 1;
			fl += 1;
		}
		this.s0 = this.s1;
		this.s1 = this.s2;
		this.c = fl;
		return (this.s2 = f);
	}

	/** Uniform in (0, 1): never exactly 0 (for logs and inverse CDFs). */
	nextOpen(): number {
		const u = this.next();
		return u > 0 ? u : U_OPEN_MIN;
	}
}
