import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** Wait until the explorer's run is over (its Stop button is gone). */
async function exploreIdle(page: Page) {
	await page.waitForFunction(
		() => ![...document.querySelectorAll('.explore button')].some((b) => b.textContent?.trim() === 'Stop'),
		null,
		{ timeout: 240_000 }
	);
}

describe('what will the vendor do? (explorer panel in real Chromium)', () => {
	it('runs a best response and a sensitivity analysis through the browser pool', async () => {
		const { page, errors } = await openPage(browser);
		await page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 120_000 });

		const best = page.locator('section[aria-labelledby="ex-best"]');
		await best.getByLabel('Simulated months', { exact: true }).fill('4');
		await best.getByRole('button', { name: "Find the vendor's best response" }).click();
		await page.waitForTimeout(500);
		await exploreIdle(page);
		// the text as read, whatever the line breaks of the page's source
		const bestText = (await best.textContent())?.replace(/\s+/g, ' ');
		expect(bestText).toContain('Its most profitable choice is');
		expect(bestText).toContain('Vendor margin');
		await best.scrollIntoViewIfNeeded();
		await screenshot(page, '08-best-response');

		const sens = page.locator('section[aria-labelledby="ex-sens"]');
		await sens.getByLabel('Simulated months per setting').fill('4');
		await sens.getByRole('button', { name: 'Run the sensitivity analysis' }).click();
		await page.waitForTimeout(500);
		await exploreIdle(page);
		expect(await sens.locator('svg[role="img"]').count()).toBeGreaterThan(0);
		await sens.scrollIntoViewIfNeeded();
		await screenshot(page, '09-sensitivity');

		expect(errors).toEqual([]);
	});
});
