import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { decodeShare, encodeShare, packJson, unpackJson } from '../../src/lib/ui/share';

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
		expect(broken && !broken.ok && broken.error).toMatch(/damaged or incomplete/);
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
});
