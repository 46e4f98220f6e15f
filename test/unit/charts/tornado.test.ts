import { describe, expect, it } from 'vitest';
import { tornadoOrder } from '../../../src/lib/ui/charts/tornado/layout';

describe('tornado layout', () => {
	it('orders rows by swing, widest first', () => {
		const rows = tornadoOrder([
			{ label: 'a', low: 9, high: 11 },
			{ label: 'b', low: 5, high: 20 },
			{ label: 'c', low: 12, high: 6 }
		]);
		expect(rows.map((r) => r.label)).toEqual(['b', 'c', 'a']);
	});
});
