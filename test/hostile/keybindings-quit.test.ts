// A keybindings file that moves quit: the header names the key that quits now, the old key does
// nothing, the new one quits. The built bin/stackdeck in a real pty.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {spawnScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sd-quitkey-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

it('with app.quit on "x" the header says "x quit", q does not quit and x does', async () => {
	mkdirSync(path.join(tmp, 'stackdeck'));
	writeFileSync(path.join(tmp, 'stackdeck', 'keybindings.json'), JSON.stringify({'app.quit': ['x']}));
	// No daemon behind this socket: the cockpit starts without touching the machine's Docker.
	const env = {HOME: tmp, XDG_CONFIG_HOME: tmp, DOCKER_HOST: `unix://${path.join(tmp, 'none.sock')}`};
	const s = spawnScreen(process.execPath, [STACKDECK_BIN], {cols: 120, rows: 30, env});
	let gone = false;
	void s.exited.then(() => (gone = true));
	try {
		await s.waitFor(l => l[0]!.startsWith('stackdeck'), 40_000, 'the header');
		expect(s.lines()[0]).toContain('? all keys · x quit');
		expect(s.lines()[0]).not.toContain('q quit');
		// q, then ?: the help overlay opening proves q was read and did not quit.
		s.write('q');
		s.write('?');
		// Help opens at the focused panel's keys; g goes to the top, where the global keys are.
		await s.waitFor(l => l.join('\n').includes('Esc close'), 20_000, 'help open');
		s.write('g');
		await s.waitFor(l => l.join('\n').includes('Quit stackdeck'), 20_000, 'help listing the quit key');
		expect(s.text()).toMatch(/\bx\s+Quit stackdeck/);
		s.write('\u001b');
		s.write('x');
		expect((await s.exited).exitCode).toBe(0);
	} finally {
		if (!gone) s.kill('SIGKILL');
	}
}, 90_000);
