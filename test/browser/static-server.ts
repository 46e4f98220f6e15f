import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/** A plain static file server, like any static host: proves the build needs no server code. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
	const base = resolve(root);
	const server: Server = createServer(async (req, res) => {
		try {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			let file = normalize(join(base, path));
			if (!file.startsWith(base)) throw new Error('outside root');
			if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('server has no port');
	return {
		url: `http://127.0.0.1:${address.port}/`,
		close: () => new Promise((ok) => server.close(() => ok()))
	};
}
