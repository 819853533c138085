#!/usr/bin/env node
// Launcher: runs the bundled CLI (dist/bundle, built by `npm run build`; `npm ci` builds it through
// the `prepare` script). React and the libraries under it read NODE_ENV: outside the tests the
// cockpit runs their production builds (the development build costs CPU and memory all day).
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

process.env.NODE_ENV ??= 'production';
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle', 'main.js');
if (!existsSync(main)) {
	process.stderr.write(`stackdeck: ${main} is missing; run \`npm run build\` in the stackdeck folder first.\n`);
	process.exit(2);
}
await import(pathToFileURL(main).href);
