// The cockpit as it is left running over a mobile link or in tmux panes: the built bin/stackdeck
// in a real pty against `stackdeck demo --headless` in another process.

import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {startHeadlessDemo, type HeadlessDemo} from '../../source/bench/headless-demo.js';
import {tempDir} from '../support/temp-dir.js';

const CLEAR = '\u001B[2J';
const TITLES = ['1 Containers', '2 Throughput', '3 Memory', '4 Cache', '5 Sessions', '6 Aider', '7 Doctor'];

let demo: HeadlessDemo;
let screen: PtyScreen | undefined;
beforeAll(async () => {
	demo = await startHeadlessDemo();
}, 40_000);
afterAll(async () => {
	await demo?.stop();
});
afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
});

function start(cols: number, rows: number, args: string[] = [], env: Record<string, string> = {}): PtyScreen {
	const home = tempDir('stackdeck-e2e-');
	screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', demo.configPath, '--refresh', '250', ...args], {cols, rows, env: {XDG_CONFIG_HOME: home, HOME: home, ...env}});
	return screen;
}

/** The throughput figures shown, e.g. "92.6 45.1": they move with every refresh while the demo is loaded. */
const figures = (s: PtyScreen) => s.lines().join('\n').match(/\d+\.\d/g)?.join(' ') ?? '';

describe('over a mobile link', () => {
	it('46x19: 10 s of live demo updates, the figures change, and the screen is never cleared', async () => {
		const s = start(46, 19);
		await s.waitForText('stackdeck');
		s.write('2');
		await s.waitFor(l => l.some(line => line.includes('╭─ 2 Throughput')) && /\d+\.\d/.test(l.join('\n')), 20_000, 'throughput figures');
		const firstFrameEnd = s.raw().length;
		const seen = new Set<string>([figures(s)]);
		for (let i = 0; i < 20; i++) {
			await new Promise(r => setTimeout(r, 500));
			seen.add(figures(s));
		}
		// The panel was live: several different sets of figures were on screen.
		expect(seen.size).toBeGreaterThan(2);
		expect(s.raw().slice(firstFrameEnd)).not.toContain(CLEAR);
		expect(s.raw()).not.toContain(CLEAR);
		// Every write is one synchronized update.
		expect(s.raw().split('\u001B[?2026h').length).toBe(s.raw().split('\u001B[?2026l').length);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	});

	it('--panel memory shows that panel alone, on the whole screen', async () => {
		const s = start(61, 20, ['--panel', 'memory']);
		await s.waitForText(/Used .* GiB/);
		const lines = s.lines();
		expect(lines[0]).toContain('╭─ 3 Memory');
		// Its bottom border is on the frame's last row (rows - 2), with no tab strip under it.
		expect(lines[18]).toMatch(/^╰/);
		for (const title of TITLES.filter(t => t !== '3 Memory')) expect(s.text()).not.toContain(title);
		// No header (its hint always ends with 'q quit').
		expect(s.text()).not.toContain('q quit');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	});

	it('--panel with an unknown name exits 2 naming the panels, without touching the terminal', async () => {
		const s = start(61, 20, ['--panel', 'gpu']);
		expect((await s.exited).exitCode).toBe(2);
		expect(s.raw()).toContain('--panel takes one of containers, throughput, memory');
		expect(s.raw()).not.toContain('\u001B[?1049h');
	});

	it.each(['screen-256color', 'tmux-256color'])('TERM=%s: 256 colours, panels switch, no clears', async term => {
		const s = start(80, 24, [], {TERM: term});
		await s.waitForText('stackdeck');
		s.write('3');
		await s.waitForText(/Used .* GiB/);
		expect(s.raw()).toMatch(/\u001B\[[0-9;]*38;5;\d+/);
		expect(s.raw()).not.toContain(CLEAR);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	});
});
