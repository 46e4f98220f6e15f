/**
 * Evaluation on common random numbers (src/lib/core/explore/evaluation.ts): packing variants as drafts.
 */
import { describe, expect, it } from 'vitest';
import { batchSizes, packDrafts } from '../../src/lib/core/explore/evaluation';
import { scenario } from './explore-fixtures';

describe('packing variants', () => {
	it('packs n variants into scenarios of 2-4 drafts', () => {
		expect(batchSizes(1)).toEqual([1]);
		expect(batchSizes(4)).toEqual([4]);
		expect(batchSizes(5)).toEqual([3, 2]);
		expect(batchSizes(9)).toEqual([3, 3, 3]);
		expect(batchSizes(26)).toEqual([4, 4, 4, 4, 4, 3, 3]);
		const s = scenario();
		const packed = packDrafts(s, [s.drafts[0]]);
		expect(packed).toHaveLength(1);
		expect(packed[0].drafts).toHaveLength(2);
	});
});
