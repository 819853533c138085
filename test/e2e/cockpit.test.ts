// The built bin/stackdeck in a real pty, read back through a real terminal emulator.

import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {tempDir} from '../support/temp-dir.js';

const ENTER_ALT = '\u001B[?1049h';
const RESTORE_TAIL = '\u001B[?1049l\u001B[?25h';

let screen: PtyScreen | undefined;
afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
});

// An empty config folder, so the developer's own config does not leak into the test.
function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
	const home = tempDir('stackdeck-e2e-');
	return {XDG_CONFIG_HOME: home, HOME: home, ...extra};
}

async function startOnMemory(cols: number, rows: number): Promise<PtyScreen> {
	const s = start(cols, rows);
	await s.waitForText('stackdeck');
	s.write('3');
	await s.waitForText(/Used .* GiB/);
	return s;
}

function start(cols: number, rows: number, args: string[] = [], env: Record<string, string> = {}): PtyScreen {
	screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--refresh', '250', ...args], {cols, rows, env: isolatedEnv(env)});
	return screen;
}

describe.each([
	[46, 19],
	[120, 40],
])('cockpit at %ix%i', (cols, rows) => {
	it('first frame, digits switch panels, ? shows help, q exits 0 and restores the terminal', async () => {
		const s = start(cols, rows);
		await s.waitForText('stackdeck');
		expect(s.raw()).toContain(ENTER_ALT);
		s.write('3');
		await s.waitFor(l => l.some(line => line.includes('╭─ 3 Memory')), 10_000, 'Memory panel');
		await s.waitForText(/Used .* GiB/);
		s.write('5');
		if (cols < 80) {
			await s.waitFor(l => l.some(line => line.includes('╭─ 5 Sessions')) && !l.some(line => line.includes('╭─ 3 Memory')), 10_000, 'Sessions panel');
		} else {
			// Wide: every panel is on screen; Enter zooms the focused one, Esc returns to the grid.
			s.write('\r');
			await s.waitFor(l => l.some(line => line.includes('╭─ 5 Sessions')) && !l.some(line => line.includes('╭─ 3 Memory')), 10_000, 'Sessions zoomed');
			s.write('\u001B');
			await s.waitFor(l => l.some(line => line.includes('╭─ 3 Memory')), 10_000, 'grid back');
		}
		s.write('?');
		// Help opens at the focused panel's keys; g goes to the top, where the global keys are.
		await s.waitForText('Esc close');
		s.write('g');
		await s.waitForText('Quit stackdeck');
		s.write('\u001B');
		await s.waitFor(l => !l.join('\n').includes('Quit stackdeck'), 10_000, 'help closed');
		s.write('q');
		const {exitCode} = await s.exited;
		expect(exitCode).toBe(0);
		expect(s.raw().endsWith(RESTORE_TAIL)).toBe(true);
		// The frame never used the last row (Ink would clear the screen on every update otherwise).
		expect(s.lines().length).toBe(rows);
	});
});

describe('cockpit exit paths and output', () => {
	it('SIGHUP (a dropped SSH link) restores the terminal too', async () => {
		const s = await startOnMemory(61, 30);
		s.kill('SIGHUP');
		await s.exited;
		expect(s.raw().endsWith(RESTORE_TAIL)).toBe(true);
	});

	it('SIGTERM restores the terminal', async () => {
		const s = await startOnMemory(61, 30);
		s.kill('SIGTERM');
		await s.exited;
		expect(s.raw().endsWith(RESTORE_TAIL)).toBe(true);
	});

	it('Ctrl-C quits with code 0', async () => {
		const s = await startOnMemory(61, 30);
		s.write('\u0003');
		expect((await s.exited).exitCode).toBe(0);
		expect(s.raw().endsWith(RESTORE_TAIL)).toBe(true);
	});

	it('never clears the whole screen during 5 s of live updates', async () => {
		const s = await startOnMemory(160, 48);
		const before = s.raw().length;
		const history = () => Number(/History \((\d+)\/60/.exec(s.text())?.[1] ?? 0);
		const startSamples = history();
		await new Promise(r => setTimeout(r, 5000));
		const during = s.raw().slice(before);
		expect(during).not.toContain('\u001B[2J');
		// Live: the memory history kept growing (refresh 250 ms).
		expect(history()).toBeGreaterThan(startSamples + 4);
		s.write('q');
		await s.exited;
	});

	it('a bad config file exits 2 with a message naming file and key, without touching the terminal', async () => {
		const dir = tempDir('stackdeck-bad-');
		const file = path.join(dir, 'config.toml');
		writeFileSync(file, '[engines]\nprobe = "yes"\n');
		const s = start(80, 24, ['--config', file]);
		const {exitCode} = await s.exited;
		expect(exitCode).toBe(2);
		expect(s.raw()).not.toContain(ENTER_ALT);
		expect(s.raw()).toContain(file);
		expect(s.raw()).toContain('engines.probe');
	});

	it('a terminal resized to 10x5 shows the too-small screen and recovers', async () => {
		const s = start(80, 24);
		await s.waitForText('stackdeck');
		s.resize(10, 5);
		await s.waitForText('have 10x5');
		s.resize(61, 30);
		await s.waitForText('╭─ 1 Containers');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	});
});
