/**
 * `npm run bench:browser [-- --json] [-- --no-build] [-- --trials N]`: the app's speed in Chromium, on the
 * static build served like any static host (as test/browser does), with the machine's cores as workers.
 *   firstSummarySeconds: from a valid scenario being ready (the run starting, after the editor's short
 *     pause for typing) to the first summary painted on screen; userToFirstSummarySeconds: from the user
 *     picking the e-commerce preset (that pause included).
 *   hundredRepsSeconds: the e-commerce case with its cap set to 100 months and the precision stop off
 *     (`?precision=0`), from the run starting to its end (100 replications).
 *   longestTaskMs: the longest main-thread task during those runs (Long Tasks API; it reports tasks over
 *     50 ms, so 0 means none was longer than 50 ms).
 * Each figure is the best of `--trials` (3) page loads: the machine may be shared, and load only slows.
 * The app marks its runs with User Timing marks (workspace.svelte.ts): `run-start`, `run-first-summary`,
 * `run-end`.
 */
import { execSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { ensureChromium, launchChromium } from '../test/browser/chromium';
import { serveStatic } from '../test/browser/static-server';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const trialsAt = argv.indexOf('--trials');
const TRIALS = trialsAt >= 0 ? Math.max(1, Number(argv[trialsAt + 1]) || 3) : 3;
const log = (s: string) => {
	if (!json) process.stderr.write(s + '\n');
};

interface Trial {
	firstSummarySeconds: number;
	userToFirstSummarySeconds: number;
	hundredRepsSeconds: number;
	hundredReps: number;
	longestTaskMs: number;
}

/** Collect long tasks from the very start of the page. */
const OBSERVE_LONG_TASKS = `
	window.__longTasks = [];
	new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
		.observe({ type: 'longtask', buffered: true });
`;

type Mark = { name: string; t: number; run: number };

async function marks(page: Page): Promise<Mark[]> {
	return page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.map((m) => ({ name: m.name, t: m.startTime, run: (m as PerformanceMark).detail?.run ?? -1 }))
	);
}

/** The first mark `name` of a run that started after `after` (ms), waiting for it. */
async function markAfter(page: Page, name: string, after: number, run?: number): Promise<Mark> {
	const deadline = Date.now() + 600_000;
	for (;;) {
		if (Date.now() > deadline) throw new Error(`no "${name}" mark within 10 minutes`);
		const ms = await marks(page);
		const start = run ?? ms.find((m) => m.name === 'run-start' && m.t >= after)?.run;
		const m = start === undefined ? undefined : ms.find((x) => x.name === name && x.run === start);
		if (m) return m;
		await page.waitForTimeout(50);
	}
}

async function trial(browser: Browser, baseUrl: string): Promise<Trial> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	await context.addInitScript(OBSERVE_LONG_TASKS);
	const page = await context.newPage();
	try {
		await page.goto(new URL('?precision=0', baseUrl).toString());
		// the default scenario runs by itself on opening: its first figures mean the workers are up
		await markAfter(page, 'run-first-summary', 0);
		const tUser = await page.evaluate(() => performance.now());
		await page.getByTestId('preset-select').selectOption('ecommerce-case');
		const start = await markAfter(page, 'run-start', tUser);
		const first = await markAfter(page, 'run-first-summary', tUser, start.run);
		await markAfter(page, 'run-end', tUser, start.run);
		// the same case at 100 months (a run over the work budget waits for the user's go-ahead: give it)
		const tReps = await page.evaluate(() => performance.now());
		const reps = page.getByTestId('reps');
		await reps.fill('100');
		await reps.dispatchEvent('change');
		const anyway = page.getByTestId('run-anyway');
		await page.waitForTimeout(1000);
		if (await anyway.count()) await anyway.click();
		const start100 = await markAfter(page, 'run-start', tReps);
		const end100 = await markAfter(page, 'run-end', tReps, start100.run);
		const status = (await page.getByTestId('run-status').textContent()) ?? '';
		const hundredReps = Number(/Done: (\d+)/.exec(status)?.[1] ?? NaN);
		const longest = await page.evaluate(
			([from]) =>
				Math.max(
					0,
					...(window as unknown as { __longTasks: [number, number][] }).__longTasks
						.filter(([t, d]) => t + d >= from)
						.map(([, d]) => d)
				),
			[start.t]
		);
		return {
			firstSummarySeconds: (first.t - start.t) / 1000,
			userToFirstSummarySeconds: (first.t - tUser) / 1000,
			hundredRepsSeconds: (end100.t - start100.t) / 1000,
			hundredReps,
			longestTaskMs: longest
		};
	} finally {
		await context.close();
	}
}

ensureChromium();
if (!argv.includes('--no-build')) {
	log('building the static site...');
	execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
const server = await serveStatic('build');
const browser = await launchChromium();
const load0 = loadavg()[0];
const trials: Trial[] = [];
try {
	for (let k = 0; k < TRIALS; k++) {
		const t = await trial(browser, server.url);
		log(
			`trial ${k + 1}: first summary ${t.firstSummarySeconds.toFixed(3)} s after the run starts ` +
				`(${t.userToFirstSummarySeconds.toFixed(3)} s after picking the preset), ${t.hundredReps} months in ` +
				`${t.hundredRepsSeconds.toFixed(2)} s, longest main-thread task ${t.longestTaskMs.toFixed(0)} ms`
		);
		trials.push(t);
	}
} finally {
	await browser.close();
	await server.close();
}
const min = (f: (t: Trial) => number) => Math.round(Math.min(...trials.map(f)) * 1000) / 1000;
const out = {
	firstSummarySeconds: min((t) => t.firstSummarySeconds),
	userToFirstSummarySeconds: min((t) => t.userToFirstSummarySeconds),
	hundredRepsSeconds: min((t) => t.hundredRepsSeconds),
	hundredReps: Math.min(...trials.map((t) => t.hundredReps)),
	longestTaskMs: min((t) => t.longestTaskMs),
	workers: Math.min(8, availableParallelism()),
	loadAverage: [load0, loadavg()[0]].map((x) => Math.round(x * 100) / 100)
};
if (json) process.stdout.write(JSON.stringify(out) + '\n');
else
	for (const [k, v] of Object.entries(out))
		process.stdout.write(`${k.padEnd(28)}${Array.isArray(v) ? v.join(', ') : String(v)}\n`);
