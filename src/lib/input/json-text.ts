/**
 * A file a user gives the app or the CLI (a scenario to import or run) as JSON, refusing what is
 * not a scenario file before anything is shown of it: too large, binary or not UTF-8 text, or not
 * JSON. The messages name the rule and where it broke (line and column), never the file's content:
 * a binary file must not be echoed to a terminal or a page.
 */

/** The largest input file read: a scenario's JSON is a few tens of kilobytes. */
export const MAX_INPUT_BYTES = 5_000_000;

export type JsonText = { ok: true; value: unknown } | { ok: false; error: string };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
	let line = 1;
	let start = 0;
	for (let i = 0; i < offset && i < text.length; i++)
		if (text.charCodeAt(i) === 10) {
			line++;
			start = i + 1;
		}
	return `line ${line}, column ${offset - start + 1}`;
}

/** The refusal of a file of `bytes` bytes when it is larger than MAX_INPUT_BYTES, else null. */
export function tooLarge(bytes: number, what = 'The file'): string | null {
	return bytes > MAX_INPUT_BYTES
		? `${what} is too large for a scenario file (${(bytes / 1e6).toFixed(1)} MB; at most ${MAX_INPUT_BYTES / 1e6} MB).`
		: null;
}

/** Bytes of a file as JSON; `what` names it in the messages ("The file", "scenario.json"). */
export function jsonFromBytes(bytes: Uint8Array, what = 'The file'): JsonText {
	const large = tooLarge(bytes.length, what);
	if (large) return { ok: false, error: large };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return {
			ok: false,
			error: `${what} is not a text file (it is not UTF-8 text; it looks like binary data).`
		};
	}
	// C0 control characters other than tab, line feed and carriage return do not occur in a text file.
	// eslint-disable-next-line no-control-regex -- looking for exactly these characters
	const control = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
	if (control >= 0)
		return {
			ok: false,
			error: `${what} is not a text file (it has a control character at ${lineColumn(text, control)}; it looks like binary data).`
		};
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (err) {
		const at = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
		const where = at
			? ` (the error is at ${lineColumn(text, Number(at[1]))})`
			: text.trim() === ''
				? ' (it is empty)'
				: '';
		return { ok: false, error: `${what} is not valid JSON${where}.` };
	}
}
