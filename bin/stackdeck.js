#!/usr/bin/env -S MALLOC_TRIM_THRESHOLD_=131072 MALLOC_MMAP_THRESHOLD_=131072 node --optimize-for-size --interrupt-budget=4325376
// Launcher: runs the bundled CLI (dist/bundle, built by `npm run build`; `npm ci` builds it through
// the `prepare` script). React and the libraries under it read NODE_ENV: outside the tests the
// cockpit runs their production builds (the development build costs CPU and memory all day).
// The shebang's --optimize-for-size (V8 reads it only at start; v8.setFlagsFromString later does
// less): the cockpit makes short-lived strings every frame, and V8's default heap growth kept them
// resident. At 80x24 and a 100 ms refresh over 4.5 minutes: RSS 243 MB with the defaults, 206 MB
// with 1 MB semi-spaces, 113-115 MB flat with this flag. It costs CPU: at the default 1 s refresh,
// side by side for 10 minutes, 9.0% of a core with it (RSS 108-115 MB, flat) against 5.6-5.9%
// without (RSS 143 -> 188 MB, growing); a cockpit left open all day is bounded first. Capping only
// the semi-spaces (--max-semi-space-size=1) cost less CPU (1.62% against 2.02% at 80x24, 10 minutes
// side by side) but not RSS at a 100 ms refresh: 118 -> 132 MB in 6 minutes against 115 -> 121, and
// levels of 198-225 MB in the soak beside other work.
// --interrupt-budget at 64 times V8's default: the cockpit runs most of its code once a second, and
// V8 kept compiling it with TurboFan minutes after start, the same functions again and again: about
// 100 compiles a minute, 0.6 s of a worker thread. With a budget 64 times larger only code that
// runs a lot is optimized: side by side at 80x24 for 150 s, 2.90% of a core against 3.51% (RSS 98
// against 110 MB); at a 100 ms refresh, 17.9% against 19.3%.
// Leaving TurboFan out (--max-opt=1) cost as little at 1 s but 34% against 19% at 100 ms.
// MALLOC_TRIM_THRESHOLD_ and MALLOC_MMAP_THRESHOLD_ (glibc reads them when the process starts) fix
// both at glibc's defaults, 128 KB, and so turn off its dynamic threshold, which raises them after
// large blocks are freed: the arenas of the cockpit's threads (V8's and libuv's workers) grew from
// under 0.5 MB to 2.7 MB each over ten minutes, most of the RSS growth once V8's heap was flat.
// Side by side at 80x24 for 10 minutes, two each: RSS growth from 2 to 10 minutes 2.8 and 0.4 MB
// with them, 7.1 and 5.1 MB without (levels 91-94 MB against 94-101), CPU 2.24% and 2.22% against
// 2.32% and 2.29%. Other C libraries ignore them.
// `stackdeck tmux` passes these flags and variables to its panes.
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
