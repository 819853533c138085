#!/usr/bin/env node
// Launcher: runs the compiled CLI. `npm ci` builds it through the `prepare` script.
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
	process.stderr.write(`stackdeck: ${main} is missing; run \`npm run build\` in the stackdeck folder first.\n`);
	process.exit(2);
}
// React's development build (chosen when NODE_ENV is unset) records a performance.measure entry
// per component render, kept for ever in Node's performance timeline: ~100 MB a day at a fast
// refresh. The cockpit runs the production build unless NODE_ENV says otherwise.
process.env.NODE_ENV ??= 'production';
await import(pathToFileURL(main).href);
