/** The validation library's own phrasing, which users must never see (schema/messages.ts replaces it). */
export const LIBRARY_WORDING =
	/Invalid input|Invalid option|Too (small|big)|expected \w+, received|Unrecognized key|Invalid (string|number|element|key)/i;
