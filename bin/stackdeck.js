#!/usr/bin/env -S node --max-semi-space-size=1
// Launcher: runs the bundled CLI (dist/bundle, built by `npm run build`; `npm ci` builds it through
// the `prepare` script). React and the libraries under it read NODE_ENV: outside the tests the
// cockpit runs their production builds (the development build costs CPU and memory all day).
// The shebang's --max-semi-space-size=1 (V8 reads it only at start): the cockpit makes short-lived
// strings every frame, and V8 grows its young generation to 16 MB semi-spaces for them, which stay
// resident. Side by side at 80x24 and the default 1 s refresh for 10 minutes: 1.62% of a core with
// this flag (RSS 109-114 MB, flat) against 2.02% with --optimize-for-size (103 -> 110 MB), which
// bounded RSS too but collects more often and turns off some of V8's caches; in another run, 1.33%
// with V8's defaults (RSS 101-107 -> 141 MB) against 2.17%. `stackdeck tmux` passes it to its panes.
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

// React's development build (chosen when NODE_ENV is unset) records a performance.measure entry
// per component render, kept for ever in Node's performance timeline: ~100 MB a day at a fast
// refresh. The cockpit runs the production build unless NODE_ENV says otherwise.
process.env.NODE_ENV ??= 'production';
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle', 'main.js');
if (!existsSync(main)) {
	process.stderr.write(`stackdeck: ${main} is missing; run \`npm run build\` in the stackdeck folder first.\n`);
	process.exit(2);
}
await import(pathToFileURL(main).href);
