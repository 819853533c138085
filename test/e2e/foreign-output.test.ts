// Nothing but the cockpit's frames may reach its terminal: warnings, console output and stderr
// written inside the cockpit are caught (notice line, log file), and what other programs write to
// the terminal (wall, tmux) is painted over by Ctrl-L. The built bin/stackdeck in a real pty; the
// screen read back through @xterm/headless is compared with the frame the cockpit reports
// drawing (STACKDECK_DIAG, SIGUSR2).

import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {screenMatchesFrame, spawnSoakScreen, type SoakScreen} from '../../source/bench/soak-screen.js';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';

let screen: SoakScreen | undefined;
let dir: string | undefined;
afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
	if (dir) rmSync(dir, {recursive: true, force: true});
	dir = undefined;
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function until<T>(get: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await get();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
}

/** The process's terminal (its stdin) has echo and line editing off, as the cockpit sets it. */
function inRawMode(pid: number): boolean {
	const settings = execFileSync('stty', ['-F', readlinkSync(`/proc/${pid}/fd/0`), '-a'], {encoding: 'utf8'});
	return /(^|\s)-echo(\s|;|$)/.test(settings) && /(^|\s)-icanon(\s|;|$)/.test(settings);
}

/**
 * Keys only once the cockpit is up: before raw mode the terminal would echo them. A count of frames
 * stood for that and failed under load, when the first polls landed in one frame and the next was a
 * minute away: ask the terminal itself.
 */
async function untilUp(s: SoakScreen): Promise<void> {
	await until(() => s.frames() >= 1 && inRawMode(s.pid), 'the first frame, with the terminal in raw mode', 60_000);
}

function start(extraEnv: (dir: string) => Record<string, string> = () => ({}), refresh = '250'): {s: SoakScreen; diag: string; log: string; dir: string} {
	dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-foreign-'));
	// A config with nothing to reach, so the screen changes little; the comparison does not rely on it.
	const config = path.join(dir, 'config.toml');
	writeFileSync(config, '[engines]\nprobe = false\n\n[docker]\nenabled = false\n');
	const diag = path.join(dir, 'diag.jsonl');
	const log = path.join(dir, 'cockpit.log');
	screen = spawnSoakScreen(process.execPath, [STACKDECK_BIN, '--config', config, '--log', log, '--refresh', refresh], {
		cols: 100,
		rows: 30,
		cwd: REPO_ROOT,
		env: {XDG_CONFIG_HOME: dir, HOME: dir, STACKDECK_DIAG: diag, ...extraEnv(dir)},
	});
	return {s: screen, diag, log, dir};
}

/** The frame the cockpit last drew and the screen as the emulator shows it, at the same frame. */
async function compare(s: SoakScreen, diag: string): Promise<{same: boolean; screen: string[]; frame: string[]}> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const lines = () => (existsSync(diag) ? readFileSync(diag, 'utf8').trimEnd().split('\n').filter(Boolean) : []);
		const before = lines().length;
		process.kill(s.pid, 'SIGUSR2');
		const line = await until(() => lines().length > before && lines()[lines().length - 1], 'diagnostics');
		const sample = JSON.parse(line) as {frames: number; frame: string[]};
		await until(() => s.frames() >= sample.frames, `frame ${sample.frames} on screen`);
		const shown = await s.current();
		// Compare only when no later frame arrived meanwhile; otherwise ask again.
		if (s.frames() === sample.frames) return {same: screenMatchesFrame(shown, sample.frame), screen: shown, frame: sample.frame};
	}
	throw new Error('the screen never held still long enough to compare');
}

describe('only the cockpit writes to its terminal', () => {
	it('a process warning, console output and stderr leave the screen as drawn; the notice line and the log hold them', async () => {
		const preload = pathToFileURL(path.join(REPO_ROOT, 'test', 'support', 'noisy-preload.mjs')).href;
		const {s, diag, log, dir: folder} = start(d => ({NODE_OPTIONS: `--import ${preload}`, NOISY_TRIGGER: path.join(d, 'noisy')}));
		const trigger = path.join(folder, 'noisy');
		await untilUp(s);
		s.write('3');
		const before = await compare(s, diag);
		expect(before.same).toBe(true);
		writeFileSync(trigger, '');
		await until(() => existsSync(`${trigger}.done`), 'the noisy library to finish');
		// The last message (the explicit warning, delivered after the synchronous writes) shows on
		// the notice line, in a frame the cockpit drew.
		await until(async () => (await s.current()).some(line => line.includes('DeprecationWarning: a library says something odd')), 'the notice line');
		const result = await compare(s, diag);
		expect(result.same, `screen:\n${result.screen.join('\n')}`).toBe(true);
		const logged = readFileSync(log, 'utf8');
		expect(logged).toContain('MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 tick listeners');
		expect(logged).toContain('DeprecationWarning: a library says something odd');
		expect(logged).toContain('console: stray console.log output');
		expect(logged).toContain('console: stray console.error output');
		expect(logged).toContain('stderr: stray stderr write');
		expect(s.warnings()).toBe(0);
		expect(s.foreignBytes()).toBe(0);
		s.write('q');
		expect(await s.exited).toBe(0);
	}, 120_000);

	it('Ctrl-L after another program wrote to the terminal restores the screen exactly', async () => {
		// A slow refresh: nothing the cockpit draws by itself paints over the foreign text first.
		const {s, diag} = start(undefined, '60000');
		await untilUp(s);
		s.write('3');
		await until(async () => (await s.current()).some(line => /Used .* GiB/.test(line)), 'the Memory panel');
		// Wait for the screen to hold still (startup polls done), so that only Ctrl-L can repaint it.
		for (let last = -1; last !== s.frames(); ) {
			last = s.frames();
			await sleep(1500);
		}
		expect((await compare(s, diag)).same).toBe(true);
		// What `wall` does: open the terminal device and write to it, here over rows 4-13.
		const wall = Array.from({length: 10}, (_, i) => `\u001B[${4 + i};3HBroadcast message from root@spark: the box reboots in 5 minutes ${i}`).join('');
		writeFileSync(`/proc/${s.pid}/fd/1`, wall);
		await until(async () => (await s.current()).some(line => line.includes('Broadcast message')), 'the foreign text on screen');
		const garbled = await compare(s, diag);
		expect(garbled.same, `the foreign text should be on screen before Ctrl-L:\n${garbled.screen.join('\n')}`).toBe(false);
		s.write('\u000C');
		await until(async () => !(await s.current()).some(line => line.includes('Broadcast message')), 'the repaint');
		const restored = await compare(s, diag);
		expect(restored.same, `screen:\n${restored.screen.join('\n')}\nframe:\n${restored.frame.join('\n')}`).toBe(true);
		s.write('q');
		expect(await s.exited).toBe(0);
	}, 120_000);
});
