import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * A share link carries the whole workspace in the URL fragment (never sent to a server):
 * `#w=<base64url(deflate(JSON))>`. fflate does the compression: small, fast, no dependencies.
 */
const PREFIX = 'w=';

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

export function encodeShare(value: unknown): string {
	return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

/** Decode a fragment made by encodeShare; returns the parsed JSON or an error a user can read. */
export function decodeShare(
	hash: string
): { ok: true; value: unknown } | { ok: false; error: string } | null {
	const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
	if (!fragment.startsWith(PREFIX)) return null;
	try {
		const json = strFromU8(inflateSync(fromBase64Url(fragment.slice(PREFIX.length))));
		return { ok: true, value: JSON.parse(json) };
	} catch {
		return {
			ok: false,
			error:
				'This share link is damaged or incomplete (it could not be decompressed). Ask for the link again.'
		};
	}
}
