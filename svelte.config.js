import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A fully static site: every simulation runs in the browser's workers.
		adapter: adapter({ fallback: undefined, strict: true }),
		paths: { relative: true },
		typescript: {
			config(tsconfig) {
				tsconfig.include.push('../workers/**/*.ts', '../test/**/*.ts', '../bench/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
