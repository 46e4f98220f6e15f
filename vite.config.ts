import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	// The dev server must serve the workers and the preset scenarios, which live outside src/.
	server: { fs: { allow: ['workers', 'scenarios'] } },
	test: {
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 300_000,
		// Hooks start worker pools and compute reference runs: on a busy 2-core machine that can take
		// minutes, so they get the same generous budget as a test (vitest's default is 10 s).
		hookTimeout: 300_000
	}
});
