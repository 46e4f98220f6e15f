import { describe, expect, it } from 'vitest';
import {
	formatCompact,
	formatCount,
	formatMoney,
	formatMoneyCompact,
	formatMoneySigned,
	formatPercent,
	formatPercentPoints,
	formatSeconds,
	formatTick,
	formatValue,
	MINUS,
	MISSING
} from '../../src/lib/ui/format';

describe('format.ts', () => {
	it('percentages with a space before the sign', () => {
		expect(formatPercent(0.853)).toBe('85.3 %');
		expect(formatPercent(0.97, 0)).toBe('97 %');
		expect(formatPercent(1)).toBe('100.0 %');
		expect(formatPercent(-0.05)).toBe(`${MINUS}5.0 %`);
		expect(formatPercent(NaN)).toBe(MISSING);
		expect(formatPercentPoints(0.031)).toBe('+3.1 pp');
		expect(formatPercentPoints(-0.031)).toBe(`${MINUS}3.1 pp`);
		expect(formatPercentPoints(0.0001)).toBe('\u00b10.0 pp');
	});

	it('seconds in words', () => {
		expect(formatSeconds(23)).toBe('23 s');
		expect(formatSeconds(23.4)).toBe('23 s');
		expect(formatSeconds(4.5)).toBe('4.5 s');
		expect(formatSeconds(4)).toBe('4 s');
		expect(formatSeconds(0)).toBe('0 s');
		expect(formatSeconds(59.6)).toBe('1 min');
		expect(formatSeconds(250)).toBe('4 min 10 s');
		expect(formatSeconds(240)).toBe('4 min');
		expect(formatSeconds(3599.6)).toBe('1 h');
		expect(formatSeconds(3900)).toBe('1 h 5 min');
		expect(formatSeconds(-30)).toBe(`${MINUS}30 s`);
		expect(formatSeconds(undefined)).toBe(MISSING);
		expect(formatSeconds(Infinity)).toBe(MISSING);
	});

	it('counts with thousands separators, and a compact form', () => {
		expect(formatCount(12345.4)).toBe('12,345');
		expect(formatCount(-1234)).toBe(`${MINUS}1,234`);
		expect(formatCompact(950)).toBe('950');
		expect(formatCompact(9876)).toBe('9,876');
		expect(formatCompact(12345)).toBe('12.3 k');
		expect(formatCompact(200000)).toBe('200 k');
		expect(formatCompact(999_960)).toBe('1 M');
		expect(formatCompact(1_234_567)).toBe('1.23 M');
		expect(formatCompact(2.5e9)).toBe('2.5 bn');
		expect(formatCompact(-12345)).toBe(`${MINUS}12.3 k`);
		expect(formatCompact(2.5)).toBe('2.5');
		expect(formatCompact(0)).toBe('0');
	});

	it('money with the currency code', () => {
		expect(formatMoney(1234567, 'EUR')).toBe('EUR 1,234,567');
		expect(formatMoney(-1234.5, 'EUR')).toBe(`${MINUS}EUR 1,235`);
		expect(formatMoney(-0.2, 'EUR')).toBe('EUR 0');
		expect(formatMoney(12.5, 'USD', 2)).toBe('USD 12.50');
		expect(formatMoney(12, '')).toBe('12');
		expect(formatMoneyCompact(1234567, 'EUR')).toBe('EUR 1.23 M');
		expect(formatMoneyCompact(-45000, 'GBP')).toBe(`${MINUS}GBP 45 k`);
		expect(formatMoneySigned(12300, 'EUR')).toBe('+EUR 12.3 k');
		expect(formatMoneySigned(-800, 'EUR')).toBe(`${MINUS}EUR 800`);
		expect(formatMoneySigned(0, 'EUR')).toBe('\u00b1EUR 0');
		expect(formatMoneySigned(-12345, 'EUR', false)).toBe(`${MINUS}EUR 12,345`);
	});

	it('by kind, and axis ticks without the unit the axis title carries', () => {
		expect(formatValue(0.8, 'fraction')).toBe('80.0 %');
		expect(formatValue(250, 'seconds')).toBe('4 min 10 s');
		expect(formatValue(1500, 'money', { currency: 'EUR' })).toBe('EUR 1,500');
		expect(formatValue(1500000, 'money', { currency: 'EUR', compact: true })).toBe('EUR 1.5 M');
		expect(formatValue(1.234, 'ratio')).toBe('1.23');
		expect(formatValue(12345, 'count', { compact: true })).toBe('12.3 k');
		expect(formatTick(0.8, 'fraction', 0.1)).toBe('80 %');
		expect(formatTick(0.805, 'fraction', 0.005)).toBe('80.5 %');
		expect(formatTick(200000, 'money')).toBe('200 k');
		expect(formatTick(90, 'seconds')).toBe('1 min 30 s');
	});
});
