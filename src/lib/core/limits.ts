/**
 * The engine's memory caps. One replication keeps state per open customer issue (waiting, in
 * service or due to call back: about 200 bytes in typed arrays), per pending event, per agent and
 * per planned QA evaluation. A valid scenario can ask for far more than a machine holds (10^8 first
 * contacts a day to a centre whose queue never empties), so each of these stops at a stated cap and
 * the run fails with a CapacityError saying what to lower, instead of growing until the machine
 * runs out of memory. At the caps one replication holds about 400 MB at most.
 */

/** Customer issues open at once in one replication: ~200 MB of engine state (x1.5 while the arrays double). */
export const MAX_OPEN_ISSUES = 1 << 20;
/** Pending events (abandon timers, call-backs, ends of service, interval boundaries): 20 bytes each. */
export const MAX_EVENTS = 1 << 22;
/** Agents on the roster (the most on the phones in any interval). */
export const MAX_AGENTS = 200_000;
/** Planned QA evaluations over the horizon, all agents together (8 bytes each). */
export const MAX_QA_EVALUATIONS = 1 << 23;

/** A replication needed more memory than the caps above allow; the message says what to lower. */
export class CapacityError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CapacityError';
	}
}

const n = (x: number) => x.toLocaleString('en-US');

export const capacityMessages = {
	openIssues: () =>
		`more than ${n(MAX_OPEN_ISSUES)} customers were waiting, in service or due to call back at the same time, ` +
		'the most a simulation can hold: the centre is far too small for its traffic, or the traffic too large to simulate. ' +
		'Lower the first contacts per day, or staff the centre so that its queue does not grow without end.',
	events: () =>
		`more than ${n(MAX_EVENTS)} events (abandonments, call-backs, ends of service) were pending at the same time, ` +
		'the most a simulation can hold. Lower the first contacts per day, or shorten customers’ patience.',
	agents: (agents: number) =>
		`the vendor's plan puts ${n(agents)} agents on the phones, more than the ${n(MAX_AGENTS)} one simulation can hold. ` +
		'Lower the first contacts per day or the fixed number of agents.',
	qa: (evaluations: number) =>
		`the plan has ${n(evaluations)} QA evaluations over the horizon, more than the ${n(MAX_QA_EVALUATIONS)} one simulation can hold. ` +
		'Lower the QA evaluations per agent per month, the number of days, or the number of agents.'
};
