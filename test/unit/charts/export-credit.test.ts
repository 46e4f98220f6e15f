import { describe, expect, it } from 'vitest';
import { creditLine } from '../../../src/lib/ui/charts/export-credit';

describe('the credit line of exported charts', () => {
	it('names the scenario and its seed', () => {
		expect(creditLine({ name: 'E-commerce support', seed: 'ecommerce-2024' })).toBe(
			'Scenario: E-commerce support, seed ecommerce-2024 · SLA Sandbox'
		);
		expect(creditLine({ name: 'Workshop', seed: 7 })).toContain('seed 7');
		expect(creditLine(null)).toBe('');
	});
});
