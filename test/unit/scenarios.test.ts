/**
 * The presets tell the stories they are documented to tell, as outcomes of the simulation
 * (never set by a draft): fixed seeds, a handful of replications, claims judged by paired 95 %
 * intervals on common random numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';
import { prepareScenario, runReplication } from '../../src/lib/core/replication';
import { RunAccumulator, type RunSummary } from '../../src/lib/core/stats';
import { METRIC_COUNT, METRIC_INDEX, type MetricKey } from '../../src/lib/core/metrics';

function load(name: string): Scenario {
	const parsed = parseScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

function run(s: Scenario, reps: number): RunSummary {
	const prep = prepareScenario(s);
	const acc = new RunAccumulator(s.drafts.length, METRIC_COUNT);
	for (let rep = 0; rep < reps; rep++) acc.add({ rep, ...runReplication(prep, rep) });
	return acc.summary();
}

const mean = (s: RunSummary, d: number, k: MetricKey) => s.drafts[d].metrics[METRIC_INDEX[k]].mean;
/** Paired difference b - a with its 95 % interval. */
const diff = (s: RunSummary, k: MetricKey) => s.pairs[0].metrics[METRIC_INDEX[k]];

describe('ecommerce-case.json: the story of seed 000', () => {
	const s = load('ecommerce-case');
	const summary = run(s, 6);
	const [a, b] = [0, 1];

	it('has the drafts AHT-only and Balanced', () => {
		expect(s.drafts.map((d) => d.name)).toEqual(['AHT-only', 'Balanced']);
	});

	it(`AHT-only has a lower AHT, more repeats and a lower CSAT than Balanced, while meeting its own SLA`, () => {
		const figures = {
			aht: [mean(summary, a, 'aht'), mean(summary, b, 'aht')],
			repeatContactRate: [mean(summary, a, 'repeatContactRate'), mean(summary, b, 'repeatContactRate')],
			csat: [mean(summary, a, 'csat'), mean(summary, b, 'csat')],
			slaMetAhtOnly: mean(summary, a, 'slaMet')
		};
		// Balanced - AHT-only, paired on the same customers: each interval must exclude zero.
		expect(diff(summary, 'aht').ci95[0], JSON.stringify(figures)).toBeGreaterThan(0);
		expect(diff(summary, 'repeatContactRate').ci95[1], JSON.stringify(figures)).toBeLessThan(0);
		expect(diff(summary, 'csat').ci95[0], JSON.stringify(figures)).toBeGreaterThan(0);
		expect(figures.slaMetAhtOnly, JSON.stringify(figures)).toBe(1);
	});

	it('flags AHT-only as a watermelon (SLA met, customers below the floor) and not Balanced', () => {
		expect(mean(summary, a, 'watermelon')).toBe(1);
		expect(mean(summary, b, 'watermelon')).toBe(0);
	});
});

describe('forecast-risk.json: volume relief under a 20 % surge', () => {
	const s = load('forecast-risk');
	const summary = run(s, 6);
	it('the draft with volume relief owes no more credits than the one without, on the same customers', () => {
		const names = s.drafts.map((d) => d.volumeRelief.enabled);
		const withRelief = names.indexOf(true);
		const without = names.indexOf(false);
		expect(withRelief).toBeGreaterThanOrEqual(0);
		expect(without).toBeGreaterThanOrEqual(0);
		expect(mean(summary, withRelief, 'credits')).toBeLessThanOrEqual(mean(summary, without, 'credits'));
		expect(mean(summary, 0, 'offered')).toBeGreaterThan(1.1 * mean(summary, 0, 'forecast'));
	});
});

describe('more speed pressure never raises FCR or CSAT (simulation, common random numbers)', () => {
	it('coaching bias -0.6, 0, 0.4, 0.8 on the same customers: true FCR and true CSAT fall', () => {
		const base = load('ecommerce-case');
		const biases = [-0.6, 0, 0.4, 0.8];
		const s: Scenario = {
			...base,
			drafts: biases.map((bias, i) => ({
				...base.drafts[1],
				name: `bias ${i}`,
				vendor: { ...base.drafts[1].vendor, coachingSpeedBias: bias }
			}))
		};
		const summary = run(s, 3);
		const fcr = biases.map((_, d) => mean(summary, d, 'fcrTrue'));
		const csat = biases.map((_, d) => mean(summary, d, 'csatTrue'));
		for (let d = 1; d < biases.length; d++) {
			expect(fcr[d], `true FCR by bias: ${fcr.join(', ')}`).toBeLessThanOrEqual(fcr[d - 1]);
			expect(csat[d], `true CSAT by bias: ${csat.join(', ')}`).toBeLessThanOrEqual(csat[d - 1]);
		}
		expect(fcr[biases.length - 1]).toBeLessThan(fcr[0] - 0.02);
	});
});
