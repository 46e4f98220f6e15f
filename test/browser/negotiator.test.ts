/**
 * The negotiator's journey at a phone's, a laptop's and a desktop's size (390x844, 1280x720,
 * 1440x900, and 1280x720 at 150 % zoom, which is 853x480 CSS px): edit a field, break it, find it
 * from the problem summary, fix it, switch a preset and undo it with the visible Undo, add and
 * remove a draft, move between draft tabs with the keyboard, open the explore tools from the bar
 * at the top. In every state it reaches, axe-core finds no serious or critical violation, and at
 * 390 px nothing is wider than the screen. Screenshots: test-results/negotiator-*.png.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { SHOTS, launchChromium } from './helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

interface Violation {
	id: string;
	impact: string;
	help: string;
	nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
	// evaluated through the debugging protocol: the app's Content-Security-Policy rightly refuses inline scripts
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	const violations = (await page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }
		).axe;
		return (await axe.run(document, { resultTypes: ['violations'] })).violations;
	})) as Violation[];
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.impact} ${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 4)
					.join(', ')})`
		);
}

/** Width of the page beyond the viewport, px (0 when nothing is wider than the screen). */
const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const runDone = (page: Page) =>
	page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 150_000 });
const tabs = (page: Page) => page.getByRole('tab').allTextContents();

const SIZES = [
	{ name: '390x844', width: 390, height: 844, narrow: true },
	{ name: '1280x720-zoom150', width: 853, height: 480, narrow: true },
	{ name: '1280x720', width: 1280, height: 720, narrow: false },
	{ name: '1440x900', width: 1440, height: 900, narrow: false }
];

