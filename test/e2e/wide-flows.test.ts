// The everyday flows in a 160x48 tmux pane: the built bin/stackdeck on the demo stack in a real pty,
// read back through a real terminal emulator. One demo serves every case, in order (each leaves the
// cockpit on the Containers list): an engine stopped with the docker CLI while Containers is focused,
// help at the focused panel's keys, a paste into the log filter, Esc from logs opened from the detail,
// g/G/End in a log longer than its page.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {PtyScreen} from '../support/pty-screen.js';
import {startDemoScreen, untilBrokenModelCrashed, type DemoScreen} from '../support/demo-screen.js';

const run = promisify(execFile);
const COLS = 160;
const ROWS = 48;
const WAIT = 40_000;
let demo: DemoScreen;
let s: PtyScreen;

beforeAll(async () => {
	demo = startDemoScreen('stackdeck-e2e-wide-', COLS, ROWS);
	s = demo.s;
	await s.waitFor(l => l.join('\n').includes('SGLang (1)'), WAIT, 'containers');
	// The cases below start after the crash, so their first key clears its notice from the header.
	await untilBrokenModelCrashed(s, WAIT);
}, 60_000);

afterAll(async () => {
	await demo?.close();
});

const tabStrip = (lines: string[]) => lines[lines.length - 2] ?? '';
const throughputBadge = (lines: string[]) => Number(/(?:^|\s)2 Throughput !(\d+)/.exec(tabStrip(lines))?.[1] ?? 0);
const text = (lines: string[]) => lines.join('\n');
const inLogs = (lines: string[]) => /openhands \[(follow|paused[^\]]*)\]/.test(text(lines));
const inDetail = (lines: string[]) => /Image\s+openhands:/.test(text(lines)) && !inLogs(lines);

function checkFrame(lines: string[]): void {
	expect(lines.length).toBeLessThanOrEqual(ROWS);
	for (const l of lines) expect(l.length).toBeLessThanOrEqual(COLS);
}

