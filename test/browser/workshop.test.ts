import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium, screenshot, SHOTS } from './helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const LONG = 400_000;

async function at(page: Page, slide: string, revealed?: number) {
	await page.waitForSelector(
		`[data-testid="deck"][data-slide="${slide}"]${revealed === undefined ? '' : `[data-revealed="${revealed}"]`}`,
		{ timeout: 5_000 }
	);
}

/** Every visible key number's font size, and the smallest text size on the slide's body. */
async function sizes(page: Page) {
	return page.evaluate(() => {
		const visible = (e: Element) => e.getClientRects().length > 0;
		const keys = [...document.querySelectorAll('[data-testid="deck"] [data-key-number]')]
			.filter(visible)
			.map((e) => parseFloat(getComputedStyle(e).fontSize));
		let smallest = Infinity;
		const walker = document.createTreeWalker(
			document.querySelector('[data-testid="deck"]')!,
			NodeFilter.SHOW_TEXT
		);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || !n.textContent?.trim() || !visible(el)) continue;
			smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
		}
		const body = document.querySelector('[data-testid="deck"] main')!;
		return {
			keys,
			smallest,
			overflow: Math.max(body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth)
		};
	});
}

/** A results slide at 1280x720: key numbers >= 32 px, every text >= 20 px, nothing to scroll. */
async function readable(page: Page, name: string, minKeys = 1) {
	await screenshot(page, name);
	const s = await sizes(page);
	expect(s.keys.length, `${name}: key numbers on screen`).toBeGreaterThanOrEqual(minKeys);
	for (const k of s.keys) expect(k, `${name}: key number size`).toBeGreaterThanOrEqual(32);
	expect(s.smallest, `${name}: smallest text`).toBeGreaterThanOrEqual(20);
	expect(s.overflow, `${name}: overflow`).toBeLessThanOrEqual(1);
}

async function press(page: Page, key: string, times = 1) {
	for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** A team builds a draft on its own device and gets the code to send. */
async function teamCode(link: string, team: string, rate: string): Promise<string> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (err) => errors.push(String(err)));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.goto(link);
	await page.waitForSelector('[data-testid="send-panel"]');
	// Only the team's draft and the negotiable clauses are offered.
	expect(await page.getByRole('tab', { name: 'Shared assumptions' }).count()).toBe(0);
	expect(await page.locator('summary', { hasText: 'Vendor levers' }).count()).toBe(0);
	await page.locator('#f-drafts-1-price-rate').fill(rate);
	await page.getByTestId('team-name').fill(team);
	await page.getByTestId('team-send').click();
	const code = (await page.getByTestId('team-code').textContent())!.trim();
	if (team === 'Team A') await screenshot(page, 'workshop-11-team-page');
	expect(errors).toEqual([]);
	await context.close();
	return code;
}

