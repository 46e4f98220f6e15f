/**
 * The engine's fast path (engine-textbook.ts) writes the same numbers, bit for bit, as the general
 * event loop on every config it takes, and declines configs with a mechanism it leaves out.
 */
import { describe, expect, it } from 'vitest';
import { simulate, simulateGeneral, takesTextbookPath, textbookConfig } from '../../src/lib/core/engine';
import type { EngineConfig } from '../../src/lib/core/engine-config';
import { deterministic, exponential, gamma, lognormal, never } from '../../src/lib/core/distributions';

const erlangA = () =>
	textbookConfig({
		arrivalsPerHour: 432,
		agents: 40,
		ahtSec: 300,
		patienceSec: 180,
		targetSec: 20,
		hours: 40
	});

/** Every number `simulate` returns, the table's bytes included. */
function outcome(r: ReturnType<typeof simulate>) {
	return {
		table: Buffer.from(r.table.buffer, r.table.byteOffset, r.table.byteLength).toString('base64'),
		contacts: r.contacts,
		waitingAtEnd: r.waitingAtEnd,
		inServiceAtEnd: r.inServiceAtEnd,
		issues: r.issues,
		events: r.events,
		endTime: r.endTime,
		openAfterAttempt: Array.from(r.openAfterAttempt)
	};
}

function expectSameAsGeneral(c: EngineConfig, reps = 2): void {
	expect(takesTextbookPath(c)).toBe(true);
	for (let rep = 0; rep < reps; rep++) {
		const fast = outcome(simulate(c, 'fast-path', rep));
		const general = outcome(simulateGeneral(c, 'fast-path', rep));
		expect(fast).toEqual(general);
	}
}

describe('engine fast path (one day, mechanisms off)', () => {
	it('Erlang A and Erlang C: the same table and counts as the general loop', () => {
		expectSameAsGeneral(erlangA());
		expectSameAsGeneral(
			textbookConfig({
				arrivalsPerHour: 400,
				agents: 38,
				ahtSec: 300,
				targetSec: 20,
				hours: 30,
				intervalSec: 1800
			})
		);
	});

	it('lognormal work, fixed after-call work, satisfaction penalties, busyness and spikes, a larger roster', () => {
		const c = erlangA();
		const rows = c.agentsPlanned.length;
		c.intents = [
			{ name: 'x', share: 1, work: lognormal(260, 0.7), acw: deterministic(30), resolvability: 1.2 }
		];
		c.patience = lognormal(150, 1.1);
		c.effort = 0.9;
		c.resolutionFactor = 0.9;
		c.satisfaction = { ...c.satisfaction, base: 0.95, waitPenaltyPerMin: 0.05, rushPenalty: 0.4 };
		c.qaScore = 0.8;
		c.busynessCV = 0.2;
		c.spike = new Float64Array(rows).map((_, k) => (k % 7 === 3 ? 1.8 : 1));
		c.shortAbandonSec = 5;
		c.rosterSize = 55;
		expectSameAsGeneral(c);
	});

	it('an overloaded queue that grows the calendar, the queue ring and the issue arrays', () => {
		const patient = textbookConfig({
			arrivalsPerHour: 7200,
			agents: 100,
			ahtSec: 300,
			patienceSec: 3600,
			targetSec: 20,
			hours: 3
		});
		expectSameAsGeneral(patient, 1);
		const endless = textbookConfig({ arrivalsPerHour: 600, agents: 5, ahtSec: 300, targetSec: 20, hours: 8 });
		endless.patience = never();
		expectSameAsGeneral(endless, 1);
	});

	it('declines configs with a mechanism it leaves out', () => {
		const declines = (change: (c: EngineConfig) => void) => {
			const c = erlangA();
			change(c);
			return !takesTextbookPath(c);
		};
		expect(declines((c) => (c.maxAttempts = 2))).toBe(true);
		expect(declines((c) => (c.surveyRate = 0.1))).toBe(true);
		expect(declines((c) => (c.dumpProb = 0.01))).toBe(true);
		expect(declines((c) => (c.absenteeism = 0.05))).toBe(true);
		expect(declines((c) => (c.speedSpread = 0.2))).toBe(true);
		expect(declines((c) => (c.patience = gamma(180, 0.5)))).toBe(true);
		expect(declines((c) => (c.intents[0].acw = exponential(30)))).toBe(true);
		expect(declines((c) => (c.intents[0].resolvability = 0.9))).toBe(true);
		expect(declines((c) => (c.churnOnAbandon = 0.1))).toBe(true);
		expect(declines((c) => (c.agentsPlanned[3] = 41))).toBe(true);
		expect(declines((c) => (c.qaEvalsPerAgentMonth = 4))).toBe(true);
		expect(declines(() => {})).toBe(false);
	});
});
