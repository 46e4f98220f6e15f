/**
 * The engine's day hook (the multi-month term's month boundaries): a pause that changes nothing
 * changes no number; a pause that re-plans staffing and behaviour changes the days after it only.
 * Uses the engine's small demo config (10 days) for speed.
 */
import { describe, expect, it } from 'vitest';
import { demoConfig, simulate } from '../../src/lib/core/engine';
import { F, FIELD_COUNT } from '../../src/lib/core/fields';

const days = 10;

describe('engine day hook', () => {
	it('a pause that changes nothing changes no number', () => {
		const plain = simulate(demoConfig({ days }), 7, 3).table.slice();
		const seen: number[] = [];
		const hooked = simulate(demoConfig({ days }), 7, 3, undefined, undefined, {
			days: [4, 8],
			onDay: (day) => seen.push(day)
		}).table.slice();
		expect(seen).toEqual([4, 8]);
		expect(Array.from(hooked)).toEqual(Array.from(plain));
	});

	it('a re-plan at a pause changes only the days after it', () => {
		const ipd = demoConfig({ days }).intervalsPerDay;
		const plain = simulate(demoConfig({ days }), 7, 3).table.slice();
		const c = demoConfig({ days });
		const roster = Math.max(...c.agentsPlanned);
		c.rosterSize = Math.ceil(roster * 1.5);
		const hooked = simulate(c, 7, 3, undefined, undefined, {
			days: [5],
			onDay: (day, table) => {
				// the table holds the days before the pause, none after it
				expect(table[(day * ipd - 1) * FIELD_COUNT + F.OFFERED]).toBeGreaterThan(0);
				expect(table[day * ipd * FIELD_COUNT + F.OFFERED]).toBe(0);
				for (let k = day * ipd; k < c.agentsPlanned.length; k++) {
					c.agentsPlanned[k] = Math.min(c.rosterSize!, Math.round(c.agentsPlanned[k] * 1.3));
					c.agentsRequired[k] *= 1.3;
				}
				c.effort = 1;
			}
		}).table.slice();
		// the days before the pause are identical (fields written at the time; some fields, such as
		// repeats within the FCR window, are written back into the row of an earlier contact)
		for (let k = 0; k < 5 * ipd; k++)
			for (const f of [
				F.OFFERED,
				F.ANSWERED_WITHIN_T,
				F.ABANDONED,
				F.HANDLED,
				F.HANDLE_SUM,
				F.AGENTS_ON_PHONES
			])
				expect(hooked[k * FIELD_COUNT + f]).toBe(plain[k * FIELD_COUNT + f]);
		const after = (from: Float64Array, f: number) => {
			let s = 0;
			for (let k = 5 * ipd; k < days * ipd; k++) s += from[k * FIELD_COUNT + f];
			return s;
		};
		expect(after(hooked, F.AGENTS_REQUIRED)).toBeCloseTo(after(plain, F.AGENTS_REQUIRED) * 1.3, 6);
		// more agents at full effort: more answered within the threshold, longer handle times
		expect(after(hooked, F.ANSWERED_WITHIN_T)).toBeGreaterThan(after(plain, F.ANSWERED_WITHIN_T));
		expect(after(hooked, F.HANDLE_SUM) / after(hooked, F.HANDLED)).toBeGreaterThan(
			after(plain, F.HANDLE_SUM) / after(plain, F.HANDLED)
		);
	});
});
