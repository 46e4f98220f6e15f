/**
 * Made-up data for the chart gallery (/dev/charts/): realistic shapes and magnitudes for a
 * mid-sized e-commerce contact centre, NOT simulation results. Deterministic (seeded alea), so the
 * gallery's screenshots are stable.
 */
import seedrandom from 'seedrandom';
import type { FanSeries, ReferenceLine } from '$lib/ui/charts/fan/types';
import type { DistributionSeries } from '$lib/ui/charts/histogram/layout';
import type { RepeatFlowData } from '$lib/ui/charts/repeat-flow/layout';
import type { SweepMarker, SweepSeries } from '$lib/ui/charts/sweep/types';
import type { TornadoRow } from '$lib/ui/charts/tornado/layout';
import type { WaterfallStep } from '$lib/ui/charts/waterfall/layout';

const rng = seedrandom.alea('chart-gallery');
/** Standard normal by Box-Muller. */
function normal(): number {
	const u = Math.max(1e-12, rng());
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const DAYS = 30;
const days = Array.from({ length: DAYS }, (_, i) => i + 1);
/** Day 1 is a Monday; weekends are quieter, Mondays busier. */
const dayFactor = (d: number) =>
	(d - 1) % 7 === 5 ? 0.55 : (d - 1) % 7 === 6 ? 0.45 : (d - 1) % 7 === 0 ? 1.2 : 1;

export const forecastPerDay = days.map((d) => ({ x: d, y: Math.round(2100 * dayFactor(d)) }));

function fan(base: (d: number) => number, spread: number, xs: number[] = days) {
	return xs.map((x) => {
		const m = base(x);
		return { x, median: m, p10: m * (1 - spread), p90: m * (1 + spread * 1.1) };
	});
}

export const offered: { series: FanSeries[]; references: ReferenceLine[] } = {
	series: [
		{ label: 'A: AHT-only', points: fan((d) => 2100 * dayFactor(d) * 1.11, 0.07) },
		{ label: 'B: Balanced', points: fan((d) => 2100 * dayFactor(d) * 1.03, 0.06) }
	],
	references: [{ label: 'Forecast', points: forecastPerDay }]
};

const intervals = Array.from({ length: 24 }, (_, i) => i); // 08:00-20:00 in 30-minute intervals
const intradayShape = (i: number) =>
	0.55 + 0.9 * Math.exp(-((i - 5) ** 2) / 12) + 0.6 * Math.exp(-((i - 14) ** 2) / 10);
export const agents: { series: FanSeries[]; references: ReferenceLine[] } = {
	series: [
		{
			label: 'A: agents on the phones',
			points: fan((i) => Math.round(38 * intradayShape(i) * 0.93), 0.08, intervals)
		}
	],
	references: [
		{
			label: 'Required (Erlang C)',
			points: intervals.map((i) => ({ x: i, y: Math.round(38 * intradayShape(i)) }))
		}
	]
};

export const serviceLevel: { series: FanSeries[]; references: ReferenceLine[] } = {
	series: [
		{
			label: 'A: AHT-only',
			points: days.map((d) => {
				const m = Math.min(0.97, 0.86 + 0.04 * normal() - (dayFactor(d) > 1.1 ? 0.08 : 0));
				return { x: d, median: m, p10: m - 0.07, p90: Math.min(1, m + 0.05) };
			})
		},
		{
			label: 'B: Balanced',
			points: days.map((d) => {
				const m = Math.min(0.95, 0.8 + 0.04 * normal() - (dayFactor(d) > 1.1 ? 0.1 : 0));
				return { x: d, median: m, p10: m - 0.09, p90: Math.min(1, m + 0.06) };
			})
		},
		{
			label: 'C: Outcome-based',
			points: days.map((d) => {
				const m = Math.min(0.95, 0.76 + 0.04 * normal() - (dayFactor(d) > 1.1 ? 0.1 : 0));
				return { x: d, median: m, p10: m - 0.1, p90: Math.min(1, m + 0.07) };
			})
		}
	],
	references: [{ label: 'Target', value: 0.8 }]
};

export const clientWaterfall: WaterfallStep[] = [
	{ label: 'Fees', kind: 'start', value: 1_240_000, lo: 1_228_000, hi: 1_252_000 },
	{ label: 'Service credits', kind: 'delta', value: -38_000, lo: -61_000, hi: -17_000 },
	{ label: 'Bonuses', kind: 'delta', value: 12_000, lo: 0, hi: 25_000 },
	{ label: 'Cost of repeat contacts', kind: 'delta', value: 186_000, lo: 170_000, hi: 203_000 },
	{ label: 'Lost customer value', kind: 'delta', value: 310_000, lo: 262_000, hi: 365_000 },
	{ label: "Client's total cost", kind: 'total', value: 1_710_000, lo: 1_648_000, hi: 1_771_000 }
];

export const vendorWaterfall: WaterfallStep[] = [
	{ label: 'Revenue', kind: 'start', value: 1_214_000, lo: 1_190_000, hi: 1_236_000 },
	{ label: 'Agent cost', kind: 'delta', value: -1_052_000, lo: -1_071_000, hi: -1_033_000 },
	{ label: 'Vendor margin', kind: 'total', value: 162_000, lo: 128_000, hi: 197_000 }
];

function replications(n: number, pZero: number, mean: number, sd: number): Float64Array {
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++)
		out[i] = rng() < pZero ? 0 : Math.max(500, Math.round(mean * Math.exp(sd * normal() - (sd * sd) / 2)));
	return out;
}
export const credits: DistributionSeries[] = [
	{ label: 'A: AHT-only', values: replications(400, 0.62, 38_000, 0.6) },
	{ label: 'B: Balanced', values: replications(400, 0.28, 52_000, 0.55) },
	{ label: 'C: Outcome-based', values: replications(400, 0.85, 30_000, 0.7) }
];

