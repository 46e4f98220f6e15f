/**
 * Nothing a link holds can hurt the user, and nothing the user made is lost: the static build's
 * Content-Security-Policy, share links (bombs, invalid contents, the way back to one's own
 * workspace) and the work budget (a huge scenario never starts by itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium, screenshot } from './helpers';
import { encodeShare, packJson } from '../../src/lib/ui/share';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const preset = (file: string) => JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
const url = (hash = '') => new URL(hash, inject('baseUrl')).toString();

/** A page that records console errors, uncaught exceptions and CSP violations from its first script on. */
async function open(context: BrowserContext, hash = '') {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(String(err)));
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	await page.goto(url(hash));
	return {
		page,
		errors,
		violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
	};
}

const status = (page: Page) => page.getByTestId('run-status').getAttribute('data-status');
const runDone = (page: Page) =>
	page.waitForSelector('[data-testid="run-status"][data-status="done"]', { timeout: 180_000 });

describe('Content-Security-Policy of the static build', () => {
	it('is in the page, allows the app and its workers (no violation) and blocks an injected script', async () => {
		const html = readFileSync('build/index.html', 'utf8');
		const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
		expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
		expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
		expect(csp).toMatch(/worker-src 'self'/);
		expect(csp).toMatch(/object-src 'none'/);

		const context = await browser.newContext();
		const { page, errors, violations } = await open(context);
		await runDone(page);
		expect(await page.getByTestId('worker-status').getAttribute('data-status')).toBe('ready');
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		// The policy is live: an inline script added by anything but the app does not run.
		const ran = await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__injected = true';
			document.body.append(s);
			return (window as unknown as { __injected?: boolean }).__injected === true;
		});
		expect(ran).toBe(false);
		expect((await violations()).join()).toMatch(/script-src/);
		await context.close();
	});
});

describe('share links never replace the user’s work', () => {
	/** The drafts in the editor: which workspace is open, without waiting for a run. */
	const drafts = (page: Page) => page.getByRole('tab').allTextContents();

	/** A browser profile whose autosaved workspace is the pricing preset; returns its drafts. */
	async function myWorkspace(context: BrowserContext): Promise<string[]> {
		const { page } = await open(context);
		// Choose again until the app, still hydrating on a busy machine, has taken the choice.
		const choose = async () => {
			await page.getByTestId('preset-select').selectOption('pricing');
			return drafts(page);
		};
		await expect.poll(choose, { timeout: 60_000, interval: 2_000 }).toContain('Per staffed hour');
		await page.waitForTimeout(1500); // autosave (400 ms after the last change)
		const mine = await drafts(page);
		await page.close();
		return mine;
	}

	it('a valid link keeps the previous workspace in the library, with a way back', async () => {
		const context = await browser.newContext();
		const mine = await myWorkspace(context);
		const link = await open(context, '#' + encodeShare(preset('textbook-erlang-a.json')));
		await link.page.getByTestId('share-opened').waitFor({ timeout: 60_000 });
		expect(await link.page.getByTestId('share-opened').textContent()).toMatch(/kept in your library/);
		expect(await drafts(link.page)).not.toEqual(mine);
		expect(link.page.url()).not.toContain('#w=');
		await screenshot(link.page, '20-share-link-opened');
		await link.page.locator('details.library summary').click();
		await expect
			.poll(() => link.page.locator('details.library').textContent(), { timeout: 10_000 })
			.toMatch(/My workspace before a share link/);
		await link.page.locator('details.library summary').click();
		await link.page.getByTestId('back-to-mine').click();
		await expect.poll(() => drafts(link.page), { timeout: 10_000 }).toEqual(mine);
		expect(link.errors).toEqual([]);
		await context.close();
	});

	it('a decompression bomb is not opened; the workspace is unchanged', async () => {
		const context = await browser.newContext();
		const mine = await myWorkspace(context);
		const bomb = await open(context, '#w=' + packJson({ a: ' '.repeat(5_000_000) }));
		await bomb.page.getByTestId('startup-notice').waitFor({ timeout: 60_000 });
		expect(await bomb.page.getByTestId('startup-notice').textContent()).toMatch(/too large to open/);
		expect(await drafts(bomb.page)).toEqual(mine);
		await screenshot(bomb.page, '21-share-link-bomb');
		expect(bomb.errors).toEqual([]);
		await context.close();
	});

	it('a link to an invalid scenario is not opened, nor autosaved over the workspace', async () => {
		const context = await browser.newContext();
		const mine = await myWorkspace(context);
		const bad = preset('ecommerce-case.json');
		bad.assumptions.calendar.days = -1;
		const invalid = await open(context, '#' + encodeShare(bad));
		await invalid.page.getByTestId('startup-notice').waitFor({ timeout: 60_000 });
		expect(await invalid.page.getByTestId('startup-notice').textContent()).toMatch(
			/not valid .*Shared assumptions > Calendar > Days: must be at least 1.*not opened/
		);
		expect(await drafts(invalid.page)).toEqual(mine);
		await invalid.page.waitForTimeout(1500); // an autosave would have happened by now
		await invalid.page.reload();
		await expect.poll(() => drafts(invalid.page), { timeout: 30_000 }).toEqual(mine);
		expect(invalid.errors).toEqual([]);
		await context.close();
	});
});

describe('the work budget in the app', () => {
	it('1e8 first contacts a day does not start by itself; it asks, and can be started and stopped', async () => {
		const huge = preset('ecommerce-case.json');
		huge.assumptions.demand.firstContactsPerDay = 1e8;
		huge.assumptions.calendar.days = 2;
		huge.assumptions.customers.patienceSeconds = { kind: 'never' };
		huge.replications = 1;
		const context = await browser.newContext();
		const { page, errors } = await open(context, '#' + encodeShare(huge));
		await page.getByTestId('budget-prompt').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('budget-prompt').textContent()).toMatch(
			/first contacts per day to at most/
		);
		await page.waitForTimeout(2000);
		expect(await status(page)).toBe('idle');
		await screenshot(page, '22-budget-prompt');
		// The Run button asks again rather than starting it.
		await page.getByTestId('run').click();
		expect(await status(page)).toBe('idle');
		await page.close();

		// Over budget by its replications: started only when asked, and Stop ends it.
		const many = preset('ecommerce-case.json');
		many.replications = 100_000;
		const long = await open(context, '#' + encodeShare(many));
		await long.page.getByTestId('budget-prompt').waitFor({ timeout: 30_000 });
		expect(await long.page.getByTestId('budget-prompt').textContent()).toMatch(
			/lower the replications to at most/
		);
		expect(await status(long.page)).toBe('idle');
		await long.page.getByTestId('run-anyway').click();
		await long.page.waitForSelector('[data-testid="run-status"][data-status="running"]', { timeout: 30_000 });
		await long.page.getByTestId('stop').click();
		await expect.poll(() => status(long.page), { timeout: 30_000 }).toBe('stopped');
		expect(long.errors).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
