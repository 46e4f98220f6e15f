/**
 * The event calendar: a binary min-heap over typed arrays, ordered by (time, sequence). The sequence
 * number is assigned at push, so events at equal times come out first-in first-out, deterministically.
 * Each event carries one int32 payload (the engine packs id * 8 + type). Cancellation is lazy: the
 * engine leaves a dead event in the heap and recognises it when it pops (e.g. an abandonment timer of a
 * customer who was answered). Arrays grow by doubling up to `limit` events (then `push` throws the
 * error `onFull` makes); nothing is allocated per event.
 */
export class EventHeap {
	time: Float64Array;
	seq: Float64Array;
	data: Int32Array;
	size = 0;
	/** Sequence number of the next push (read and advanced by callers that push inline). */
	nextSeq = 0;
	/** Time of the event returned by the last `pop()`. */
	poppedTime = 0;

	private readonly limit: number;
	private readonly onFull: () => Error;

	constructor(
		capacity = 1024,
		limit = Infinity,
		onFull = () => new Error(`more than ${limit} pending events`)
	) {
		this.limit = limit;
		this.onFull = onFull;
		this.time = new Float64Array(capacity);
		this.seq = new Float64Array(capacity);
		this.data = new Int32Array(capacity);
	}

	clear(): void {
		this.size = 0;
		this.nextSeq = 0;
	}

	/** Doubles the arrays (up to the limit); callers that push inline call it when size reaches capacity. */
	grow(): void {
		if (this.time.length >= this.limit) throw this.onFull();
		const n = Math.min(this.time.length * 2, this.limit);
		const t = new Float64Array(n);
		t.set(this.time);
		this.time = t;
		const s = new Float64Array(n);
		s.set(this.seq);
		this.seq = s;
		const d = new Int32Array(n);
		d.set(this.data);
		this.data = d;
	}

	push(t: number, payload: number): void {
		if (this.size === this.time.length) this.grow();
		this.siftUp(this.size++, t, this.nextSeq++, payload);
	}

	/** Puts (t, sq, payload) at the hole i or above it, moving the later parents down. */
	private siftUp(i: number, t: number, sq: number, payload: number): void {
		const time = this.time;
		const seq = this.seq;
		const data = this.data;
		while (i > 0) {
			const p = (i - 1) >> 1;
			const pt = time[p];
			if (pt < t || (pt === t && seq[p] < sq)) break;
			time[i] = pt;
			seq[i] = seq[p];
			data[i] = data[p];
			i = p;
		}
		time[i] = t;
		seq[i] = sq;
		data[i] = payload;
	}

	/** Time of the earliest event (Infinity when empty). */
	peekTime(): number {
		return this.size > 0 ? this.time[0] : Infinity;
	}

	/**
	 * Removes the earliest event, returns its payload and sets `poppedTime`. The heap must not be empty.
	 * Bottom-up (Floyd): the hole at the root moves down along the smaller children to a leaf (one
	 * comparison per level), then the last element sifts up from there (it usually belongs near the
	 * bottom), about half the comparisons of the textbook sift-down, same order.
	 */
	pop(): number {
		const time = this.time;
		const seq = this.seq;
		const data = this.data;
		const out = data[0];
		this.poppedTime = time[0];
		const n = --this.size;
		if (n > 0) {
			const t = time[n];
			const sq = seq[n];
			const d = data[n];
			// down: move the smaller child up into the hole until the hole is a leaf
			let i = 0;
			let c = 1;
			while (c < n) {
				const r = c + 1;
				if (r < n && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
				time[i] = time[c];
				seq[i] = seq[c];
				data[i] = data[c];
				i = c;
				c = 2 * i + 1;
			}
			// up: the last element from the leaf hole (siftUp's loop, written out: a call passing doubles
			// that V8 does not inline boxes them, an allocation per pop)
			while (i > 0) {
				const p = (i - 1) >> 1;
				const pt = time[p];
				if (pt < t || (pt === t && seq[p] < sq)) break;
				time[i] = pt;
				seq[i] = seq[p];
				data[i] = data[p];
				i = p;
			}
			time[i] = t;
			seq[i] = sq;
			data[i] = d;
		}
		return out;
	}
}
