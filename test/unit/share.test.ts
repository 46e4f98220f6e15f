import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import {
	MAX_JSON_BYTES,
	MAX_PACKED_CHARS,
	decodeShare,
	encodeShare,
	packJson,
	unpackJson
} from '../../src/lib/ui/share';

describe('share links and packed JSON', () => {
	const value = { name: 'Team 3', drafts: [{ a: 1, b: [1, 2, 3], c: 'été ✓' }] };

	it('round-trips a workspace through a share link', () => {
		const hash = '#' + encodeShare(value);
		expect(hash).toMatch(/^#w=[A-Za-z0-9_-]+$/);
		expect(decodeShare(hash)).toEqual({ ok: true, value });
		expect(decodeShare('#other=1')).toBeNull();
	});

	it('a damaged link gets a message, not an exception', () => {
		const hash = '#' + encodeShare(value);
		const broken = decodeShare(hash.slice(0, hash.length - 6));
		expect(broken?.ok).toBe(false);
		expect(broken && !broken.ok && broken.error).toMatch(/damaged, incomplete or too large/);
		expect(unpackJson('%%%')).toBeNull();
		expect(unpackJson('')).toBeNull();
	});

	it('a preset dictionary shortens text that repeats it, and is needed to read it back', () => {
		const contract = { metrics: [{ metric: 'aht', target: 360, direction: 'atMost' }], price: { rate: 4.5 } };
		const dictionary = strToU8(JSON.stringify(contract));
		const edited = { ...contract, price: { rate: 4.75 } };
		const plain = packJson(edited);
		const short = packJson(edited, { dictionary });
		expect(short.length).toBeLessThan(plain.length);
		expect(unpackJson(short, { dictionary })?.value).toEqual(edited);
		expect(unpackJson(short)?.value).not.toEqual(edited);
	});

	it('a decompression bomb is refused once its output passes the cap, with the same notice', () => {
		// 3 MB of valid JSON packs to ~3 KB; before the cap it inflated (and parsed) whole.
		const bomb = packJson({ a: ' '.repeat(3 * MAX_JSON_BYTES) });
		expect(bomb.length).toBeLessThan(MAX_PACKED_CHARS);
		expect(unpackJson(bomb)).toBeNull();
		const r = decodeShare('#w=' + bomb);
		expect(r?.ok).toBe(false);
		expect(r && !r.ok && r.error).toMatch(/too large to open.*Your own workspace is unchanged/);
		// Just under the cap still opens.
		const fits = { a: ' '.repeat(MAX_JSON_BYTES - 100) };
		expect(unpackJson(packJson(fits))?.value).toEqual(fits);
	});

	it('a link longer than the cap is not even decoded', () => {
		const long = packJson({ a: Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 100_003) });
		expect(long.length).toBeGreaterThan(MAX_PACKED_CHARS);
		expect(unpackJson(long)).toBeNull();
		expect(decodeShare('#w=' + 'A'.repeat(MAX_PACKED_CHARS + 1))?.ok).toBe(false);
	});
});
