import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const INSTALL_HELP =
	"Browser tests need Debian's Chromium at /usr/bin/chromium. Install it with:\n" +
	'  sudo apt-get update && sudo apt-get install -y chromium\n' +
	'(or set CHROMIUM_PATH to another Chromium binary).';

/** Make sure Chromium is there: install it with apt-get when missing and running as root; else fail loudly. */
export function ensureChromium(): void {
	if (existsSync(CHROMIUM_PATH)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('[browser tests] Chromium missing: installing Debian package "chromium" with apt-get...');
		try {
			execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
				stdio: 'inherit'
			});
		} catch (err) {
			throw new Error(`Installing Chromium failed (${String(err)}).\n${INSTALL_HELP}`);
		}
	}
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}.\n${INSTALL_HELP}`);
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
}
