import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * A share link carries the whole workspace in the URL fragment (never sent to a server):
 * `#w=<base64url(deflate(JSON))>`. fflate does the compression: small, fast, no dependencies.
 *
 * `packJson` / `unpackJson` are the one way the app turns JSON into link-safe text and back (share
 * links, and the workshop's team brief and entry codes). A preset dictionary (the text the payload
 * most likely repeats, e.g. the contract a team started from) makes the result much shorter; the
 * same dictionary must be given to unpack it.
 *
 * A link is input from anyone: a few kilobytes of deflate can inflate to hundreds of megabytes (a
 * decompression bomb). So the packed text is capped at MAX_PACKED_CHARS, and it is inflated in small
 * steps that stop as soon as the output passes MAX_JSON_BYTES; either way the link reads as damaged
 * or too large, and nothing else happens.
 */
const PREFIX = 'w=';

/** The longest packed text read: a full four-draft scenario packs to a few kilobytes. */
export const MAX_PACKED_CHARS = 100_000;
/** The largest JSON a packed text may inflate to: a scenario's text is far below 1 MB. */
export const MAX_JSON_BYTES = 1_000_000;
/** Compressed bytes inflated per step: deflate expands a byte to at most ~1,032, so a step outputs at most ~1 MB. */
const STEP_BYTES = 1024;

export interface PackOptions {
	/** Deflate's preset dictionary: the same bytes must be given to unpackJson. */
	dictionary?: Uint8Array;
}

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

/** JSON as link-safe text: base64url(deflate(JSON)). */
export function packJson(value: unknown, opts: PackOptions = {}): string {
	return toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9, dictionary: opts.dictionary }));
}

class TooLarge extends Error {}

/** Inflate `packed` in STEP_BYTES steps, stopping (TooLarge) once the output passes MAX_JSON_BYTES. */
function inflateCapped(packed: Uint8Array, dictionary?: Uint8Array): Uint8Array {
	const parts: Uint8Array[] = [];
	let size = 0;
	let ended = false;
	const inflate = new Inflate({ dictionary }, (chunk, final) => {
		size += chunk.length;
		if (size > MAX_JSON_BYTES) throw new TooLarge();
		parts.push(chunk);
		if (final) ended = true;
	});
	for (let i = 0; i < packed.length; i += STEP_BYTES) {
		const end = Math.min(packed.length, i + STEP_BYTES);
		inflate.push(packed.subarray(i, end), end === packed.length);
	}
	if (!ended) throw new Error('incomplete');
	const out = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/**
 * The JSON packed by packJson, or null when the text is damaged, incomplete, not JSON, longer than
 * MAX_PACKED_CHARS or inflates past MAX_JSON_BYTES.
 */
export function unpackJson(text: string, opts: PackOptions = {}): { value: unknown } | null {
	const trimmed = text.trim();
	if (trimmed.length === 0 || trimmed.length > MAX_PACKED_CHARS) return null;
	try {
		const json = strFromU8(inflateCapped(fromBase64Url(trimmed), opts.dictionary));
		return { value: JSON.parse(json) };
	} catch {
		return null;
	}
}

export function encodeShare(value: unknown): string {
	return PREFIX + packJson(value);
}

/** Decode a fragment made by encodeShare; returns the parsed JSON or an error a user can read. */
export function decodeShare(
	hash: string
): { ok: true; value: unknown } | { ok: false; error: string } | null {
	const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
	if (!fragment.startsWith(PREFIX)) return null;
	const unpacked = unpackJson(fragment.slice(PREFIX.length));
	if (unpacked) return { ok: true, value: unpacked.value };
	return {
		ok: false,
		error:
			'This share link is damaged, incomplete or too large to open, so it was not opened. Your own workspace is unchanged. Ask for the link again.'
	};
}
