/** The engine's memory caps (limits.ts): a valid scenario too large to simulate stops with a clear error. */
import { describe, expect, it } from 'vitest';
import { simulate, textbookConfig } from '../../src/lib/core/engine';
import { CapacityError, MAX_AGENTS } from '../../src/lib/core/limits';
import { EventHeap } from '../../src/lib/core/heap';

describe('engine memory caps', () => {
	it('a queue that grows without end (patience never, 1e8 contacts an hour, 1 agent) stops at the open-issue cap', () => {
		// Before the cap this grew by ~200 bytes per waiting customer until the process ran out of memory.
		const c = textbookConfig({ arrivalsPerHour: 1e8, agents: 1, ahtSec: 180, targetSec: 20, hours: 2 });
		expect(() => simulate(c, 'cap', 0)).toThrow(CapacityError);
		expect(() => simulate(c, 'cap', 0)).toThrow(
			/more than 1,048,576 customers .* Lower the first contacts per day/
		);
	});

	it('a roster larger than the cap is refused before anything is allocated for it', () => {
		const c = textbookConfig({
			arrivalsPerHour: 10,
			agents: MAX_AGENTS + 1,
			ahtSec: 180,
			targetSec: 20,
			hours: 1
		});
		expect(() => simulate(c, 'cap', 0)).toThrow(/agents on the phones, more than the 200,000/);
	});

	it('the event calendar stops at its limit with the error it was given', () => {
		const h = new EventHeap(2, 4, () => new CapacityError('full'));
		for (let i = 0; i < 4; i++) h.push(i, i);
		expect(() => h.push(5, 5)).toThrow('full');
	});
});
