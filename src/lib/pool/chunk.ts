/**
 * Packing of replications into transferable chunks and back into rows. Shared by the worker
 * (which packs) and the pool (which unpacks); no comlink, no DOM, no Node.
 */
import type { ReplicationRow } from '../core/stats';

/** The shape of replication.ts's ReplicationOutput (see docs/ARCHITECTURE.md). */
export interface ReplicationOutputLike {
	contacts: number;
	drafts: { scalars: Float64Array; daily: Float64Array; monthly?: Float64Array }[];
}

/** Replications [fromRep, toRep) packed into flat arrays (their buffers are transferred). */
export interface ChunkResult {
	fromRep: number;
	toRep: number;
	draftCount: number;
	metricCount: number;
	dailyLength: number;
	/** A term's months x metrics per draft (0 without a term). */
	monthlyLength: number;
	/** Per replication. */
	contacts: Float64Array;
	/** (rep - fromRep) * draftCount * metricCount + draft * metricCount + metric. */
	scalars: Float64Array;
	/** (rep - fromRep) * draftCount * dailyLength + draft * dailyLength + cell. */
	daily: Float64Array;
	/** (rep - fromRep) * draftCount * monthlyLength + draft * monthlyLength + cell. */
	monthly: Float64Array;
}

/** Run replications [fromRep, toRep) with `replicate` and pack them. */
export function computeChunk<I>(
	replicate: (input: I, rep: number) => ReplicationOutputLike,
	input: I,
	fromRep: number,
	toRep: number,
	beforeRep?: (rep: number) => void
): ChunkResult {
	const count = toRep - fromRep;
	let scalars: Float64Array | null = null;
	let daily: Float64Array | null = null;
	let monthly: Float64Array | null = null;
	const contacts = new Float64Array(count);
	let draftCount = 0;
	let metricCount = 0;
	let dailyLength = 0;
	let monthlyLength = 0;
	for (let r = fromRep; r < toRep; r++) {
		beforeRep?.(r);
		const out = replicate(input, r);
		const i = r - fromRep;
		if (!scalars || !daily) {
			draftCount = out.drafts.length;
			metricCount = out.drafts[0].scalars.length;
			dailyLength = out.drafts[0].daily.length;
			scalars = new Float64Array(count * draftCount * metricCount);
			daily = new Float64Array(count * draftCount * dailyLength);
			monthlyLength = out.drafts[0].monthly?.length ?? 0;
			monthly = new Float64Array(count * draftCount * monthlyLength);
		}
		contacts[i] = out.contacts;
		for (let d = 0; d < draftCount; d++) {
			scalars.set(out.drafts[d].scalars, (i * draftCount + d) * metricCount);
			daily.set(out.drafts[d].daily, (i * draftCount + d) * dailyLength);
			const m = out.drafts[d].monthly;
			if (m && monthly) monthly.set(m, (i * draftCount + d) * monthlyLength);
		}
	}
	return {
		fromRep,
		toRep,
		draftCount,
		metricCount,
		dailyLength,
		monthlyLength,
		contacts,
		scalars: scalars ?? new Float64Array(0),
		daily: daily ?? new Float64Array(0),
		monthly: monthly ?? new Float64Array(0)
	};
}

/** Unpack a chunk into rows (views on the chunk's arrays, no copies). */
export function chunkToRows(c: ChunkResult): ReplicationRow[] {
	const rows: ReplicationRow[] = [];
	const { draftCount: D, metricCount: M, dailyLength: L, monthlyLength: T } = c;
	for (let r = c.fromRep; r < c.toRep; r++) {
		const i = r - c.fromRep;
		rows.push({
			rep: r,
			contacts: c.contacts[i],
			drafts: Array.from({ length: D }, (_, d) => ({
				scalars: c.scalars.subarray((i * D + d) * M, (i * D + d + 1) * M),
				daily: c.daily.subarray((i * D + d) * L, (i * D + d + 1) * L),
				...(T > 0 ? { monthly: c.monthly.subarray((i * D + d) * T, (i * D + d + 1) * T) } : {})
			}))
		});
	}
	return rows;
}
