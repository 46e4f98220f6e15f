import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** Wait for the run in flight to finish (the status goes 'running' then 'done'). */
async function runDone(page: Page) {
	await page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 120_000 });
}
const cell = (page: Page, key: string, draft: number) =>
	page.getByTestId(`cell-${key}-${draft}`).textContent();

describe('the comparison journey in real Chromium', () => {
	it('preset, run, edit, export, import, share link, broken file', async () => {
		const { page, errors } = await openPage(browser);

		// 1. Open: the default scenario runs by itself.
		await runDone(page);
		await screenshot(page, '02-opened-default');

		// 2. Pick the e-commerce preset: both drafts' results appear.
		await page.getByTestId('preset-select').selectOption('ecommerce-case');
		await page.waitForSelector('[data-testid="run-status"][data-status="running"]', { timeout: 20_000 });
		await runDone(page);
		const head = await page.locator('[data-testid="results-table"] thead').textContent();
		expect(head).toContain('AHT-only');
		expect(head).toContain('Balanced');
		const repeats0 = await cell(page, 'repeatContactRate', 0);
		const repeats1 = await cell(page, 'repeatContactRate', 1);
		expect(repeats0).toMatch(/%/);
		expect(repeats0).not.toEqual(repeats1);
		expect(await page.getByTestId('narrative').textContent()).toContain('Under AHT-only');
		// Every view of the story is there: the watermelon verdicts, money, distributions, time, the repeat loop.
		expect(await page.getByTestId('watermelon').textContent()).toContain('Watermelon');
		for (const title of [
			"AHT-only: the client's total cost",
			"Balanced: the vendor's margin",
			'Service credits per month',
			'Service level per day',
			"AHT-only: what happens to customers' issues"
		])
			expect(await page.locator('svg[role="img"] title', { hasText: title }).count(), title).toBeGreaterThan(
				0
			);
		await screenshot(page, '03-ecommerce-results');

		// 3. An invalid value is marked at the field; the last valid results stay.
		const feesBefore = await cell(page, 'fees', 0);
		const rate = page.locator('#f-drafts-0-price-rate');
		await rate.fill('-3');
		await expect
			.poll(() => page.getByTestId('form-errors').textContent(), { timeout: 5_000 })
			.toContain('AHT-only > Price > Rate per handled contact: must be at least 0');
		expect(await page.locator('#f-drafts-0-price-rate').getAttribute('aria-invalid')).toBe('true');
		expect(await cell(page, 'fees', 0)).toEqual(feesBefore);
		await screenshot(page, '04-invalid-field');

		// 4. Change a clause: a higher per-contact price changes the fees.
		await rate.fill('6');
		await page.waitForSelector('[data-testid="run-status"][data-status="running"]', { timeout: 20_000 });
		await runDone(page);
		const feesAfter = await cell(page, 'fees', 0);
		expect(feesAfter).not.toEqual(feesBefore);
		const repeatsAfter = await cell(page, 'repeatContactRate', 0);
		await screenshot(page, '05-changed-clause');

		// 5. Export JSON: the file holds the edited workspace.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
		const exportedPath = await download.path();
		const exported = JSON.parse(readFileSync(exportedPath!, 'utf8'));
		expect(exported.drafts[0].price.rate).toBe(6);

		// 6. A broken file is refused with its errors and changes nothing.
		const broken = structuredClone(exported);
		broken.drafts = [broken.drafts[0]];
		broken.assumptions.calendar.days = -1;
		broken.surprise = true;
		await page.getByTestId('import-file').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(broken))
		});
		const importErrors = page.getByTestId('import-errors');
		await importErrors.waitFor({ timeout: 5_000 });
		const errorText = await importErrors.textContent();
		// each field named as the editor shows it (drafts by number: nothing of the file is quoted)
		expect(errorText).toContain('Drafts: needs at least 2 drafts');
		expect(errorText).toContain('Shared assumptions > Calendar > Days: must be at least 1');
		expect(errorText).toContain('Run settings > Surprise: unknown field');
		expect(await cell(page, 'fees', 0)).toEqual(feesAfter);
		await screenshot(page, '06-broken-import');

		// 7. Re-import the exported file: same scenario, same numbers.
		await page.getByTestId('import-file').setInputFiles(exportedPath!);
		await runDone(page);
		expect(await cell(page, 'fees', 0)).toEqual(feesAfter);
		expect(await cell(page, 'repeatContactRate', 0)).toEqual(repeatsAfter);

		// 8. A share link opens, in a fresh browser context, to the same numbers.
		await page.getByTestId('share').click();
		await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('#w=');
		const link = page.url();
		const fresh = await openPage(browser, link);
		await runDone(fresh.page);
		expect(await cell(fresh.page, 'fees', 0)).toEqual(feesAfter);
		expect(await cell(fresh.page, 'repeatContactRate', 0)).toEqual(repeatsAfter);
		expect(await cell(fresh.page, 'clientTotalCost', 1)).toEqual(await cell(page, 'clientTotalCost', 1));
		await screenshot(fresh.page, '07-share-link');

		expect(errors).toEqual([]);
		expect(fresh.errors).toEqual([]);
	});
});

describe('a third draft', () => {
	it('duplicate a draft, run three side by side, compare against any of them', async () => {
		const { page, errors } = await openPage(browser);
		await runDone(page);
		await page.getByRole('tab', { name: 'Balanced' }).click();
		await page.getByRole('button', { name: 'Duplicate draft' }).click();
		await page.waitForSelector('[data-testid="run-status"][data-status="running"]', { timeout: 20_000 });
		await runDone(page);
		const head = await page.locator('[data-testid="results-table"] thead').textContent();
		expect(head).toContain('Balanced (copy)');
		// The copy faces the same customers under the same contract: identical numbers.
		expect(await cell(page, 'clientTotalCost', 2)).toEqual(await cell(page, 'clientTotalCost', 1));
		await page.getByTestId('baseline').selectOption({ label: 'Balanced' });
		const row = page.locator('tr[data-metric="repeatContactRate"]');
		expect(await row.textContent()).toContain('vs Balanced');
		await screenshot(page, '10-three-drafts');
		expect(errors).toEqual([]);
	});
});
