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
		testTimeout: 120_000
	}
});