describe('the workshop, walked with the keyboard at 1280x720', () => {
	it('predictions, reveals, three team entries ranked, handout to PDF', { timeout: 900_000 }, async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
		page.on('pageerror', (err) => errors.push(String(err)));

		// The main page links to the workshop.
		await page.goto(inject('baseUrl'));
		await page.getByTestId('workshop-link').click();
		await at(page, 'title');

		// Setup: a rehearsal-size case and quick figures keep the test short on a busy machine.
		await page.locator('[data-testid="setup"] summary').click();
		await page.getByTestId('setup-size').selectOption('rehearsal');
		await page.getByTestId('setup-effort').selectOption('quick');
		await screenshot(page, 'workshop-01-title');
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await page.waitForSelector('[data-testid="case-ready"]', { timeout: LONG });

		// Chapter 1: the contract as signed; the room predicts.
		await press(page, 'ArrowRight');
		await at(page, 'signed');
		expect(await page.getByTestId('contract-terms').textContent()).toMatch(/Average handle time at most/);
		await readable(page, 'workshop-02-signed', 0);
		await press(page, 'ArrowRight');
		await at(page, 'predict');
		await page.getByTestId('predict-serviceLevel').focus();
		for (const v of ['85', '10', '80', '150k']) {
			await page.keyboard.type(v);
			await page.keyboard.press('Enter');
		}
		await screenshot(page, 'workshop-03-predict');

		// Chapter 2: one reveal per number, then the verdict.
		await press(page, 'ArrowRight');
		await at(page, 'reveal', 0);
		expect(await page.getByTestId('reveal-serviceLevel').count()).toBe(0);
		await press(page, ' ');
		await at(page, 'reveal', 1);
		expect(await page.getByTestId('reveal-serviceLevel').textContent()).toMatch(/%/);
		expect(await page.getByTestId('reveal-repeatContactRate').count()).toBe(0);
		await press(page, ' ', 4);
		await at(page, 'reveal', 5);
		expect(await page.getByTestId('reveal-vendorMargin').textContent()).toMatch(/EUR/);
		expect(await page.getByTestId('verdict').textContent()).toMatch(/The SLA report.*The customers/);
		expect(await page.locator('[data-key-number]', { hasText: '85' }).count()).toBeGreaterThan(0);
		await readable(page, 'workshop-04-reveal', 9);

		// Chapter 3: the balanced scorecard on the same customers.
		await press(page, 'ArrowRight');
		await at(page, 'balanced');
		await press(page, 'ArrowRight');
		await at(page, 'compare', 0);
		await press(page, 'PageDown', 6);
		await at(page, 'compare', 6);
		expect(await page.getByTestId('diff-clientTotalCost').textContent()).toMatch(/EUR/);
		await readable(page, 'workshop-05-compare', 18);

		// Chapter 4: the vendor plays.
		await press(page, 'ArrowRight');
		await at(page, 'vendor', 0);
		await press(page, 'ArrowRight', 3);
		await at(page, 'vendor', 3);
		expect(await page.getByTestId('vendor-0').textContent()).toMatch(/The vendor staffs \d+ % of its plan/);
		expect(await page.getByTestId('vendor-lesson').textContent()).toMatch(/client's cost moves/);
		await readable(page, 'workshop-06-vendor', 12);

		// Chapter 5: the brief, three teams' codes, one bad line, the ranking.
		await press(page, 'ArrowRight');
		await at(page, 'brief');
		const link = (await page.getByTestId('team-link').textContent())!.trim();
		expect(link).toMatch(/\/workshop\/team\/#b=1r/);
		await readable(page, 'workshop-07-brief');
		const codes = [
			await teamCode(link, 'Team A', '4'),
			await teamCode(link, 'Team B', '5'),
			await teamCode(link, 'Team C', '6')
		];
		await press(page, 'ArrowRight');
		await at(page, 'entries');
		await page
			.getByTestId('entries-input')
			.fill([...codes, 'not a code', `see ${link}&d=${codes[0]}`].join('\n'));
		expect(await page.getByTestId('entries-accepted').locator('li').count()).toBe(3);
		expect(await page.getByTestId('entries-problems').textContent()).toMatch(
			/Line 4: no team code found.*Line 5: the same code as an earlier line/
		);
		await page.getByTestId('entries-run').click();
		await page.waitForSelector('[data-testid="teams-ready"]', { timeout: LONG });
		await screenshot(page, 'workshop-08-entries');

		await press(page, 'ArrowRight');
		await at(page, 'ranking', 0);
		await press(page, 'ArrowRight');
		await readable(page, 'workshop-09-ranking-planned', 5);
		await press(page, 'ArrowRight');
		await at(page, 'ranking', 2);
		await readable(page, 'workshop-10-ranking-vendor', 5);
		await press(page, 'ArrowRight');
		await at(page, 'ranking', 3);
		const rows = page.getByTestId('ranking-row');
		expect(await rows.count()).toBe(5);
		const names = await rows.locator('th').allTextContents();
		for (const team of ['Team A', 'Team B', 'Team C']) expect(names.some((n) => n.includes(team))).toBe(true);
		await readable(page, 'workshop-12-ranking-table', 20);

		// The end, and the handout printed to PDF.
		await press(page, 'ArrowRight');
		await at(page, 'end');
		expect(await page.getByTestId('takeaways').textContent()).toMatch(/Today's best draft/);
		await screenshot(page, 'workshop-13-end');
		await page.emulateMedia({ media: 'print' });
		expect(await page.getByTestId('handout-team').count()).toBe(3);
		expect(await page.getByTestId('handout').textContent()).toMatch(/The room predicted/);
		await page.screenshot({ path: `${SHOTS}/workshop-14-handout.png`, fullPage: true });
		const pdf = `${SHOTS}/workshop-handout.pdf`;
		await page.pdf({ path: pdf, format: 'A4', printBackground: true });
		expect(statSync(pdf).size).toBeGreaterThan(20_000);
		await page.emulateMedia({ media: 'screen' });

		// Everything typed survives a reload.
		await page.reload();
		await at(page, 'end');
		await press(page, '2');
		await at(page, 'reveal');
		expect(errors).toEqual([]);
		await context.close();
	});
});
