import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('foundation: the static build in real Chromium', () => {
	it('shows the product, answers a worker ping, and logs no errors', async () => {
		const { page, errors } = await openPage(browser);
		await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
		expect(await page.locator('h1').textContent()).toContain('SLA Sandbox');
		const status = page.getByTestId('worker-status');
		await status.and(page.locator('[data-status="ready"]')).waitFor({ timeout: 20_000 });
		// the workers answered (the status turns ready only then), said in the user's words
		expect(await status.textContent()).toMatch(/Ready to simulate: \d+ simulations? runs? side by side/);
		await screenshot(page, '01-foundation');
		expect(errors).toEqual([]);
	});
});
