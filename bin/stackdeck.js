#!/usr/bin/env -S node --max-semi-space-size=1
// Launcher: runs the bundled CLI (dist/bundle, built by `npm run build`; `npm ci` builds it through
// the `prepare` script). React and the libraries under it read NODE_ENV: outside the tests the
// cockpit runs their production builds (the development build costs CPU and memory all day).
// The small young generation (the shebang's flag; V8 reads it only at start): the cockpit makes
// short-lived strings every frame, and the default 16 MB semi-spaces kept ~30 MB of them resident
// for no gain (RSS 150 -> 117 MB at 80x24, the same CPU).
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

process.env.NODE_ENV ??= 'production';
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle', 'main.js');
if (!existsSync(main)) {
	process.stderr.write(`stackdeck: ${main} is missing; run \`npm run build\` in the stackdeck folder first.\n`);
	process.exit(2);
}
// React's development build (chosen when NODE_ENV is unset) records a performance.measure entry
// per component render, kept for ever in Node's performance timeline: ~100 MB a day at a fast
// refresh. The cockpit runs the production build unless NODE_ENV says otherwise.
process.env.NODE_ENV ??= 'production';
await import(pathToFileURL(main).href);
