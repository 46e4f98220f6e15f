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

/** Every chart of the gallery: an <svg role="img"> named by its <title> and described by its <desc>. */
async function checkCharts(page: Page) {
	const cards = page.locator('[data-chart]');
	const n = await cards.count();
	expect(n).toBeGreaterThanOrEqual(6);
	for (let i = 0; i < n; i++) {
		const card = cards.nth(i);
		const name = await card.getAttribute('data-chart');
		const svgs = card.locator('svg[role="img"]');
		expect(await svgs.count(), `${name}: chart svg`).toBeGreaterThan(0);
		const svg = svgs.first();
		const title = (await svg.locator('title').first().textContent())?.trim();
		expect(title, `${name}: <title>`).toBeTruthy();
		const desc = (await svg.locator('desc').first().textContent())?.trim();
		expect(desc?.length ?? 0, `${name}: <desc>`).toBeGreaterThan(20);
		const labelled = (await svg.getAttribute('aria-labelledby')) ?? '';
		expect(labelled.split(' ')).toHaveLength(2);
		const box = await svg.boundingBox();
		expect(box && box.width > 200 && box.height > 150, `${name}: drawn at a usable size`).toBe(true);
		// Projector rule: no chart text smaller than 13 px.
		const smallest = await svg.evaluate((el) =>
			Math.min(
				...Array.from(el.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize))
			)
		);
		expect(smallest, `${name}: smallest font`).toBeGreaterThanOrEqual(13);
	}
}

describe('chart gallery (/dev/charts/) in real Chromium', () => {
	it('renders every chart with a text alternative and no console errors, at laptop width', async () => {
		const { page, errors } = await openPage(browser, 'dev/charts/');
		await page.locator('[data-chart]').first().waitFor();
		await checkCharts(page);
		await screenshot(page, 'charts-gallery-1366');
		expect(errors).toEqual([]);
	});

	it('shows a tooltip on keyboard focus and moves it with the arrow keys', async () => {
		const { page, errors } = await openPage(browser, 'dev/charts/');
		const plot = page.locator('[data-chart="fan-offered"] .plot');
		await plot.focus();
		const tooltip = page.locator('[data-chart="fan-offered"] .tooltip');
		await tooltip.waitFor();
		expect(await tooltip.textContent()).toContain('Day 1 ');
		await page.keyboard.press('ArrowRight');
		expect(await tooltip.textContent()).toContain('Day 2 ');
		await page.keyboard.press('End');
		expect(await tooltip.textContent()).toContain('Day 30');
		expect(await tooltip.textContent()).toMatch(/Forecast\s*2,100/);
		// Screen readers hear the same values through the live region.
		expect(await page.locator('[data-chart="fan-offered"] [aria-live]').textContent()).toContain('Day 30');
		await screenshot(page, 'charts-tooltip-keyboard');
		// Hovering a bar of the waterfall shows its interval.
		const bar = page.locator('[data-chart="waterfall-client"] rect.bar').nth(3);
		await bar.hover();
		const wtip = page.locator('[data-chart="waterfall-client"] .tooltip');
		await wtip.waitFor();
		expect(await wtip.textContent()).toContain('Cost of repeat contacts');
		expect(await wtip.textContent()).toContain('95 % interval');
		await screenshot(page, 'charts-tooltip-hover');
		await plot.focus();
		await page.keyboard.press('Escape');
		expect(await tooltip.count()).toBe(0);
		expect(errors).toEqual([]);
	});

	it('exports a chart as SVG and PNG files', async () => {
		const { page, errors } = await openPage(browser, 'dev/charts/');
		const card = page.locator('[data-chart="waterfall-client"]');
		const [svgFile] = await Promise.all([
			page.waitForEvent('download'),
			card.getByRole('button', { name: /as SVG/ }).click()
		]);
		expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
		const text = await new Promise<string>((ok, fail) => {
			svgFile
				.createReadStream()
				.then((s) => {
					const parts: Buffer[] = [];
					s.on('data', (c: Buffer) => parts.push(c));
					s.on('end', () => ok(Buffer.concat(parts).toString('utf8')));
					s.on('error', fail);
				})
				.catch(fail);
		});
		expect(text).toContain('<svg');
		expect(text).not.toContain('var(--');
		expect(text).toContain('Fees');
		const [pngFile] = await Promise.all([
			page.waitForEvent('download'),
			card.getByRole('button', { name: /as PNG/ }).click()
		]);
		expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
		const path = await pngFile.path();
		expect(path).toBeTruthy();
		expect(errors).toEqual([]);
	});

	it('stays readable at tablet width (768 px)', async () => {
		const { page, errors } = await openPage(browser, 'dev/charts/');
		await page.setViewportSize({ width: 768, height: 1024 });
		await page.waitForFunction(() =>
			Array.from(document.querySelectorAll('svg[role="img"]')).every(
				(s) => s.getBoundingClientRect().width <= window.innerWidth
			)
		);
		await checkCharts(page);
		// Nothing wider than the viewport: no horizontal scrolling.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await screenshot(page, 'charts-gallery-768');
		expect(errors).toEqual([]);
	});
});
