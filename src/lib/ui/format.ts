/**
 * Number formatting for the UI and the charts (d3-format). One place, so a value reads the same in a
 * table, a tooltip, an axis and a sentence. Negative numbers use the typographic minus (U+2212), as
 * d3-format does; a missing value (NaN, +-Infinity, null) reads as an en dash.
 *
 *   formatPercent(0.853)          "85.3 %"
 *   formatSeconds(250)            "4 min 10 s"
 *   formatMoney(1234567, 'EUR')   "EUR 1,234,567"
 *   formatMoneyCompact(1234567, 'EUR')  "EUR 1.23 M"
 *   formatCount(12345)            "12,345"
 */
import { format } from 'd3';

/** The kinds of value the app shows; the same names as `MetricKind` in the core's metrics.ts, plus 'number'. */
export type ValueKind = 'fraction' | 'seconds' | 'money' | 'count' | 'flag' | 'ratio' | 'number';

export const MISSING = '\u2013';
export const MINUS = '\u2212';

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

const fixed = [0, 1, 2, 3, 4].map((d) => format(`,.${d}f`));
const fix = (digits: number) => fixed[Math.max(0, Math.min(4, Math.round(digits)))];

/** A share 0..1 as a percentage with a space before the sign: 0.853 -> "85.3 %". */
export function formatPercent(v: number | null | undefined, digits = 1): string {
	if (!isNum(v)) return MISSING;
	return `${fix(digits)(v * 100)} %`;
}

/** Percentage points, signed: 0.031 -> "+3.1 pp". For differences of two shares. */
export function formatPercentPoints(v: number | null | undefined, digits = 1): string {
	if (!isNum(v)) return MISSING;
	const s = fix(digits)(Math.abs(v) * 100);
	return `${signOf(v, s)}${s} pp`;
}

/**
 * A duration in seconds, in words a non-specialist reads at a glance:
 * 4.5 -> "4.5 s", 23 -> "23 s", 250 -> "4 min 10 s", 3900 -> "1 h 5 min".
 */
export function formatSeconds(v: number | null | undefined): string {
	if (!isNum(v)) return MISSING;
	const neg = v < 0;
	const a = Math.abs(v);
	let out: string;
	if (a < 10 && Math.round(a * 10) / 10 !== Math.round(a)) out = `${fix(1)(a)} s`;
	else if (Math.round(a) < 60) out = `${Math.round(a)} s`;
	else if (Math.round(a) < 3600) {
		const t = Math.round(a);
		const m = Math.floor(t / 60);
		const s = t - m * 60;
		out = s === 0 ? `${m} min` : `${m} min ${s} s`;
	} else {
		const t = Math.round(a / 60);
		const h = Math.floor(t / 60);
		const m = t - h * 60;
		out = m === 0 ? `${fix(0)(h)} h` : `${fix(0)(h)} h ${m} min`;
	}
	return neg ? MINUS + out : out;
}

/** A whole count with thousands separators: 12345.4 -> "12,345". */
export function formatCount(v: number | null | undefined): string {
	if (!isNum(v)) return MISSING;
	return fix(0)(v);
}

/** A plain number with `digits` decimals and thousands separators. */
export function formatNumber(v: number | null | undefined, digits = 2): string {
	if (!isNum(v)) return MISSING;
	return fix(digits)(v);
}

const sig3 = format('.3~r');

/**
 * A number in short form with k / M / bn and at most three significant digits:
 * 950 -> "950", 12345 -> "12.3 k", 1234567 -> "1.23 M", 2.5e9 -> "2.5 bn". Below 10,000 it keeps
 * the whole number ("9,876"), as a short form would lose more than it saves.
 */
