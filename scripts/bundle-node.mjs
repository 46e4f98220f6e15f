/**
 * Bundles the Node entry points (the CLI, the benchmark and the simulation worker thread) with esbuild
 * into dist-node/ (git-ignored), so that `npm run sim` and `npm run bench` start plain JavaScript: no
 * TypeScript transpile at start-up, none in each worker thread. Prints nothing when it succeeds.
 * src/lib/pool/node.ts starts dist-node/sim-worker.mjs when it runs from a bundle (and the TypeScript
 * worker through tsx when it runs from the sources, as in the unit tests).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
	absWorkingDir: root,
	entryPoints: {
		sim: 'src/cli/sim.ts',
		bench: 'bench/bench.ts',
		'sim-worker': 'workers/sim.node-worker.ts'
	},
	outdir: 'dist-node',
	outExtension: { '.js': '.mjs' },
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	sourcemap: 'linked',
	logLevel: 'warning',
	// CommonJS dependencies (seedrandom) call require(): give the ES module bundle one
	banner: {
		js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
	}
});
