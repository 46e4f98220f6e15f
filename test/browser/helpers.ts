import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './chromium';

export const SHOTS = 'test-results';

/** A fresh page that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, path = '') {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(String(err)));
	await page.goto(new URL(path, inject('baseUrl')).toString());
	return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(SHOTS, { recursive: true });
	const file = `${SHOTS}/${name}.png`;
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

export { launchChromium };
