/**
 * Layout of the engine's streamed statistics: one row of `FIELD_COUNT` float64 per interval,
 * stored flat in a Float64Array (row-major: interval * FIELD_COUNT + field).
 *
 * Attribution rule: a contact's arrival-side counts (offered, answered, answered within T,
 * abandoned, waits) go to the interval it ARRIVED in (the contract convention for SL);
 * handling-side counts (handled, handle time, resolved, surveys, QA) go to the interval it was
 * ANSWERED in; REPEAT_WITHIN_N goes back to the interval of the earlier handled contact that was
 * followed by a repeat of the same issue within the FCR window.
 *
 * Owned by the engine; read by the contract evaluation, the statistics and the UI.
 * Add fields at the end only, and document each one.
 */
export const F = {
	/** The client's forecast of offered contacts for this interval (first contacts + expected repeats). */
	FORECAST: 0,
	/** Contacts that arrived (all kinds). */
	OFFERED: 1,
	/** Of OFFERED: first contact of a new customer issue. */
	OFFERED_FIRST: 2,
	/** Of OFFERED: callback after an unresolved handled contact (a repeat contact). */
	OFFERED_REPEAT: 3,
	/** Of OFFERED: redial after abandoning. */
	OFFERED_REDIAL: 4,
	/** Contacts answered by an agent. */
	ANSWERED: 5,
	/** Of ANSWERED: answered with wait <= the SL threshold T. */
	ANSWERED_WITHIN_T: 6,
	/** Contacts that waited more than zero seconds (answered or abandoned). */
	WAITED: 7,
	/** Contacts that abandoned (all, including short abandons). */
	ABANDONED: 8,
	/** Of ABANDONED: abandoned with wait < the short-abandon threshold. */
	ABANDONED_SHORT: 9,
	/** Of ABANDONED: abandoned with wait <= T (needed for some SL definitions). */
	ABANDONED_WITHIN_T: 10,
	/** Sum of waits of answered contacts, seconds. */
	WAIT_SUM_ANSWERED: 11,
	/** Sum of waits of abandoned contacts, seconds. */
	WAIT_SUM_ABANDONED: 12,
	/** Contacts whose handling ended (talk + after-call work). */
	HANDLED: 13,
	/** Sum of handle times (talk + ACW), seconds. */
	HANDLE_SUM: 14,
	/** Sum of squared handle times, seconds^2 (for the AHT's spread). */
	HANDLE_SUMSQ: 15,
	/** Of HANDLED: the issue was truly resolved on this contact. */
	RESOLVED: 16,
	/** Of HANDLED: the contact was dumped (released/transferred/deflected, short, unresolved). */
	DUMPED: 17,
	/** Of HANDLED: the same issue contacted again within the contract's FCR window (N days). */
	REPEAT_WITHIN_N: 18,
	/** Of HANDLED: contacts whose attempt number is > 1 (the contact itself is a repeat). */
	HANDLED_REPEAT: 19,
	/** Sum over handled contacts of the true probability of a satisfied customer (true CSAT numerator). */
	SAT_PROB_SUM: 20,
	/** Surveys returned (a random sample of handled contacts). */
	SURVEYS: 21,
	/** Of SURVEYS: satisfied answers (measured CSAT numerator). */
	SURVEYS_SATISFIED: 22,
	/** QA evaluations done (random sample of each agent's contacts). */
	QA_EVALS: 23,
	/** Sum of QA scores (each 0..1) of those evaluations. */
	QA_SCORE_SUM: 24,
	/** Sum over handled contacts of the true expected QA score (true QA numerator). */
	QA_TRUE_SUM: 25,
	/** Agents the vendor's plan requires on the phones (before shrinkage and policy). */
	AGENTS_REQUIRED: 26,
	/** Agents scheduled (paid): required / (1 - shrinkage) x policy factor, or fixed. */
	AGENTS_SCHEDULED: 27,
	/** Agents actually on the phones after shrinkage and absenteeism. */
	AGENTS_ON_PHONES: 28,
	/** Agent-seconds available on the phones during the interval (incl. overtime to finish contacts). */
	STAFFED_SECONDS: 29,
	/** Agent-seconds busy (talk + ACW) during the interval. */
	BUSY_SECONDS: 30,
	/** Time integral of the queue length over the interval (contact-seconds). */
	QUEUE_AREA: 31,
	/** Customer issues that ended in a give-up (max attempts reached or gave up unresolved). */
	GIVE_UPS: 32,
	/** Of GIVE_UPS: customers who churned. */
	CHURNED: 33,
	/** Customer issues resolved (counted on the resolving contact). */
	ISSUES_RESOLVED: 34,
	/** Sum of the contact attempt numbers of handled contacts (1 = first contact). */
	ATTEMPT_SUM: 35,
	/** Of HANDLED: the first handled contact of its customer issue (issues that reached an agent). */
	ISSUES_HANDLED: 36,

	// ---- The repeat loop by stage (for the flow view) ----
	// Stage k of an issue = its k-th HANDLED contact: the k-th time the issue reaches an agent and the
	// contact ends. Only handled contacts count, so abandons and redials in between do not shift it
	// (unlike ATTEMPT_SUM, which counts every contact). Four buckets: k = 1, 2, 3 and 4+ (all k >= 4).
	// All four kinds of field go to the interval the stage-k contact was ANSWERED in. Per stage:
	//   HANDLED_ATTEMPT_k = RESOLVED_ATTEMPT_k + CALLBACK_AFTER_k + GIVEUP_AFTER_k + (still open at the end),
	// where "still open" = after the unresolved stage-k contact the issue had neither another handled
	// contact nor a give-up when the simulation ended (a callback pending, censored past the horizon, or
	// the next contact waiting or in service). Hence CALLBACK_AFTER_k = HANDLED_ATTEMPT_(k+1) for k = 1, 2
	// and CALLBACK_AFTER_3 + CALLBACK_AFTER_4 = HANDLED_ATTEMPT_4; the sum of GIVEUP_AFTER_k is GIVE_UPS
	// minus the give-ups of issues that never reached an agent. CHURNED_AFTER_k (added later, at the end) is
	// the churned part of GIVEUP_AFTER_k, same stage and row.
	/** Of HANDLED: handled contacts at stage 1 (the issue's first handled contact; equals ISSUES_HANDLED). */
	HANDLED_ATTEMPT_1: 37,
	/** Of HANDLED: handled contacts at stage 2 (the issue's second handled contact). */
	HANDLED_ATTEMPT_2: 38,
	/** Of HANDLED: handled contacts at stage 3. */
	HANDLED_ATTEMPT_3: 39,
	/** Of HANDLED: handled contacts at stage 4 or later. */
	HANDLED_ATTEMPT_4: 40,
	/** Of HANDLED_ATTEMPT_1: resolved. */
	RESOLVED_ATTEMPT_1: 41,
	/** Of HANDLED_ATTEMPT_2: resolved. */
	RESOLVED_ATTEMPT_2: 42,
	/** Of HANDLED_ATTEMPT_3: resolved. */
	RESOLVED_ATTEMPT_3: 43,
	/** Of HANDLED_ATTEMPT_4: resolved. */
	RESOLVED_ATTEMPT_4: 44,
	/**
	 * Of HANDLED_ATTEMPT_1, unresolved: the customer came back and reached an agent again (the issue's next
	 * handled contact ended; it may be the callback itself or a redial after the callback was abandoned).
	 * Counted when that next contact ends, in the row of the stage-1 contact.
	 */
	CALLBACK_AFTER_1: 45,
	/** As CALLBACK_AFTER_1, after a stage-2 contact. */
	CALLBACK_AFTER_2: 46,
	/** As CALLBACK_AFTER_1, after a stage-3 contact. */
	CALLBACK_AFTER_3: 47,
	/** As CALLBACK_AFTER_1, after a contact at stage 4 or later. */
	CALLBACK_AFTER_4: 48,
	/**
	 * Of HANDLED_ATTEMPT_1, unresolved: the issue ended in a give-up (GIVE_UPS, churned or not) before any
	 * further handled contact: no callback (decision or attempt cap), or the callback and its redials were
	 * all abandoned. Counted when the give-up happens, in the row of the stage-1 contact.
	 */
	GIVEUP_AFTER_1: 49,
	/** As GIVEUP_AFTER_1, after a stage-2 contact. */
	GIVEUP_AFTER_2: 50,
	/** As GIVEUP_AFTER_1, after a stage-3 contact. */
	GIVEUP_AFTER_3: 51,
	/** As GIVEUP_AFTER_1, after a contact at stage 4 or later. */
	GIVEUP_AFTER_4: 52,
	/**
	 * Of GIVEUP_AFTER_1: the customer churned (the same churn decision as CHURNED). Counted with the give-up,
	 * in the row of the stage-1 contact. The sum of CHURNED_AFTER_k is CHURNED minus the churn of issues
	 * that never reached an agent.
	 */
	CHURNED_AFTER_1: 53,
	/** Of GIVEUP_AFTER_2: the customer churned. */
	CHURNED_AFTER_2: 54,
	/** Of GIVEUP_AFTER_3: the customer churned. */
	CHURNED_AFTER_3: 55,
	/** Of GIVEUP_AFTER_4: the customer churned. */
	CHURNED_AFTER_4: 56
} as const;

/** Number of fields per interval row (= the number of entries of `F`). */
export const FIELD_COUNT = 57;

/** Number of stage buckets of the repeat-loop fields (stages 1, 2, 3 and 4+). */
export const ATTEMPT_BUCKETS = 4;

export type FieldName = keyof typeof F;
export const FIELD_NAMES = Object.keys(F) as FieldName[];

/** Sum rows [from, to) of a flat interval table into `out` (length FIELD_COUNT). */
export function sumRows(table: Float64Array, from: number, to: number, out: Float64Array): Float64Array {
	out.fill(0);
	for (let r = from; r < to; r++) {
		const base = r * FIELD_COUNT;
		for (let f = 0; f < FIELD_COUNT; f++) out[f] += table[base + f];
	}
	return out;
}
