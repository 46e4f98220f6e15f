import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDraft, compileScenario, draftBehaviour, intradayWeights } from '../../src/lib/core/compile';
import { DistKind } from '../../src/lib/core/engine-config';
import { parseScenario, type Scenario } from '../../src/lib/core/schema/scenario';

function load(name: string): Scenario {
	const r = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios', name), 'utf8')));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.scenario;
}
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('compile', () => {
	const s = load('ecommerce-case.json');
	const a = s.assumptions;
	const [ahtOnly, balanced] = compileScenario(s);

	it('resolves the calendar and the demand: totals match forecast x days x profiles', () => {
		expect(ahtOnly.intervalSec).toBe(1800);
		expect(ahtOnly.intervalsPerDay).toBe(24);
		expect(ahtOnly.openSec).toBe(8 * 3600);
		expect(ahtOnly.arrivalRate.length).toBe(30 * 24);
		// day-of-week profile has mean 1 over a week; 30 days = 4 weeks + 2 days (Mon, Tue)
		const dow = a.calendar.dayOfWeekProfile;
		const mean = sum(dow) / 7;
		const expectedFirst = a.demand.firstContactsPerDay * (28 + (dow[0] + dow[1]) / mean);
		expect(sum(ahtOnly.arrivalRate) * 1800).toBeCloseTo(expectedFirst * a.demand.actualToForecast, 6);
		expect(sum(ahtOnly.forecast)).toBeCloseTo(expectedFirst * a.demand.forecastContactsPerIssue, 6);
		expect(sum(intradayWeights(a))).toBeCloseTo(1, 12);
		expect(ahtOnly.spike).toBeNull();
	});

	it('shares every non-draft field between drafts (common random numbers)', () => {
		expect(balanced.arrivalRate).toEqual(ahtOnly.arrivalRate);
		expect(balanced.forecast).toEqual(ahtOnly.forecast);
		expect(balanced.intents).toEqual(ahtOnly.intents);
		expect(balanced.patience).toEqual(ahtOnly.patience);
		expect(balanced.callbackDelay).toEqual(ahtOnly.callbackDelay);
		expect(balanced.satisfaction).toEqual(ahtOnly.satisfaction);
		expect(ahtOnly.callbackDelay.mean).toBe(
			a.customers.callbackDelayHours.kind === 'lognormal' ? 20 * 3600 : NaN
		);
		expect(ahtOnly.redialDelay.kind).toBe(DistKind.EXPONENTIAL);
		expect(ahtOnly.redialDelay.mean).toBe(600);
	});

	it('turns the AHT-only scorecard into more pressure, less effort, more dumping than Balanced', () => {
		const b0 = draftBehaviour(s, 0);
		const b1 = draftBehaviour(s, 1);
		expect(b0.contract.clauses.map((c) => c.metric)).toEqual(['aht']);
		expect(b0.pressure).toBeGreaterThan(b1.pressure);
		expect(ahtOnly.effort).toBeLessThan(balanced.effort);
		expect(ahtOnly.resolutionFactor).toBeLessThan(balanced.resolutionFactor);
		expect(ahtOnly.dumpProb).toBeGreaterThan(balanced.dumpProb);
		expect(ahtOnly.qaScore).toBeLessThan(balanced.qaScore);
		// 'auto' planned AHT follows the behaviour; on the client's forecast the AHT-only vendor plans
		// fewer agents, on its own re-forecast it staffs for the repeats its rushing brings
		expect(b0.plannedAht).toBeLessThan(b1.plannedAht);
		expect(b0.plannedContactsPerIssue).toBeGreaterThan(b1.plannedContactsPerIssue);
		const client = structuredClone(s);
		client.assumptions.staffing.planningForecast = 'client';
		const [ahtClient, balancedClient] = compileScenario(client);
		expect(sum(ahtClient.agentsPlanned)).toBeLessThan(sum(balancedClient.agentsPlanned));
		expect(sum(ahtOnly.agentsPlanned)).toBeGreaterThan(sum(ahtClient.agentsPlanned));
		// the client's forecast stays in the table (volume relief and the fan charts read it)
		expect(ahtOnly.forecast).toEqual(ahtClient.forecast);
	});

	it('staffs every open interval with forecast from the Erlang plan, shrinkage and absenteeism', () => {
		for (let k = 0; k < balanced.forecast.length; k++) {
			expect(balanced.agentsRequired[k]).toBeGreaterThanOrEqual(a.staffing.minAgents);
			expect(balanced.agentsPlanned[k]).toBe(
				Math.round(balanced.agentsRequired[k] / (1 - a.staffing.absenteeism))
			);
			expect(balanced.agentsScheduled[k]).toBeCloseTo(
				balanced.agentsPlanned[k] / (1 - a.staffing.shrinkage),
				9
			);
		}
	});

	it('uses the draft SL threshold, short-abandon threshold and FCR window', () => {
		expect(balanced.slThresholdSec).toBe(20);
		expect(balanced.fcrWindowDays).toBe(7);
		expect(balanced.shortAbandonSec).toBe(s.drafts[1].shortAbandonSeconds);
	});

	it('applies the surge of the forecast-risk preset to arrivals, not to the forecast', () => {
		const r = load('forecast-risk.json');
		const c = compileDraft(r, 0);
		expect(
			(sum(c.arrivalRate) * 1800) / (sum(c.forecast) / r.assumptions.demand.forecastContactsPerIssue)
		).toBeCloseTo(1.2, 9);
	});

	it('fixed staffing and spikes', () => {
		const f = structuredClone(s);
		f.assumptions.staffing.method = 'fixed';
		f.assumptions.staffing.fixedAgents = 12;
		f.assumptions.demand.spikes = [{ day: 2, fromHour: 10, toHour: 11.25, multiplier: 3 }];
		const c = compileDraft(f, 0);
		expect(Array.from(new Set(c.agentsPlanned))).toEqual([12]);
		expect(c.spike).not.toBeNull();
		const row = (d: number, hour: number) => d * 24 + (hour - 8) * 2;
		expect(c.spike![row(2, 10)]).toBe(3);
		expect(c.spike![row(2, 10.5)]).toBe(3);
		expect(c.spike![row(2, 11)]).toBeCloseTo(1 + 2 * 0.5, 12);
		expect(c.spike![row(2, 11.5)]).toBe(1);
		expect(c.spike![row(3, 10)]).toBe(1);
	});
});
