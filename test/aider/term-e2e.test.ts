// End to end, as a phone user sees it: `stackdeck term -- <fake aider>` in a 61x30 terminal. The
// keyboard is in the pane: a typed request streams a reply; Ctrl-Z does not suspend the child;
// Ctrl-C reaches the child; Ctrl-Q gives the keyboard back to the cockpit (its help opens on ?).

import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';
import {startLlmServer, type LlmServer} from './sse-server.js';
import {tempDir} from '../support/temp-dir.js';

let server: LlmServer;
let screen: PtyScreen | undefined;
const tmp = tempDir('term-e2e-');

beforeAll(async () => {
	server = await startLlmServer('hello from the model, streamed word by word', 20);
});
afterAll(async () => server.stop());
afterEach(() => screen?.kill('SIGKILL'));

function procState(pid: number): string {
	return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[0]!;
}

describe('stackdeck term hosting the fake Aider', () => {
	it('types into the pane, streams the reply, swallows Ctrl-Z, and releases on Ctrl-Q', async () => {
		const log = path.join(tmp, 'fake.log');
		const fake = path.join(REPO_ROOT, 'bin', 'fake-aider.js');
		screen = spawnScreen(
			process.execPath,
			[STACKDECK_BIN, 'term', '--', fake, '--model', 'openai/qwen-coder', '--openai-api-base', server.url, '--openai-api-key', 'x', '--no-check-update', '--chat-history-file', path.join(tmp, 'chat.md'), '--input-history-file', path.join(tmp, 'input.history')],
			{cols: 61, rows: 30, cwd: tmp, env: {XDG_CONFIG_HOME: tmp, XDG_STATE_HOME: tmp, FAKE_AIDER_LOG: log}},
		);
		await screen.waitFor(l => l.some(r => /│> +│?$/.test(r.trimEnd()) || /│> /.test(r)), 15_000, 'the Aider prompt in the pane');
		const start = JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!) as {pid: number};

		screen.write('say hello');
		screen.write('\r');
		await screen.waitForText('streamed word by word', 10_000);
		await screen.waitForText(/Tokens: 1\.2k sent, \d+ received\./, 10_000);

		screen.write('\u001A');
		await new Promise(r => setTimeout(r, 300));
		expect(procState(start.pid)).not.toBe('T');
		screen.write('again\r');
		await screen.waitFor(l => l.join('\n').split('Tokens: 1.2k sent').length >= 3, 10_000, 'a second reply after Ctrl-Z');

		// Every prompt after the first (which races the cockpit's own start-up) got its CPR answer.
		const cprs = readFileSync(log, 'utf8')
			.trim()
			.split('\n')
			.map(l => JSON.parse(l) as {event: string; answered?: boolean; ms?: number | null})
			.filter(e => e.event === 'cpr');
		console.log(`CPR replies through the cockpit: ${cprs.map(c => `${c.ms ?? 'none'} ms`).join(', ')}`);
		expect(cprs.length).toBeGreaterThanOrEqual(3);
		expect(cprs.slice(1).every(c => c.answered === true)).toBe(true);

		screen.write('\u0003');
		await screen.waitForText('^C again to exit', 5000);

		screen.write('\u0011');
		await new Promise(r => setTimeout(r, 200));
		screen.write('?');
		await screen.waitForText(/Keys \d+-\d+ of/, 15_000);
		// Page the help down to the Aider group (PgDn pages by a screen).
		for (let i = 0; i < 40 && !screen.text().includes('Give the keyboard back'); i++) {
			screen.write('\u001B[6~');
			await new Promise(r => setTimeout(r, 100));
		}
		await screen.waitForText(/Ctrl-Q +Give the keyboard back/, 5000);
		// The pane's program is still running: quitting asks first, since it ends with the cockpit.
		screen.write('q');
		await screen.waitForText('Quitting ends them', 5000);
		screen.write('y');
		const exit = await screen.exited;
		expect(exit.exitCode).toBe(0);
		expect(existsSync(`/proc/${start.pid}`) ? procState(start.pid) : 'gone').not.toBe('T');
	}, 40_000);
});