describe('everyday flows at 160x48 on the demo', () => {
	it('docker stop sglang while Containers is focused: the Throughput tab counts one more down and the header names it', async () => {
		s.write('2');
		await s.waitFor(l => /sglang\s+mistral/.test(text(l)) && /unreachable since/.test(text(l)), WAIT, 'engines read');
		s.write('1');
		await s.waitFor(l => /stackdeck demo · 1 Containers/.test(l[0] ?? ''), WAIT, 'Containers focused');
		const before = throughputBadge(s.lines());
		await run('docker', ['stop', 'sglang'], {env: {...process.env, DOCKER_HOST: demo.dockerHost()}, timeout: 20_000});
		await s.waitFor(l => throughputBadge(l) === before + 1, WAIT, 'the Throughput tab counting one more down');
		await s.waitFor(l => /2 Throughput: .*sglang.* down/.test(l[0] ?? ''), WAIT, 'the header naming sglang down');
		// The engine's scrape and Docker's container list are two sources: on a loaded machine the
		// header can name sglang down a tick before the list shows its container exited.
		await s.waitFor(l => /· sglang:v0\.5\.5\s+exited/.test(text(l)), WAIT, 'the Containers list showing sglang exited');
		const lines = s.lines();
		// Still on Containers: the alert came to the user, not the user to the panel.
		expect(tabStrip(lines)).toMatch(/2 Throughput !\d+/);
		expect(/2 Throughput: .*sglang.* down/.test(lines[0] ?? '')).toBe(true);
		checkFrame(lines);
	}, 90_000);

	it('? opens help at the Containers keys, with their legend, and Esc returns to the list', async () => {
		s.write('?');
		await s.waitFor(l => /Keys \d+-\d+ of \d+/.test(text(l)), WAIT, 'help');
		const lines = s.lines();
		const top = lines.findIndex(l => /Keys \d+-\d+ of \d+/.test(l));
		expect(lines[top + 1]).toMatch(/^│Containers\s+│$/);
		expect(text(lines)).toMatch(/│l\s+Show the container logs/);
		expect(text(lines)).toMatch(/│exited \(137\)\s+stopped, with its exit code/);
		checkFrame(lines);
		s.write('\u001B');
		await s.waitFor(l => !/Keys \d+-\d+ of/.test(text(l)) && text(l).includes('SGLang (1)'), WAIT, 'help closed');
	}, 60_000);

	it('a paste into the log filter of the full-size panel lands whole and filters by all of it', async () => {
		s.write('\r');
		await s.waitFor(l => /^╭─ 1 Containers/.test(l[1] ?? '') && !/Throughput/.test(l[1] ?? '') && !text(l).includes('╭─ 3 Memory'), WAIT, 'Containers full size');
		s.write('l');
		await s.waitFor(inLogs, WAIT, 'the openhands log');
		s.write('/');
		await s.waitFor(l => l.some(x => /│\/_/.test(x)), WAIT, 'the filter field');
		// One write, as a paste sends it: a request line copied from the log, `?` included.
		const pasted = 'GET /api/conversations?limit=20 HTTP/1.1" 200 OK';
		s.write(pasted);
		await s.waitFor(l => l.some(x => x.includes(`│/${pasted}_`)), WAIT, 'the whole pasted text in the field');
		const lines = s.lines();
		expect(text(lines)).not.toMatch(/Keys \d+-\d+ of/);
		// Only the lines with all of it: the other request lines and the boot log are filtered out.
		expect(text(lines)).not.toContain('options/config');
		expect(text(lines)).not.toContain('Starting OpenHands');
		expect(text(lines)).toMatch(/"GET \/api\/conversations\?limit=20 HTTP\/1\.1" 200 OK/);
		checkFrame(lines);
		s.write('\u001B');
		await s.waitFor(l => !l.some(x => /│\/.*_/.test(x)) && text(l).includes('options/config'), WAIT, 'filter cleared, every line back');
		s.write('\u001B');
		await s.waitFor(l => !inLogs(l) && text(l).includes('SGLang (1)'), WAIT, 'back on the list');
	}, 60_000);

	it('logs opened from the detail: Esc returns to the same detail, a second Esc to the list', async () => {
		s.write('\r');
		await s.waitFor(inDetail, WAIT, 'the detail');
		const detail = s.lines().filter(l => /Image\s+openhands:|State\s+running|Role\s+/.test(l)).join('\n');
		expect(detail).toMatch(/Image/);
		s.write('l');
		await s.waitFor(inLogs, WAIT, 'the log view');
		s.write('\u001B');
		await s.waitFor(inDetail, WAIT, 'back on the detail');
		expect(s.lines().filter(l => /Image\s+openhands:|State\s+running|Role\s+/.test(l)).join('\n')).toBe(detail);
		s.write('\u001B');
		await s.waitFor(l => !inDetail(l) && !inLogs(l) && text(l).includes('SGLang (1)'), WAIT, 'back on the list');
		s.write('\u001B');
		await s.waitForText('╭─ 3 Memory', WAIT);
	}, 60_000);

	it('a log longer than its page: g goes to the top and pauses, G and End follow the end again', async () => {
		// In the grid the log has the Containers column, 51 wide: openhands' boot lines wrap, and its
		// access lines (one every 5 s) push the first ones off the page.
		const first = /│Starting OpenHands\.\.\./;
		const following = (l: string[]) => /openhands \[follow\] \d+ lines/.test(text(l));
		s.write('l');
		await s.waitFor(inLogs, WAIT, 'the openhands log');
		// Following shows the end: with lines read and the first one not on screen, the log is longer than the page.
		await s.waitFor(l => following(l) && !/\[follow\] 0 lines/.test(text(l)) && !first.test(text(l)), 120_000, 'the log to outgrow its page, its first line scrolled off');
		for (const end of ['G', '\u001B[F']) {
			s.write('g');
			await s.waitFor(l => /openhands \[paused -\d+/.test(text(l)) && first.test(text(l)), WAIT, 'the top of the log, paused');
			s.write(end);
			await s.waitFor(l => following(l) && !first.test(text(l)), WAIT, `following the end again after ${end === 'G' ? 'G' : 'End'}`);
			// The last line the daemon has, read with the docker CLI, is on screen (at 51 columns its
			// start: the address and port tell the access lines apart).
			const {stdout, stderr} = await run('docker', ['logs', '--tail', '1', 'openhands'], {env: {...process.env, DOCKER_HOST: demo.dockerHost()}, timeout: 20_000});
			const last = (stdout + stderr).trim().slice(0, 40);
			expect(last).toMatch(/\S/);
			await s.waitFor(l => l.some(x => x.includes(`│${last}`)), WAIT, `the last line ${last}`);
			checkFrame(s.lines());
		}
		s.write('\u001B');
		await s.waitFor(l => !inLogs(l) && text(l).includes('SGLang (1)'), WAIT, 'back on the list');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);
});
