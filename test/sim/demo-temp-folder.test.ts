// `stackdeck demo` removes its temporary folder however it is stopped: q, Ctrl-C, SIGTERM and
// SIGHUP (a dropped SSH link) in the cockpit, SIGHUP and SIGTERM headless. Each run gets its own
// TMPDIR, so the folder it makes is the only one there.

import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';

let tmp: string | undefined;
let screen: PtyScreen | undefined;
afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
	if (tmp) rmSync(tmp, {recursive: true, force: true});
	tmp = undefined;
});

const demoFolders = (dir: string) => readdirSync(dir).filter(name => name.startsWith('stackdeck-demo-'));

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 100));
	}
}

describe('stackdeck demo: temporary folder', () => {
	it.each([
		['q', (s: PtyScreen) => s.write('q')],
		['Ctrl-C', (s: PtyScreen) => s.write('\u0003')],
		['SIGTERM', (s: PtyScreen) => s.kill('SIGTERM')],
		['SIGHUP', (s: PtyScreen) => s.kill('SIGHUP')],
	])('in the cockpit, %s removes it', async (_name, stop) => {
		tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-tmpdir-'));
		const home = path.join(tmp, 'home');
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, 'demo', '--no-load', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'], {cols: 100, rows: 30, env: {TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: home}});
		await screen.waitForText('Throughput', 60_000);
		expect(demoFolders(tmp)).toHaveLength(1);
		stop(screen);
		await screen.exited;
		expect(demoFolders(tmp)).toEqual([]);
	}, 120_000);

	it.each(['SIGHUP', 'SIGTERM'] as const)('headless, %s removes it', async signal => {
		tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-tmpdir-'));
		const child = spawn(process.execPath, [STACKDECK_BIN, 'demo', '--headless', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, TMPDIR: tmp}});
		let out = '';
		child.stdout.on('data', d => (out += d));
		const exited = new Promise(r => child.on('exit', r));
		try {
			await until(() => out.includes('--- config.toml ---'), 'the demo to start');
			expect(demoFolders(tmp)).toHaveLength(1);
			child.kill(signal);
			await exited;
			expect(demoFolders(tmp)).toEqual([]);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 120_000);
});
