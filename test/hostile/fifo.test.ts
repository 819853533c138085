// Files that are not files: a FIFO named like an event file or an event-cache page, and --config at a
// FIFO or /dev/zero. Each would block open(2)/read(2) forever or fill memory; the commands must finish
// and say what they skipped. Run as child processes: a frozen command cannot freeze the test runner.
import {execFileSync, spawn} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';

interface Run {
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	killed: boolean;
}

/** Run the built CLI; a run still going after `deadlineMs` is killed and reported as frozen. */
function stackdeck(args: string[], deadlineMs = 45_000): Promise<Run> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [STACKDECK_BIN, ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), DOCKER_HOST: 'unix:///nonexistent/docker.sock'}});
		let stdout = '';
		let stderr = '';
		let killed = false;
		child.stdout.on('data', d => (stdout += d));
		child.stderr.on('data', d => (stderr += d));
		const timer = setTimeout(() => {
			killed = true;
			child.kill('SIGKILL');
		}, deadlineMs);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr, killed});
		});
	});
}

let home: string;
let state: string;
const SESSION = '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f';

beforeAll(() => {
	home = mkdtempSync(path.join(tmpdir(), 'sd-fifo-'));
	state = path.join(home, 'state');
	cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'openhands', 'state'), state, {recursive: true});
	const events = path.join(state, 'sessions', SESSION, 'events');
	execFileSync('mkfifo', [path.join(events, '11.json')]);
	mkdirSync(path.join(state, 'sessions', SESSION, 'event_cache'));
	execFileSync('mkfifo', [path.join(state, 'sessions', SESSION, 'event_cache', '0-25.json')]);
	execFileSync('mkfifo', [path.join(home, 'config-fifo.toml')]);
});

afterAll(() => rmSync(home, {recursive: true, force: true}));

describe('non-regular files are refused, never waited on', () => {
	it('check-session skips a FIFO event file and a FIFO cache page, and names them', async () => {
		const r = await stackdeck(['check-session', state]);
		expect(r.killed, `froze; stderr: ${r.stderr}`).toBe(false);
		expect(r.stdout).toContain(`${SESSION}`);
		expect(r.stdout).toMatch(/11\.json: not a regular file/);
		// The session's real events were still read.
		expect(r.stdout).toMatch(new RegExp(`${SESSION} \\([^)]*\\): 11 events`));
	}, 60_000);

	it('--config at a FIFO is refused with a message, exit 2', async () => {
		const fifo = path.join(home, 'config-fifo.toml');
		const r = await stackdeck(['config', '--config', fifo]);
		expect(r.killed, 'froze').toBe(false);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`${fifo}: cannot read config (a FIFO, not a regular file`);
	}, 60_000);

	it('--config /dev/zero is refused before a byte is read', async () => {
		const r = await stackdeck(['config', '--config', '/dev/zero']);
		expect(r.killed, 'froze or grew').toBe(false);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('/dev/zero: cannot read config (a device, not a regular file');
	}, 60_000);
});
