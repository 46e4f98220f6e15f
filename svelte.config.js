import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A fully static site: every simulation runs in the browser's workers.
		adapter: adapter({ fallback: undefined, strict: true }),
		paths: { relative: true },
		// Content-Security-Policy, written into each prerendered page as a <meta> tag: scripts only
		// from this site or with the hash SvelteKit computes for its own inline start-up script,
		// workers from this site, nothing from anywhere else. Inline style attributes are allowed
		// (Svelte and the charts set them); images may be data:/blob: URLs (chart export to PNG).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		typescript: {
			config(tsconfig) {
				tsconfig.include.push('../workers/**/*.ts', '../test/**/*.ts', '../bench/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