describe("the negotiator's journey on every screen", () => {
	for (const size of SIZES)
		it(`${size.name}: edit, break, fix, undo a preset, add and remove a draft, explore`, async () => {
			const context = await browser.newContext({
				viewport: { width: size.width, height: size.height },
				acceptDownloads: true
			});
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
			page.on('pageerror', (e) => errors.push(String(e)));
			mkdirSync(SHOTS, { recursive: true });
			const shot = (state: string) =>
				page.screenshot({ path: `${SHOTS}/negotiator-${size.name}-${state}.png` });
			/** Every state: no serious or critical accessibility problem; at a phone's width, no sideways scroll. */
			const check = async (state: string) => {
				expect(await axeProblems(page), `${size.name} ${state}`).toEqual([]);
				if (size.width <= 390)
					expect(await overflow(page), `${size.name} ${state}: wider than the screen`).toBe(0);
			};

			await page.goto(inject('baseUrl'));
			await runDone(page);

			// The results come first on a narrow or zoomed screen; side by side on a wide one.
			const results = await page.locator('#results').boundingBox();
			const editor = await page.locator('#scenario').boundingBox();
			if (size.narrow) expect(results!.y).toBeLessThan(editor!.y);
			else expect(Math.abs(results!.y - editor!.y)).toBeLessThan(5);
			await shot('01-results');
			await check('results');

			// The skip link is the first stop of the Tab key and lands on the results.
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the results');

			// Edit: a share is typed as a percentage (10 % of the invoice is 10, stored as 0.1).
			await page.locator('#scenario').scrollIntoViewIfNeeded();
			await page.getByTestId('editor-tab-0').click();
			await page.locator('summary', { hasText: 'At-risk pool and credits' }).first().click();
			const atRisk = page.locator('#f-drafts-0-atRisk-percentOfInvoice');
			expect(await atRisk.inputValue()).toBe('10');
			await atRisk.fill('12');
			const rate = page.locator('#f-drafts-0-price-rate');
			await rate.fill('4.5');

			// Break a field: red, invalid, described by its message; its tab is marked; the summary names it.
			await rate.fill('-3');
			const summary = page.getByTestId('form-errors');
			await summary.waitFor({ timeout: 5_000 });
			expect(await rate.getAttribute('aria-invalid')).toBe('true');
			const describedBy = (await rate.getAttribute('aria-describedby'))!.split(' ');
			expect(describedBy).toEqual(['f-drafts-0-price-rate-error', 'f-drafts-0-price-rate-help']);
			expect(await page.locator('#f-drafts-0-price-rate-error').textContent()).toMatch(/at least 0/);
			expect(await page.getByTestId('editor-tab-0').textContent()).toMatch(/1 problem to fix/);
			const border = await rate.evaluate((el) => getComputedStyle(el).borderTopColor);
			expect(border).toBe('rgb(179, 38, 30)');
			// An out-of-range share is refused in percent.
			await atRisk.fill('150');
			await expect.poll(() => summary.textContent()).toMatch(/from 0 % to 100 %/);
			await atRisk.fill('12');
			await shot('02-broken-field');
			await check('broken field');

			// The summary jumps to the field from another tab: it opens the tab and focuses the field.
			await page.getByTestId('editor-tab-1').click();
			await page.getByTestId('problem-link').first().click();
			await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-drafts-0-price-rate');
			expect(await page.getByTestId('editor-tab-0').getAttribute('aria-selected')).toBe('true');

			// Fix it: the problems go, the run starts again.
			await rate.fill('4.2');
			await expect.poll(() => summary.count()).toBe(0);
			await runDone(page);

			// Draft tabs follow the ARIA tabs pattern: arrow keys and End move, and open, the tab.
			await page.getByTestId('editor-tab-0').focus();
			await page.keyboard.press('ArrowRight');
			expect(await page.getByTestId('editor-tab-1').getAttribute('aria-selected')).toBe('true');
			await page.keyboard.press('End');
			expect(await page.getByTestId('editor-tab-assumptions').getAttribute('aria-selected')).toBe('true');
			await page.keyboard.press('Home');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor-tab-0');

			// Switch the scorecard to manual: it starts from the weights the draft implies, with no error.
			await page.locator('summary', { hasText: 'Agent scorecard' }).first().click();
			await page.locator('#f-drafts-0-scorecard-mode').selectOption('manual');
			await expect.poll(() => page.locator('#f-drafts-0-scorecard-weights-aht').inputValue()).toBe('1');
			expect(
				await page.locator('label[for="f-drafts-0-scorecard-weights-contactsPerHour"]').textContent()
			).toMatch(/relative weight/);
			expect(await summary.count()).toBe(0);
			await shot('03-manual-scorecard');

			// A preset replaces edited work only after the app asks; the visible Undo brings the work back.
			const before = await tabs(page);
			await page.getByTestId('preset-select').selectOption('pricing');
			await page.getByTestId('ask-dialog').waitFor({ state: 'visible', timeout: 5_000 });
			await shot('04-ask-before-preset');
			await check('dialog before a preset');
			await page.getByTestId('ask-confirm').click();
			await expect.poll(() => tabs(page)).not.toEqual(before);
			await page.getByTestId('undo-offer-undo').click();
			await expect.poll(() => tabs(page)).toEqual(before);
			expect(await page.locator('#f-drafts-0-price-rate').inputValue()).toBe('4.2');

			// Add a draft and remove it again.
			await page.getByTestId('editor-tab-1').click();
			await page.getByRole('button', { name: 'Duplicate draft' }).click();
			await expect.poll(() => tabs(page)).toHaveLength(before.length + 1);
			await shot('05-three-drafts');
			await check('three drafts');
			await page.getByTestId('remove-draft').click();
			await expect.poll(() => tabs(page)).toEqual(before);
			await runDone(page);

			// Explore: the bar at the top leads to the vendor's best response, sensitivity and the explorer.
			await page.getByRole('link', { name: 'What will the vendor do?' }).click();
			await expect.poll(() => page.evaluate(() => location.hash)).toBe('#explore');
			const sens = page.locator('section[aria-labelledby="ex-sens"]');
			expect(await sens.isVisible()).toBe(true);
			if (size.name === '1440x900' || size.name === '390x844') {
				await sens.getByLabel(/Simulated months per setting/).fill('3');
				await sens.getByRole('button', { name: /sensitivity/i }).click();
				await expect
					.poll(() => sens.locator('svg[role="img"]').count(), { timeout: 240_000 })
					.toBeGreaterThan(0);
				await sens.locator('figure').first().scrollIntoViewIfNeeded();
			}
			await shot('06-explore');
			await check('explore');

			// An exported chart names the scenario and its seed.
			if (size.name === '1440x900') {
				const fig = page.locator('figure', { hasText: 'Service credits per month' }).first();
				await fig.scrollIntoViewIfNeeded();
				const [download] = await Promise.all([
					page.waitForEvent('download'),
					fig.getByRole('button', { name: /as SVG/ }).click()
				]);
				const svg = readFileSync((await download.path())!, 'utf8');
				expect(svg).toContain('Scenario: E-commerce support');
				expect(svg).toMatch(/seed ecommerce-2024/);
			}

			expect(errors).toEqual([]);
			await context.close();
		}, 600_000);
});
