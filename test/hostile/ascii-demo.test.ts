// LANG=C as a user meets it: the built bin/stackdeck demo (every panel populated from the simulated
// stack) in a real pty. Not one byte it writes is outside ASCII, on every panel zoomed, in help and
// in the notice log; the same demo under a UTF-8 locale does draw · … › and box lines, so the check can fail.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';

const WAIT = 40_000;
const running: {s: PtyScreen; tmp: string}[] = [];
afterEach(async () => {
	for (const {s, tmp} of running.splice(0)) {
		s.kill('SIGTERM');
		await s.exited;
		rmSync(tmp, {recursive: true, force: true});
	}
});

/** The demo under `lang`, walked through every panel zoomed, help and the notice log; all it wrote. */
async function walk(lang: string): Promise<{raw: string; screens: string[]}> {
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'sd-ascii-demo-'));
	const env = {HOME: tmp, XDG_CONFIG_HOME: tmp, TMPDIR: tmp, LANG: lang, LC_ALL: lang};
	const s = spawnScreen(process.execPath, [STACKDECK_BIN, 'demo', '--no-load', '--load-ms', '500', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0', '--refresh', '500'], {cols: 120, rows: 40, env});
	running.push({s, tmp});
	await s.waitFor(l => l.join('\n').includes('SGLang (1)'), WAIT, 'containers grouped by role');
	const screens: string[] = [s.text()];
	for (const key of ['1', '2', '3', '4', '5', '6', '7']) {
		s.write(key);
		s.write('\r');
		// Two refreshes, so rates, sparklines and session checks have filled in.
		await new Promise(r => setTimeout(r, 1200));
		await s.waitFor(() => true);
		screens.push(s.text());
		s.write('\u001b');
	}
	s.write('?');
	await new Promise(r => setTimeout(r, 300));
	screens.push(s.text());
	s.write('\u001b');
	s.write('!');
	await new Promise(r => setTimeout(r, 300));
	screens.push(s.text());
	s.write('\u001b');
	s.write('q');
	await s.exited;
	return {raw: s.raw(), screens};
}

it('LANG=C: every byte of every frame the demo draws is ASCII, on every panel, help and notices', async () => {
	const utf8 = await walk('C.UTF-8');
	const glyphs = new Set(utf8.raw.match(/[^\u0000-\u007f]/gu));
	// The reference run draws the glyphs the issue names, so their absence below means something.
	for (const g of ['·', '…', '│', '─']) expect(glyphs, g).toContain(g);
	const ascii = await walk('C');
	const odd = [...new Set(ascii.raw.match(/[^\u0000-\u007f]/gu) ?? [])];
	const where = ascii.screens.flatMap(screen => screen.split('\n').filter(l => /[^\u0000-\u007f]/u.test(l)));
	expect(odd, where.slice(0, 10).join('\n')).toEqual([]);
	expect(ascii.screens.join('\n')).toContain('Containers');
}, 180_000);
