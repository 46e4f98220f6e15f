import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * A share link carries the whole workspace in the URL fragment (never sent to a server):
 * `#w=<base64url(deflate(JSON))>`. fflate does the compression: small, fast, no dependencies.
 *
 * `packJson` / `unpackJson` are the one way the app turns JSON into link-safe text and back (share
 * links, and the workshop's team brief and entry codes). A preset dictionary (the text the payload
 * most likely repeats, e.g. the contract a team started from) makes the result much shorter; the
 * same dictionary must be given to unpack it.
 */
const PREFIX = 'w=';

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

/** The JSON packed by packJson, or null when the text is damaged, incomplete or not JSON. */
export function unpackJson(text: string, opts: PackOptions = {}): { value: unknown } | null {
	try {
		const json = strFromU8(inflateSync(fromBase64Url(text.trim()), { dictionary: opts.dictionary }));
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
		error: 'This share link is damaged or incomplete (it could not be decompressed). Ask for the link again.'
	};
}
