// `t` in the Aider panel against a real tmux server on a private socket: with $TMUX/$TMUX_PANE
// naming it (as tmux sets them in the cockpit's pane), the key opens Aider in a new tmux pane
// beside the cockpit, where it runs and answers like the embedded one, without the COLUMNS the
// tmux server's environment carries. Outside tmux the key says so and opens nothing.

import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultConfig} from '../../source/config/schema.js';
import {REPO_ROOT} from '../support/paths.js';
import {startLlmServer, type LlmServer} from './sse-server.js';
import {renderAiderCockpit, type AiderCockpit} from './panel-harness.js';

const FAKE = path.join(REPO_ROOT, 'bin', 'fake-aider.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'tmux-pop-'));
const socket = path.join(tmp, 'tmux.sock');
const log = path.join(tmp, 'fake.log');
const dir = path.join(tmp, 'repo');
const historyDir = path.join(tmp, 'hist');
let server: LlmServer;
let cockpit: AiderCockpit | undefined;

const {TMUX: _t, TMUX_PANE: _p, ...outside} = process.env;
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], {encoding: 'utf8', env: outside}).trim();

beforeAll(async () => {
	server = await startLlmServer('hello from the popped-out session');
	mkdirSync(dir, {recursive: true});
	writeFileSync(path.join(dir, 'notes.md'), '# notes\n');
	execFileSync('git', ['init', '-q', dir]);
	execFileSync('git', ['-C', dir, 'add', '.']);
	execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init']);
	// The server's global environment is this one: a stale COLUMNS in it must not reach Aider.
	execFileSync('tmux', ['-S', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'cockpit', '-x', '160', '-y', '40'], {env: {...outside, COLUMNS: '50', FAKE_AIDER_LOG: log}});
});
afterAll(async () => {
	try {
		tmux('kill-server');
	} catch {
		// Already gone.
	}
	await server.stop();
	rmSync(tmp, {recursive: true, force: true});
});
afterEach(() => {
	cockpit?.close();
	cockpit = undefined;
});

function config() {
	const c = defaultConfig();
	c.aider = {...c.aider, command: FAKE, default_repo: dir, history_dir: historyDir};
	c.profiles = {coder: {engine: 'sim', served_model_name: 'qwen-coder'}};
	c.engines = {...c.engines, list: [{name: 'sim', url: server.url.replace(/\/v1$/, ''), kind: 'vllm'}]};
	return c;
}

const panes = () => tmux('list-panes', '-t', 'cockpit', '-F', '#{pane_id}').split('\n');
const paneText = (id: string) => tmux('capture-pane', '-p', '-t', id);

async function until(what: string, probe: () => boolean, show: () => string, ms = 15_000): Promise<void> {
	const end = Date.now() + ms;
	while (!probe()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${show()}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

describe('Aider panel: t opens Aider in a tmux pane', () => {
	it('outside tmux, t says so and opens nothing', async () => {
		cockpit = await renderAiderCockpit(config(), {...outside});
		const before = panes();
		await cockpit.type('6');
		await cockpit.type('t');
		await cockpit.until('the message', t => t.includes('not inside tmux ($TMUX unset)'));
		expect(cockpit.text()).not.toMatch(/failed/);
		expect(panes()).toEqual(before);
		expect(existsSync(historyDir) ? readdirSync(historyDir) : []).toEqual([]);
	}, 30_000);

	it('inside tmux, t splits the cockpit pane and runs Aider there', async () => {
		const pid = tmux('display-message', '-p', '-t', 'cockpit', '#{pid}');
		const cockpitPane = tmux('display-message', '-p', '-t', 'cockpit', '#{pane_id}');
		cockpit = await renderAiderCockpit(config(), {...outside, TMUX: `${socket},${pid},0`, TMUX_PANE: cockpitPane});
		expect(panes()).toEqual([cockpitPane]);
		await cockpit.type('6');
		await cockpit.type('t');
		await cockpit.until('the notice', t => t.includes('Aider opened in a new tmux pane (repo)'));
		const added = panes().filter(p => p !== cockpitPane);
		expect(added).toHaveLength(1);
		const pane = added[0]!;
		await until('the Aider prompt in the tmux pane', () => /^> $/m.test(paneText(pane).replace(/ +$/gm, ' ')) || /^>\s*$/m.test(paneText(pane)), () => paneText(pane));
		expect(paneText(pane)).toContain('Model: openai/qwen-coder with whole edit format');
		expect(tmux('display-message', '-p', '-t', pane, '#{pane_current_path}')).toBe(dir);

		// It is a working session: typed keys reach it and the reply streams from the engine.
		tmux('send-keys', '-t', pane, '/add notes.md', 'Enter');
		await until('the file added', () => paneText(pane).includes('Added notes.md to the chat'), () => paneText(pane));
		tmux('send-keys', '-t', pane, 'hi', 'Enter');
		await until('the reply', () => /^Tokens: 1\.2k sent, \d+ received\.$/m.test(paneText(pane)), () => paneText(pane));
		expect(paneText(pane)).toContain('hello from the popped-out session');

		// What it was started with: the cockpit's options and environment, its own history folder.
		const start = readFileSync(log, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as {event: string; argv: string[]; columns: string | null; gitPager: string | null; browser: string | null}).find(e => e.event === 'start')!;
		expect(start.columns).toBeNull();
		expect(start.gitPager).toBe('cat');
		expect(start.browser).toBe('true');
		expect(start.argv).toEqual(expect.arrayContaining(['--model', 'openai/qwen-coder', '--openai-api-base', server.url, '--no-check-update']));
		const history = start.argv[start.argv.indexOf('--chat-history-file') + 1]!;
		expect(path.dirname(path.dirname(history))).toBe(historyDir);
		expect(readFileSync(history, 'utf8')).toContain('> Added notes.md to the chat  \n');
		// The rule is as wide as the tmux pane, not the 50 columns of the server's COLUMNS.
		const width = Number(tmux('display-message', '-p', '-t', pane, '#{pane_width}'));
		expect(paneText(pane).split('\n').find(l => l.startsWith('─'))!.trimEnd()).toHaveLength(width);
		expect(width).not.toBe(50);
	}, 40_000);
});
