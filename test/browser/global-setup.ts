import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';
import { serveStatic } from './static-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** Build the static site once, serve it on 127.0.0.1 like a static host, and hand its URL to the tests. */
export default async function setup(project: TestProject) {
	ensureChromium();
	if (!process.env.SKIP_BUILD) execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
	const server = await serveStatic('build');
	project.provide('baseUrl', server.url);
	return () => server.close();
}
