// The fake Aider on its own in a real pty, read back through @xterm/headless: a long streamed
// reply repainted like rich's Live display ends on screen once, in order; --yes-always (what
// `stackdeck aider --message` passes) prints only a confirm's subject, answers yes, and no to
// "Run shell command?", which needs an explicit yes; typed, that y runs the command.

import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {REPO_ROOT} from '../support/paths.js';
import {startLlmServer, type LlmServer} from './sse-server.js';

const FAKE = path.join(REPO_ROOT, 'bin', 'fake-aider.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'fake-aider-prompts-'));
let server: LlmServer;
let screen: PtyScreen | undefined;

beforeAll(async () => {
	server = await startLlmServer('', 2);
});
afterAll(async () => {
	await server.stop();
	rmSync(tmp, {recursive: true, force: true});
});
afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
});

function repo(name: string): string {
	const dir = path.join(tmp, name);
	mkdirSync(dir, {recursive: true});
	execFileSync('git', ['init', '-q', dir]);
	execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'init']);
	return dir;
}

function fake(dir: string, extra: string[], cols = 60, rows = 40): PtyScreen {
	const args = [FAKE, '--model', 'openai/qwen-coder', '--openai-api-base', server.url, '--openai-api-key', 'x', '--no-show-model-warnings', '--chat-history-file', path.join(dir, 'chat.md'), '--input-history-file', path.join(dir, 'input.history'), ...extra];
	return spawnScreen(process.execPath, args, {cols, rows, cwd: dir, env: {GIT_PAGER: 'cat', SHELL: '/bin/sh'}});
}

describe('fake Aider: streaming and confirm prompts', () => {
	it('repaints the streamed reply in place and leaves every line once, wrapped lines included', async () => {
		const dir = repo('live');
		const lines = Array.from({length: 14}, (_, i) => `reply line ${String(i + 1).padStart(2, '0')}`);
		lines[9] = `reply line 10 ${'wide '.repeat(20).trim()}`; // wraps at 60 columns
		server.reply = lines.join('\n');
		screen = fake(dir, []);
		await screen.waitForText(/^> $/m);
		screen.write('tell me\r');
		await screen.waitForText(/^Tokens: 1\.2k sent, \d+ received\.$/m);
		const text = screen.text();
		for (const line of lines.filter((_, i) => i !== 9)) expect(text.split(line).length - 1, line).toBe(1);
		expect(text.replace(/\n/g, '')).toContain(lines[9]);
		const order = lines.filter((_, i) => i !== 9).map(l => text.indexOf(l));
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		// It was repainted while streaming (cursor up + erase line), not only appended.
		expect(screen.raw().split('\u001B[1A\u001B[2K').length).toBeGreaterThan(10);
		// The user's line and the reply are both still on screen, the reply below it.
		expect(text.indexOf('> tell me')).toBeGreaterThanOrEqual(0);
		expect(text.indexOf('> tell me')).toBeLessThan(text.indexOf('reply line 01'));
	}, 30_000);

	it('with --yes-always shows only the subjects, adds /run output, and refuses to run a suggested command', async () => {
		const dir = repo('yes');
		server.reply = 'Run this:\n\n```bash\ntouch ran.txt\n```\n';
		screen = fake(dir, ['--yes-always', '--message', 'make the file']);
		const exit = await screen.exited;
		expect(exit.exitCode).toBe(0);
		const history = readFileSync(path.join(dir, 'chat.md'), 'utf8');
		expect(history).toContain('> touch ran.txt  \n> Run shell command? (Y)es/(N)o [Yes]: n  \n');
		expect(existsSync(path.join(dir, 'ran.txt'))).toBe(false);
		expect(screen.text()).toContain('touch ran.txt');
		expect(screen.text()).not.toContain('(Y)es/(N)o');

		screen = fake(dir, ['--yes-always', '--message', '/run echo from-run']);
		expect((await screen.exited).exitCode).toBe(0);
		expect(screen.text()).toMatch(/^from-run$/m);
		expect(screen.text()).toContain('Added 1 lines of output to the chat.');
		expect(screen.text()).not.toContain('(Y)es/(N)o');
		expect(readFileSync(path.join(dir, 'chat.md'), 'utf8')).toContain('> Add 0.0k tokens of command output to the chat? (Y)es/(N)o [Yes]: y  \n');
	}, 30_000);

	it('asks "Run shell command?" with the command as subject; an explicit y runs it', async () => {
		const dir = repo('ask');
		server.reply = 'Run this:\n\n```bash\necho made > ran.txt; echo shell-said-hi\n```\n';
		screen = fake(dir, []);
		await screen.waitForText(/^> $/m);
		screen.write('make the file\r');
		await screen.waitForText('Run shell command? (Y)es/(N)o [Yes]:');
		expect(screen.lines()).toContain('echo made > ran.txt; echo shell-said-hi');
		expect(existsSync(path.join(dir, 'ran.txt'))).toBe(false);
		screen.write('y\r');
		await screen.waitForText(/^shell-said-hi$/m);
		await screen.waitForText('Add command output to the chat? (Y)es/(N)o [Yes]:');
		expect(readFileSync(path.join(dir, 'ran.txt'), 'utf8')).toBe('made\n');
		screen.write('n\r');
		await screen.waitForText(/^> $/m); // the new prompt (the first one now reads "> make the file")
		expect(readFileSync(path.join(dir, 'input.history'), 'utf8')).toContain('+/run echo made > ran.txt; echo shell-said-hi\n');
	}, 30_000);
});
