/** Input a user gives the app or the CLI: binary or non-UTF-8 files, long text, and the project's wording. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonFromBytes } from '../../src/lib/input/json-text';
import { parseScenario } from '../../src/lib/core/schema/scenario';
import { sim, tempDir } from './cli-helpers';
import { LIBRARY_WORDING } from './wording';

const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
]);
const preset = () => JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8'));

describe('files that are not JSON text', () => {
	it('binary data is refused without quoting it', () => {
		const r = jsonFromBytes(PNG, 'logo.png');
		expect(r.ok).toBe(false);
		const msg = !r.ok ? r.error : '';
		expect(msg).toMatch(/^logo\.png is not a text file/);
		expect(msg).not.toMatch(/PNG|IHDR/);
		// eslint-disable-next-line no-control-regex
		expect(msg).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
	});

	it('text that is not UTF-8 is refused', () => {
		const r = jsonFromBytes(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]));
		expect(!r.ok && r.error).toMatch(/not UTF-8 text/);
	});

	it('bad JSON says where, not what', () => {
		const r = jsonFromBytes(new TextEncoder().encode('{\n  "secret": 1,\n}'));
		expect(!r.ok && r.error).toBe('The file is not valid JSON (the error is at line 3, column 1).');
		const s = jsonFromBytes(new TextEncoder().encode('password123'));
		expect(!s.ok && s.error).toBe('The file is not valid JSON.');
	});

	it('sim run on a binary file exits 2 with a message that echoes nothing of it', async () => {
		const file = join(await tempDir('sim-binary-'), 'logo.png');
		await writeFile(file, PNG);
		const r = await sim(['run', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/logo\.png is not a text file/);
		expect(r.stderr).not.toMatch(/PNG|IHDR/);
		// eslint-disable-next-line no-control-regex
		expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
	});
});

describe('validation messages are the project’s', () => {
	it('a 1 MB seed and an over-long name are refused', () => {
		const s = preset();
		s.seed = 'x'.repeat(1_000_000);
		s.drafts[0].name = 'n'.repeat(61);
		const r = parseScenario(s);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors).toEqual([
			{ path: 'seed', message: 'must be at most 200 characters' },
			{ path: 'drafts.0.name', message: 'must be at most 60 characters' }
		]);
	});

	it('wrong types, sizes and forms anywhere read "must be ..." or "is required ..."', () => {
		const s = preset();
		s.assumptions.calendar = 5;
		s.drafts[0].metrics = 'none';
		s.drafts[1].metrics = [{}];
		s.assumptions.intents = [];
		s.assumptions.demand.spikes = [{ day: 0.5, fromHour: -1, toHour: 30, multiplier: 'x' }];
		s.replications = [];
		const r = parseScenario(s);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.length).toBeGreaterThan(5);
		for (const e of r.errors) {
			expect(e.path, e.message).not.toBe('');
			expect(e.message).not.toMatch(LIBRARY_WORDING);
		}
		expect(r.errors).toContainEqual({ path: 'drafts.0.metrics', message: 'must be a list' });
		expect(r.errors).toContainEqual({ path: 'assumptions.calendar', message: 'must be an object' });
	});

	it('a field name from the file is shortened and its control characters hidden in the path', () => {
		const s = preset();
		s['\u0007' + 'k'.repeat(500)] = 1;
		const r = parseScenario(s);
		expect(!r.ok && r.errors[0].path).toMatch(/^\?k{58}…$/);
	});
});
