import { defineConfig } from 'vitest/config';

// Browser tests: build the static site, serve it on 127.0.0.1, drive Debian's Chromium with playwright-core.
export default defineConfig({
	test: {
		include: ['test/browser/**/*.test.ts'],
		globalSetup: ['test/browser/global-setup.ts'],
		environment: 'node',
		testTimeout: 180_000,
		hookTimeout: 300_000,
		fileParallelism: false
	}
});