export function formatCompact(v: number | null | undefined): string {
	if (!isNum(v)) return MISSING;
	const a = Math.abs(v);
	const sign = v < 0 ? MINUS : '';
	if (a < 10_000) return a < 10 && a !== Math.round(a) ? sign + sig3(a) : sign + fix(0)(a);
	const units: Array<[number, string]> = [
		[1e9, 'bn'],
		[1e6, 'M'],
		[1e3, 'k']
	];
	for (let i = 0; i < units.length; i++) {
		const [size, unit] = units[i];
		if (a >= size * 0.9995 || i === units.length - 1) {
			const scaled = Number(sig3(a / size));
			// Rounding can carry into the next unit (999.96 k -> 1000 k): step up instead.
			if (scaled >= 1000 && i > 0) return `${sign}${sig3(scaled / 1000)} ${units[i - 1][1]}`;
			return `${sign}${sig3(scaled)} ${unit}`;
		}
	}
	return sign + fix(0)(a);
}

/** Money with its ISO currency code and no decimals: (-1234.5, 'EUR') -> "−EUR 1,235". */
export function formatMoney(v: number | null | undefined, currency: string, digits = 0): string {
	if (!isNum(v)) return MISSING;
	const s = fix(digits)(Math.abs(v));
	return `${v < 0 && /[1-9]/.test(s) ? MINUS : ''}${code(currency)}${s}`;
}

/** Money in short form: (1234567, 'EUR') -> "EUR 1.23 M". */
export function formatMoneyCompact(v: number | null | undefined, currency: string): string {
	if (!isNum(v)) return MISSING;
	const s = formatCompact(Math.abs(v));
	return `${v < 0 && /[1-9]/.test(s) ? MINUS : ''}${code(currency)}${s}`;
}

const code = (currency: string) => (currency ? `${currency} ` : '');

function signOf(v: number, shown: string): string {
	if (!/[1-9]/.test(shown)) return '\u00b1';
	return v < 0 ? MINUS : '+';
}

/** Money with an explicit sign, for steps and differences: "+EUR 12.3 k", "−EUR 800". */
export function formatMoneySigned(v: number | null | undefined, currency: string, compact = true): string {
	if (!isNum(v)) return MISSING;
	const a = Math.abs(v);
	const digits = compact ? formatCompact(a) : fix(0)(a);
	return `${signOf(v, digits)}${code(currency)}${digits}`;
}

export interface FormatOptions {
	/** ISO currency code for money, e.g. 'EUR'. */
	currency?: string;
	/** Short form (k / M) for counts and money; axis ticks and tight labels. */
	compact?: boolean;
	/** Decimals for fractions (as percent), ratios and plain numbers. */
	digits?: number;
}

/** Format a value by its kind (the metric kinds of metrics.ts). */
export function formatValue(v: number | null | undefined, kind: ValueKind, opts: FormatOptions = {}): string {
	switch (kind) {
		case 'fraction':
			return formatPercent(v, opts.digits ?? 1);
		case 'seconds':
			return formatSeconds(v);
		case 'money':
			return opts.compact
				? formatMoneyCompact(v, opts.currency ?? '')
				: formatMoney(v, opts.currency ?? '', opts.digits ?? 0);
		case 'count':
			return opts.compact ? formatCompact(v) : formatCount(v);
		case 'flag':
			return formatPercent(v, opts.digits ?? 0);
		case 'ratio':
			return formatNumber(v, opts.digits ?? 2);
		default:
			return opts.compact ? formatCompact(v) : formatNumber(v, opts.digits ?? 2);
	}
}

/**
 * Axis tick labels: short, without the unit when the axis title carries it (money ticks show no
 * currency code, the axis title says "Cost (EUR)"). Fractions keep their "%" so a share can
 * never be read as a count.
 */
export function formatTick(v: number, kind: ValueKind, step?: number): string {
	switch (kind) {
		case 'fraction':
		case 'flag': {
			const digits = step !== undefined && step > 0 && step * 100 < 1 ? 1 : 0;
			return formatPercent(v, digits);
		}
		case 'seconds':
			return formatSeconds(v);
		case 'money':
		case 'count':
			return formatCompact(v);
		case 'ratio':
			return step !== undefined && step >= 1 ? formatNumber(v, 0) : formatNumber(v, 1);
		default:
			return formatCompact(v);
	}
}
