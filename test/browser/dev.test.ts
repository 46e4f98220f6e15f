import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers';

// The README's first quick-start line runs the dev server: prove the worker pipeline runs there too.
const PORT = 5187;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
	server = spawn('npx', ['vite', 'dev', '--port', String(PORT), '--strictPort'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	await new Promise<void>((ok, fail) => {
		const timer = setTimeout(() => fail(new Error('vite dev did not start in 60 s')), 60_000);
		server.stdout!.on('data', (d: Buffer) => {
			if (d.toString().includes(String(PORT))) {
				clearTimeout(timer);
				ok();
			}
		});
	});
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	if (server?.pid) process.kill(-server.pid);
});

describe('npm run dev', () => {
	it('serves the app, whose workers answer and run the default scenario', async () => {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(`http://localhost:${PORT}/`);
		await page.waitForSelector('[data-testid="worker-status"][data-status="ready"]', { timeout: 90_000 });
		await page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 120_000 });
		expect(await page.getByTestId('results-table').count()).toBe(1);
		expect(errors).toEqual([]);
	});
});
