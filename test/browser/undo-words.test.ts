/**
 * Undo and plain words in real Chromium: a preset switch over edited work asks first (an in-app
 * dialog) and can be undone; a removed draft comes back with Ctrl+Z; Save names its version in an
 * in-app dialog; a broken field is named as the editor shows it and Run says why it waits; the open
 * Library covers nothing. Screenshots in test-results/undo-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { inject } from 'vitest';
import { SHOTS, launchChromium, openPage } from './helpers';
import { codeWords } from '../code-words';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function runDone(page: Page) {
	await page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 120_000 });
}
/** The visible part of the page (what the user looks at), not the whole 12,000-pixel page. */
async function screenshot(page: Page, name: string) {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png` });
}
const tabs = (page: Page) => page.getByRole('tab').allTextContents();
const overlap = (
	a: { x: number; y: number; width: number; height: number },
	b: { x: number; y: number; width: number; height: number }
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('undo in the app', () => {
	it('asks before a preset replaces edited work, and undoes it, a removed draft and a change', async () => {
		const { page, errors } = await openPage(browser);
		await runDone(page);
		const start = await tabs(page);
		expect(await page.getByTestId('undo').isDisabled()).toBe(true);

		// An edit, then a preset: the app asks first, in its own dialog.
		const rate = page.locator('#f-drafts-0-price-rate');
		await rate.fill('7');
		await expect.poll(() => page.getByTestId('undo').isDisabled()).toBe(false);
		await page.getByTestId('preset-select').selectOption('pricing');
		const dialog = page.getByTestId('ask-dialog');
		await dialog.waitFor({ state: 'visible', timeout: 5_000 });
		expect(await dialog.textContent()).toMatch(/kept in your Library/);
		await screenshot(page, 'undo-01-ask-before-preset');
		// Cancel keeps everything, and the select still shows the edited workspace.
		await page.getByTestId('ask-cancel').click();
		expect(await tabs(page)).toEqual(start);
		expect(await rate.inputValue()).toBe('7');
		expect(await page.getByTestId('preset-select').locator('option:checked').textContent()).toMatch(
			/\(changed\)|Your own workspace/
		);
		// Replace: the preset is loaded and a notice offers Undo.
		await page.getByTestId('preset-select').selectOption('pricing');
		await page.getByTestId('ask-confirm').click();
		await expect.poll(() => tabs(page)).not.toEqual(start);
		expect(await page.getByTestId('preset-select').inputValue()).toBe('pricing');
		const offer = page.getByTestId('undo-offer');
		expect(await offer.textContent()).toMatch(/Loaded the preset/);
		await screenshot(page, 'undo-02-preset-loaded-offer');
		await page.getByTestId('undo-offer-undo').click();
		expect(await tabs(page)).toEqual(start);
		expect(await page.locator('#f-drafts-0-price-rate').inputValue()).toBe('7');

		// Duplicate a draft, remove it: a notice offers Undo; Ctrl+Z brings it back, Ctrl+Shift+Z removes it again.
		await page.getByRole('tab').nth(1).click();
		await page.getByRole('button', { name: 'Duplicate draft' }).click();
		await expect.poll(() => tabs(page)).toHaveLength(4); // three drafts and the shared assumptions
		const three = await tabs(page);
		await page.getByRole('button', { name: 'Remove draft' }).click();
		await expect.poll(() => tabs(page)).toHaveLength(3);
		expect(await offer.textContent()).toMatch(/Removed the draft/);
		await screenshot(page, 'undo-03-removed-draft-offer');
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Control+z');
		await expect.poll(() => tabs(page)).toEqual(three);
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(() => tabs(page)).toHaveLength(3);
		await page.keyboard.press('Control+z');
		await expect.poll(() => tabs(page)).toEqual(three);

		// Save asks for a name in the app's dialog, not the browser's prompt.
		let nativeDialog = false;
		page.on('dialog', (d) => {
			nativeDialog = true;
			void d.dismiss();
		});
		await page.getByTestId('save').click();
		await dialog.waitFor({ state: 'visible', timeout: 5_000 });
		await page.getByTestId('ask-input').fill('Three drafts');
		await screenshot(page, 'undo-04-save-dialog');
		await page.getByTestId('ask-confirm').click();
		await expect.poll(() => page.locator('.notices').textContent()).toMatch(/Saved "Three drafts"/);
		expect(nativeDialog).toBe(false);

		// The open Library covers nothing (it pushes the page down).
		await runDone(page);
		await page.locator('details.library summary').click();
		const menu = await page.locator('details.library .menu').boundingBox();
		const csv = await page.getByTestId('export-csv').boundingBox();
		expect(menu && csv && overlap(menu, csv)).toBe(false);
		await screenshot(page, 'undo-05-library-open');
		await page.locator('details.library summary').click();

		// A broken field: named as the editor shows it, and Run says why it waits.
		await page.getByRole('tab').first().click();
		await page.locator('#f-drafts-0-price-rate').fill('-3');
		await page.getByTestId('run-why').waitFor({ timeout: 5_000 });
		expect(await page.getByTestId('run').isDisabled()).toBe(true);
		expect(await page.getByTestId('run-why').textContent()).toMatch(/problem/);
		const problems = await page.getByTestId('form-errors').textContent();
		expect(problems).toMatch(/> Price > Rate per handled contact: must be at least 0/);
		expect(problems).not.toMatch(/drafts\.0|price\.rate|>=/);
		await screenshot(page, 'undo-06-broken-field');

		expect(errors).toEqual([]);
	});
});

/**
 * Every text a user can read on the page: the rendered text with every fold opened, plus the
 * tooltips, accessible names and chart titles that are not rendered as text.
 */
async function readableText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
		const out = document.body.innerText.split('\n');
		for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]'))
			for (const a of ['title', 'aria-label', 'placeholder']) {
				const v = el.getAttribute(a);
				if (v) out.push(v);
			}
		for (const t of document.querySelectorAll('svg title, svg desc, option, optgroup'))
			out.push(t.textContent ?? (t as HTMLOptGroupElement).label ?? '');
		for (const g of document.querySelectorAll('optgroup')) out.push(g.label);
		return out.map((x) => x.trim()).filter(Boolean);
	});
}

async function exploreIdle(page: Page) {
	await page.waitForFunction(
		() => ![...document.querySelectorAll('.explore button')].some((b) => b.textContent?.trim() === 'Stop'),
		null,
		{ timeout: 240_000 }
	);
}

describe('plain words on the page', () => {
	it('no code path, file name or identifier in what the user reads: results, explore tools, an error', async () => {
		const { page, errors } = await openPage(browser);
		await runDone(page);

		// The explore tools, each run briefly: best response, sensitivity, a sweep of a picked clause.
		const best = page.locator('section[aria-labelledby="ex-best"]');
		await best.getByLabel('Simulated months', { exact: true }).fill('2');
		await best.getByRole('button', { name: "Find the vendor's best response" }).click();
		await page.waitForTimeout(300);
		await exploreIdle(page);
		const bestText = ((await best.textContent()) ?? '').replace(/\s+/g, ' ');
		expect(bestText).toMatch(/staffs \d+ % of its plan and coaches agents/);
		expect(bestText).not.toMatch(/\(\+?-?\d\.\d\d\)|coarse grid|runner-up/);
		await best.scrollIntoViewIfNeeded();
		await screenshot(page, 'words-01-best-response');

		const sens = page.locator('section[aria-labelledby="ex-sens"]');
		await sens.getByLabel('Simulated months per setting').fill('2');
		await sens.getByRole('button', { name: 'Run the sensitivity analysis' }).click();
		await page.waitForTimeout(300);
		await exploreIdle(page);
		await sens.locator('svg[role="img"]').first().scrollIntoViewIfNeeded();
		await screenshot(page, 'words-02-sensitivity');

		const sweep = page.locator('section[aria-labelledby="ex-sweep"]');
		const picker = sweep.getByTestId('clause-picker');
		const optionText = await picker.locator('option:checked').textContent();
		expect(optionText).toMatch(/^Rate per handled contact \(now /);
		expect(
			await picker.locator('option:checked').evaluate((o) => (o.parentElement as HTMLOptGroupElement).label)
		).toBe('AHT-only > Price');
		await picker.selectOption({
			label: (await picker
				.locator('option', { hasText: 'Share of the invoice at risk' })
				.first()
				.textContent())!
		});
		await sweep.getByLabel('Points').fill('2');
		await sweep.getByLabel('Simulated months per setting').fill('2');
		await sweep.getByRole('button', { name: 'Run the sweep' }).click();
		await page.waitForTimeout(300);
		await exploreIdle(page);
		await sweep.scrollIntoViewIfNeeded();
		await screenshot(page, 'words-03-sweep');

		// An error, shown in the problem list and beside the field.
		await page.locator('#f-drafts-0-price-rate').fill('-3');
		await page.getByTestId('run-why').waitFor({ timeout: 5_000 });

		const text = await readableText(page);
		const found = text.flatMap((t) => codeWords(t).map((c) => `${c} in "${t.slice(0, 120)}"`));
		expect(found).toEqual([]);
		expect(errors).toEqual([]);
	});
});

describe('undo after a reload', () => {
	it('a draft removed before the page was reloaded comes back with Undo', async () => {
		const { page, errors } = await openPage(browser);
		await runDone(page);
		await page.getByRole('tab').nth(1).click();
		await page.getByRole('button', { name: 'Duplicate draft' }).click();
		await expect.poll(() => tabs(page)).toHaveLength(4);
		await page.getByRole('button', { name: 'Remove draft' }).click();
		await expect.poll(() => tabs(page)).toHaveLength(3);
		await page.waitForTimeout(1500); // the autosave and the kept history (400 ms after the last change)
		await page.reload();
		await expect.poll(() => page.getByTestId('undo').isDisabled(), { timeout: 30_000 }).toBe(false);
		expect(await page.getByTestId('undo').getAttribute('title')).toMatch(
			/Removed the draft "Balanced \(copy\)"/
		);
		await page.getByTestId('undo').click();
		await expect.poll(() => tabs(page)).toHaveLength(4);
		expect(errors).toEqual([]);
	});
});

describe('undo on a phone', () => {
	it('the toolbar, the question before a preset and the Undo notice fit a 390 px screen', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (err) => errors.push(String(err)));
		await page.goto(inject('baseUrl'));
		await runDone(page);
		const overflow = () =>
			page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		await page.locator('#f-drafts-0-price-rate').fill('7');
		await page.getByTestId('preset-select').selectOption('pricing');
		await page.getByTestId('ask-dialog').waitFor({ state: 'visible', timeout: 5_000 });
		const box = await page.getByTestId('ask-dialog').boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
		await screenshot(page, 'undo-07-phone-ask');
		await page.getByTestId('ask-confirm').click();
		await page.getByTestId('undo-offer').waitFor({ timeout: 5_000 });
		await page.getByTestId('undo-offer').scrollIntoViewIfNeeded();
		expect(await overflow()).toBeLessThanOrEqual(0);
		await screenshot(page, 'undo-08-phone-offer');
		expect(errors).toEqual([]);
		await context.close();
	});
});
