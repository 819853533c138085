// Bundles the CLI into dist/bundle/ (esbuild): start-up then opens a few files instead of the
// ~1,300 modules the ESM loader would resolve one by one, and React's production build is chosen
// at build time. What the first frame does not need (Docker, pty, xterm, ssh, the demo) is behind
// dynamic imports and lands in chunks loaded after it. Run by `npm run build` (and so by `npm ci`).

import {build} from 'esbuild';
import {rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {inkOutputCachePlugin} from './ink-output-cache.mjs';
import {stringWidthNarrowPlugin} from './string-width-narrow.mjs';
import {yogaNoFetchPlugin} from './yoga-no-fetch.mjs';
import {zodLocalesPlugin} from './zod-locales.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, {recursive: true, force: true});

const result = await build({
	absWorkingDir: root,
	entryPoints: {main: 'source/cli/main.ts'},
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// dist/bundle/ is as deep as dist/cli/, so paths found from import.meta.url (package.json,
	// themes/, bin/) resolve the same in both.
	chunkNames: '[name]-[hash]',
	define: {'process.env.NODE_ENV': '"production"'},
	// Native addons and what loads them stay in node_modules; Ink loads react-devtools-core only under
	// DEV=true; the pane's emulator is required when a pane starts.
	external: ['@lydell/node-pty', 'ssh2', 'cpu-features', 'dockerode', 'react-devtools-core', '@xterm/headless', '@xterm/addon-unicode11'],
	// CommonJS dependencies call require() for Node's built-ins.
	banner: {js: "import {createRequire as __stackdeckRequire} from 'node:module'; const require = __stackdeckRequire(import.meta.url);"},
	// Ink's per-frame output caches, shared across frames (see ink-output-cache.mjs); zod's English
	// messages without its other locales (zod-locales.mjs); string-width's fast path for box drawing,
	// blocks and punctuation (string-width-narrow.mjs).
	plugins: [inkOutputCachePlugin, yogaNoFetchPlugin, zodLocalesPlugin, stringWidthNarrowPlugin],
	metafile: true,
	legalComments: 'none',
	logLevel: 'warning',
});
writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
