/**
 * Tooltip targets: which target is under the pointer, and where the arrow keys go next. Used by
 * ChartFrame for every chart.
 */
import type { TipItem } from './types';

/**
 * The tooltip target under the pointer at (px, py): an item whose box holds the point (the
 * smallest, if boxes nest), else the item with the nearest anchor (by x only when `mode` is 'x').
 * -1 when there are no items.
 */
export function nearestTip(items: TipItem[], px: number, py: number, mode: 'x' | 'xy' = 'xy'): number {
	let best = -1;
	let bestArea = Infinity;
	for (let i = 0; i < items.length; i++) {
		const it = items[i];
		if (it.x0 === undefined || it.x1 === undefined) continue;
		const inX = px >= Math.min(it.x0, it.x1) && px <= Math.max(it.x0, it.x1);
		const hasY = it.y0 !== undefined && it.y1 !== undefined;
		const inY = !hasY || (py >= Math.min(it.y0!, it.y1!) && py <= Math.max(it.y0!, it.y1!));
		if (inX && inY && (mode === 'x' || hasY)) {
			const area = Math.abs(it.x1 - it.x0) * (hasY ? Math.abs(it.y1! - it.y0!) : 1);
			if (area < bestArea) {
				best = i;
				bestArea = area;
			}
		}
	}
	if (best >= 0) return best;
	let bestD = Infinity;
	for (let i = 0; i < items.length; i++) {
		const dx = items[i].x - px;
		const dy = mode === 'x' ? 0 : items[i].y - py;
		const d = dx * dx + dy * dy;
		if (d < bestD) {
			bestD = d;
			best = i;
		}
	}
	return best;
}

/** Next index for a key press in a list of `n` targets, or null when the key is not a navigation key. */
export function stepIndex(key: string, current: number, n: number): number | null {
	if (n === 0) return null;
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
			return current < 0 ? 0 : Math.min(n - 1, current + 1);
		case 'ArrowLeft':
		case 'ArrowUp':
			return current < 0 ? 0 : Math.max(0, current - 1);
		case 'Home':
			return 0;
		case 'End':
			return n - 1;
		case 'PageDown':
			return current < 0 ? 0 : Math.min(n - 1, current + 10);
		case 'PageUp':
			return current < 0 ? 0 : Math.max(0, current - 10);
		default:
			return null;
	}
}
