/** The repeat flow's layout: a hand-laid Sankey of first contacts, repeat attempts and give-ups. */

/**
 * One attempt of the repeat loop: the contacts of attempt k (k = 1: first contacts) and where
 * they went. `contacts` should equal resolved + callbacks + giveUps + open; any remainder is drawn
 * as "still open" so the bar always has the height of `contacts`.
 */
export interface RepeatFlowStage {
	/** Defaults to "1st contact", "2nd attempt", ... */
	label?: string;
	contacts: number;
	/** Issues resolved on this attempt. */
	resolved: number;
	/** Unresolved customers who come back: the contacts of the next attempt. */
	callbacks: number;
	/** Unresolved customers who give up after this attempt. */
	giveUps: number;
	/** Unresolved and still open at the end of the period (neither called back nor gave up yet). */
	open?: number;
}

export interface RepeatFlowData {
	stages: RepeatFlowStage[];
	/** Of all give-ups: customers who churned. */
	churned: number;
}

export type FlowSegmentKind = 'callbacks' | 'resolved' | 'open' | 'giveUps' | 'churned' | 'stayed';

export interface FlowSegment {
	kind: FlowSegmentKind;
	/** Stage index, or -1 for the final "gave up" column. */
	stage: number;
	count: number;
	y0: number;
	y1: number;
}

export interface FlowColumn {
	label: string;
	/** Contacts of the stage, or all give-ups for the final column. */
	count: number;
	x: number;
	y0: number;
	y1: number;
	segments: FlowSegment[];
}

export interface FlowRibbon {
	kind: 'callbacks' | 'giveUps';
	stage: number;
	count: number;
	x0: number;
	y0a: number;
	y0b: number;
	x1: number;
	y1a: number;
	y1b: number;
}

export interface FlowLayout {
	columns: FlowColumn[];
	ribbons: FlowRibbon[];
	barWidth: number;
	/** Sum of give-ups over all stages. */
	giveUps: number;
	/** Sum of resolved over all stages. */
	resolved: number;
}

const ORDINAL = ['1st', '2nd', '3rd'];
export function stageLabel(k: number): string {
	return k === 0 ? '1st contact' : `${ORDINAL[k] ?? `${k + 1}th`} attempt`;
}

/**
 * A hand-laid Sankey of the repeat loop in a `width` x `height` box: one column per attempt, tops
 * aligned, each split top to bottom into called back (flows on to the next attempt), resolved,
 * still open and gave up; a last column of all give-ups, split into churned and stayed, bottom
 * aligned with the first column. Heights are proportional to counts on one scale.
 */
export function flowLayout(data: RepeatFlowData, width: number, height: number): FlowLayout {
	const stages = data.stages.filter((s) => s.contacts > 0 || s === data.stages[0]);
	const K = stages.length;
	const nCols = K + 1;
	const barWidth = Math.max(24, Math.min(90, (width / nCols) * (width < 800 ? 0.28 : 0.34)));
	const stepX = nCols > 1 ? (width - barWidth) / (nCols - 1) : 0;
	const c0 = Math.max(1e-9, stages[0]?.contacts ?? 0);
	const scale = height / c0;
	const columns: FlowColumn[] = [];
	const ribbons: FlowRibbon[] = [];
	let giveUps = 0;
	let resolved = 0;
	stages.forEach((s, k) => {
		const cb = Math.max(0, s.callbacks);
		const parts: Array<[FlowSegmentKind, number]> = [
			['callbacks', cb],
			['resolved', Math.max(0, s.resolved)],
			['open', Math.max(0, (s.open ?? 0) + remainder(s))],
			['giveUps', Math.max(0, s.giveUps)]
		];
		giveUps += Math.max(0, s.giveUps);
		resolved += Math.max(0, s.resolved);
		let y = 0;
		const segments: FlowSegment[] = [];
		for (const [kind, count] of parts) {
			if (count <= 0) continue;
			segments.push({ kind, stage: k, count, y0: y * scale, y1: (y + count) * scale });
			y += count;
		}
		columns.push({
			label: s.label ?? stageLabel(k),
			count: s.contacts,
			x: k * stepX,
			y0: 0,
			y1: y * scale,
			segments
		});
	});
	// Callback ribbons: from the top segment of column k to the whole of column k + 1.
	for (let k = 0; k + 1 < K; k++) {
		const seg = columns[k].segments.find((s) => s.kind === 'callbacks');
		if (!seg) continue;
		ribbons.push({
			kind: 'callbacks',
			stage: k,
			count: seg.count,
			x0: columns[k].x + barWidth,
			y0a: seg.y0,
			y0b: seg.y1,
			x1: columns[k + 1].x,
			y1a: columns[k + 1].y0,
			y1b: columns[k + 1].y1
		});
	}
	// Final column: all give-ups, bottom-aligned with the first column; slots stacked from the bottom.
	const bottom = columns[0]?.y1 ?? 0;
	const finalTop = bottom - giveUps * scale;
	const churned = Math.max(0, Math.min(giveUps, data.churned));
	const finalSegs: FlowSegment[] = [];
	if (giveUps - churned > 0)
		finalSegs.push({
			kind: 'stayed',
			stage: -1,
			count: giveUps - churned,
			y0: finalTop,
			y1: bottom - churned * scale
		});
	if (churned > 0)
		finalSegs.push({ kind: 'churned', stage: -1, count: churned, y0: bottom - churned * scale, y1: bottom });
	const finalX = K * stepX;
	columns.push({
		label: 'Gave up',
		count: giveUps,
		x: finalX,
		y0: finalTop,
		y1: bottom,
		segments: finalSegs
	});
	let slot = bottom;
	columns.slice(0, K).forEach((col, k) => {
		const seg = col.segments.find((s) => s.kind === 'giveUps');
		if (!seg) return;
		const h = seg.y1 - seg.y0;
		ribbons.push({
			kind: 'giveUps',
			stage: k,
			count: seg.count,
			x0: col.x + barWidth,
			y0a: seg.y0,
			y0b: seg.y1,
			x1: finalX,
			y1a: slot - h,
			y1b: slot
		});
		slot -= h;
	});
	return { columns, ribbons, barWidth, giveUps, resolved };
}

function remainder(s: RepeatFlowData['stages'][number]): number {
	const r = s.contacts - s.resolved - s.callbacks - s.giveUps - (s.open ?? 0);
	return r > 1e-9 ? r : 0;
}

/** A ribbon between two vertical edges, as a closed path with horizontal-tangent curves. */
export function ribbonPath(r: Pick<FlowRibbon, 'x0' | 'y0a' | 'y0b' | 'x1' | 'y1a' | 'y1b'>): string {
	const xm = (r.x0 + r.x1) / 2;
	const f = (n: number) => Math.round(n * 10) / 10;
	return (
		`M${f(r.x0)},${f(r.y0a)}C${f(xm)},${f(r.y0a)} ${f(xm)},${f(r.y1a)} ${f(r.x1)},${f(r.y1a)}` +
		`L${f(r.x1)},${f(r.y1b)}C${f(xm)},${f(r.y1b)} ${f(xm)},${f(r.y0b)} ${f(r.x0)},${f(r.y0b)}Z`
	);
}
