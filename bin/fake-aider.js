#!/usr/bin/env node
// Launcher for the fake Aider used by the demo and the tests (source/sim/aider, entry main.ts).
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'sim', 'aider', 'main.js');
if (!existsSync(main)) {
	process.stderr.write(`fake-aider: ${main} is missing; run \`npm run build\` in the stackdeck folder first.\n`);
	process.exit(2);
}
await import(pathToFileURL(main).href);
