import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './helpers';
import { encodeShare } from '../../src/lib/ui/share';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** The e-commerce preset on a small queue (2 days, 300 first contacts a day), opened by a share link. */
function smallCase(): string {
	const s = JSON.parse(readFileSync('scenarios/ecommerce-case.json', 'utf8'));
	delete s.$schema;
	s.assumptions.calendar.days = 2;
	s.assumptions.demand.firstContactsPerDay = 300;
	s.replications = 30;
	return '#' + encodeShare(s);
}

/** Wait until no Stop button is left in the panels below the workspace. */
async function idle(page: Page) {
	await page.waitForFunction(
		() => ![...document.querySelectorAll('.explore button')].some((b) => b.textContent?.trim() === 'Stop'),
		null,
		{ timeout: 300_000 }
	);
}

describe('contract designer (Design panel in real Chromium)', () => {
	it('designs a draft, adds it to the workspace, and its best response re-runs to the same numbers', async () => {
		const { page, errors } = await openPage(browser, smallCase());
		await page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 120_000 });

		const panel = page.locator('section[aria-labelledby="design-heading"]');
		await panel.getByLabel('Draft to redesign').selectOption({ label: 'Balanced' });
		// keep one negotiable clause: the price
		const marks = panel.locator('table.marks tbody tr');
		expect(await marks.count()).toBe(3);
		while ((await marks.count()) > 1) await marks.nth(1).getByRole('button', { name: 'Remove' }).click();
		await panel.getByLabel('price per unit: from').fill('4');
		await panel.getByLabel('price per unit: to').fill('6');
		await panel.getByLabel('Simulated months for the final check').fill('3');
		await panel.getByLabel('Search effort (simulated draft-months)').fill('2000');
		await panel.getByRole('button', { name: 'Design the draft' }).click();
		await panel.getByRole('status').first().waitFor();
		await panel.scrollIntoViewIfNeeded();
		await screenshot(page, '12-design-running');
		await idle(page);
		await panel.getByTestId('design-result').waitFor();
		const text = (await panel.getByTestId('design-result').textContent()) ?? '';
		expect(text).toContain('Recommended: "Balanced (designed)"');
		expect(text).toContain("Under it the vendor's most profitable choice is");
		await screenshot(page, '13-design-result');

		// the marks were saved in the draft, and the recommended draft joins the workspace
		await panel.getByRole('button', { name: 'Add the recommended draft to the workspace' }).click();
		await expect
			.poll(() => panel.textContent())
			.toContain('Added to the workspace as draft "Balanced (designed)"');
		const levers = await panel.getByTestId('design-result').locator('p strong').nth(1).textContent();
		const designMargin = await panel
			.getByTestId('design-result')
			.locator('tr', { hasText: 'Vendor margin' })
			.locator('td')
			.nth(3)
			.textContent();

		// the best-response tool on the added draft, same replications: same levers, same margin
		const best = page.locator('section[aria-labelledby="ex-best"]');
		await best.getByLabel('Draft').selectOption({ label: 'Balanced (designed)' });
		await best.getByLabel('Simulated months', { exact: true }).fill('3');
		await best.getByRole('button', { name: "Find the vendor's best response" }).click();
		await page.waitForTimeout(300);
		await idle(page);
		// the text as read, whatever the line breaks of the page's source
		const bestText = ((await best.textContent()) ?? '').replace(/\s+/g, ' ');
		expect(bestText).toContain(`Its most profitable choice is that it ${levers}`);
		const brMargin = await best
			.locator('tr', { hasText: 'Vendor margin' })
			.locator('td')
			.nth(1)
			.textContent();
		expect(brMargin).toBe(designMargin);
		await best.scrollIntoViewIfNeeded();
		await screenshot(page, '14-design-added-best-response');
		expect(errors).toEqual([]);
	});
});