function margins(n: number, m: number, sd: number): Float64Array {
	return Float64Array.from({ length: n }, () => Math.round(m + sd * normal()));
}
export const vendorMargins: DistributionSeries[] = [
	{ label: 'A: AHT-only', values: margins(400, 162_000, 45_000) },
	{ label: 'B: Balanced', values: margins(400, 95_000, 60_000) }
];

export const repeatFlow: RepeatFlowData = {
	stages: [
		{ contacts: 42_000, resolved: 29_400, callbacks: 10_100, giveUps: 2_300, open: 200 },
		{ contacts: 10_100, resolved: 6_900, callbacks: 2_350, giveUps: 780, open: 70 },
		{ contacts: 2_350, resolved: 1_420, callbacks: 520, giveUps: 390, open: 20 },
		{ contacts: 520, resolved: 280, callbacks: 0, giveUps: 230, open: 10 }
	],
	churned: 1_240
};

export const tornado: { base: number; rows: TornadoRow[] } = {
	base: 1_710_000,
	rows: [
		{
			label: 'Customer lifetime value',
			low: 1_555_000,
			high: 1_865_000,
			lowSetting: 'EUR 180',
			highSetting: 'EUR 320'
		},
		{ label: 'Callback probability', low: 1_630_000, high: 1_790_000, lowSetting: '0.6', highSetting: '0.9' },
		{
			label: 'Average handle time',
			low: 1_668_000,
			high: 1_772_000,
			lowSetting: '4 min',
			highSetting: '6 min'
		},
		{
			label: 'Volume vs forecast',
			low: 1_662_000,
			high: 1_748_000,
			lowSetting: '−10 %',
			highSetting: '+10 %'
		},
		{ label: 'Absenteeism', low: 1_700_000, high: 1_731_000, lowSetting: '4 %', highSetting: '12 %' }
	]
};

const atRisk = [4, 6, 8, 10, 12, 14, 16];
export const sweep: { series: SweepSeries[]; markers: SweepMarker[] } = {
	series: [
		{
			label: 'Vendor margin',
			points: atRisk.map((x) => {
				const m = 205_000 - 6_500 * x;
				return { x, mean: m, lo: m - 21_000 - 900 * x, hi: m + 21_000 + 900 * x };
			})
		},
		{
			label: 'Service credits',
			points: atRisk.map((x) => {
				const m = 4_200 * x;
				return { x, mean: m, lo: m * 0.62, hi: m * 1.4 };
			})
		}
	],
	markers: [
		{ label: 'Draft A', x: 8, y: 205_000 - 6_500 * 8, color: 'var(--c1)' },
		{ label: 'Draft B', x: 12, y: 205_000 - 6_500 * 12, color: 'var(--c2)' }
	]
};
