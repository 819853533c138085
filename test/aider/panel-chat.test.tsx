// The Aider panel as a user drives it, with the fake Aider in a real pty: /add puts a file in the
// prompt's file list and the title line's count, a file that does not exist is created after
// Aider's confirm question is answered with keys typed into the pane, a reply naming a repo file
// asks to add it, /run shows the command's output and asks to add it, /drop and /diff work, and
// the title line's tokens, cost, commit and (absent) errors stay right throughout.

import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultConfig} from '../../source/config/schema.js';
import {REPO_ROOT} from '../support/paths.js';
import {startLlmServer, type LlmServer} from './sse-server.js';
import {renderAiderCockpit, type AiderCockpit} from './panel-harness.js';

const FAKE = path.join(REPO_ROOT, 'bin', 'fake-aider.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'aider-panel-'));
let server: LlmServer;
let cockpit: AiderCockpit | undefined;

beforeAll(async () => {
	server = await startLlmServer('');
});
afterAll(async () => {
	await server.stop();
	rmSync(tmp, {recursive: true, force: true});
});
afterEach(() => {
	cockpit?.close();
	cockpit = undefined;
});

function repo(name: string): string {
	const dir = path.join(tmp, name);
	mkdirSync(path.join(dir, 'src'), {recursive: true});
	writeFileSync(path.join(dir, 'notes.md'), '# notes\n');
	writeFileSync(path.join(dir, 'src', 'util.js'), 'export const x = 1;\n');
	execFileSync('git', ['init', '-q', dir]);
	execFileSync('git', ['-C', dir, 'add', '.']);
	execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init']);
	return dir;
}

function config(dir: string, extraArgs: string[] = []) {
	const c = defaultConfig();
	c.aider = {...c.aider, command: FAKE, default_repo: dir, history_dir: path.join(dir, '..', `${path.basename(dir)}-hist`), extra_args: extraArgs};
	c.profiles = {coder: {engine: 'sim', served_model_name: 'qwen-coder'}};
	c.engines = {...c.engines, list: [{name: 'sim', url: server.url.replace(/\/v1$/, ''), kind: 'vllm'}]};
	return c;
}

/** The title line under the tabs (status · tokens · files · cost · edits · commit). */
const title = (c: AiderCockpit) => (c.lines().find(l => /(running|exited \d+) · tok /.test(l)) ?? '').replace(/│/g, '').trim();
/** The rows of the pane from the last prompt rule down: the file list and the `> ` line. */
function promptBlock(c: AiderCockpit): string[] {
	const rows = c
		.lines()
		.filter(l => l.startsWith('│'))
		.map(l => l.replace(/^│/, '').replace(/│$/, '').trimEnd());
	const rule = rows.findLastIndex(r => /^─{20,}/.test(r.trim()));
	return rows.slice(rule + 1).filter(r => r.trim() !== '');
}

async function openSession(c: AiderCockpit): Promise<void> {
	await c.type('6');
	await c.type('n');
	await c.until('the Aider prompt in the pane', t => /│> +│?\s*$/m.test(t) || /^│?> *$/m.test(t));
	// In the grid layout the first Enter opens the panel full size, the second gives the pane the keyboard.
	await c.type('\r');
	await c.type('\r');
	await c.until('the keyboard in the pane', t => t.includes('release'));
}

describe('Aider panel: files, confirm prompts and /run through the pane', () => {
	it('adds files (one created after a typed yes), asks about a file the reply names, runs a command, and keeps the summary right', async () => {
		const dir = repo('chat');
		const costs = path.join(tmp, 'costs.json');
		writeFileSync(costs, JSON.stringify({'openai/qwen-coder': {max_input_tokens: 32768, input_cost_per_token: 0.000001, output_cost_per_token: 0.000002}}));
		cockpit = await renderAiderCockpit(config(dir, ['--model-metadata-file', costs]), {...process.env});
		const c = cockpit;
		await openSession(c);
		expect(title(c)).toBe('running · tok 0↑ 0↓ (0 msg)');

		// /add of a file in the repo: Aider says so, the prompt lists it, the title line counts it.
		await c.type('/add notes.md\r');
		await c.until('the added file', t => t.includes('Added notes.md to the chat'));
		// The next prompt: the rule, the file list, then `> `.
		await c.until('the file in the prompt block', () => promptBlock(c).map(r => r.trim()).join('|') === 'notes.md|>');
		await c.until('1 file in the title line', () => / · 1 file( ·|$)/.test(title(c)));

		// /add of a missing file: Aider's confirm question, a wrong answer, then y.
		const created = path.join(dir, 'todo.txt');
		await c.type('/add todo.txt\r');
		const question = `No files matched 'todo.txt'. Do you want to create ${created}? (Y)es/(N)o [Yes]:`;
		// The question may wrap in the pane: compare without the border and spaces.
		await c.until('the create question', t => t.replace(/[│\s]/g, '').includes(question.replace(/\s/g, '')));
		expect(existsSync(created)).toBe(false);
		await c.type('perhaps\r');
		await c.until('the answer hint', t => t.includes('Please answer with one of: yes, no, skip, all'));
		await c.type('y\r');
		await c.until('the created file added', t => t.includes('Added todo.txt to the chat'));
		expect(existsSync(created)).toBe(true);
		await c.until('2 files in the title line', () => / · 2 files( ·|$)/.test(title(c)));
		expect(promptBlock(c).join(' ')).toMatch(/notes\.md +todo\.txt/);

		// A reply naming a repo file that is not in the chat: Aider asks to add it; answer n, nothing changes.
		server.reply = 'The constant lives in src/util.js, nothing to change.';
		await c.type('where is x defined?\r');
		await c.until('the add-file question', t => t.includes('Add file to the chat? (Y)es/(N)o [Yes]:'));
		expect(c.lines().some(l => l.includes('src/util.js') && !l.includes('constant'))).toBe(true); // the subject line
		await c.until('tokens and cost in the title line', () => /tok 1\.2k↑ \d+↓ \(1 msg\) · 2 files · \$0\.00\d+/.test(title(c)));
		await c.type('n\r');
		await c.until('the prompt back', () => promptBlock(c).at(-1)?.trim() === '>');
		expect(title(c)).toMatch(/ · 2 files · /);

		// The same question answered with Enter (the default, yes): a third file.
		await c.type('and again?\r');
		await c.until('the second add-file question', t => t.split('Add file to the chat?').length >= 3);
		await c.type('\r');
		await c.until('3 files', () => / · 3 files · /.test(title(c)));
		await c.until('the new file in the prompt block', () => promptBlock(c).join(' ').includes('src/util.js'));
		expect(title(c)).toMatch(/tok 2\.4k↑ \d+↓ \(2 msg\)/);

		// /run: the output shows in the pane (even a line that looks like Aider's), then Aider asks to add it.
		await c.type('/run echo run-marker; echo "Tokens: 99k sent, 99k received."\r');
		await c.until('the command output', t => t.includes('run-marker'));
		await c.until('the add-output question', t => /Add \d+\.\dk tokens of command output to the chat\? \(Y\)es\/\(N\)o \[Yes\]:/.test(t));
		await c.type('y\r');
		await c.until('the output added', t => t.includes('Added 2 lines of output to the chat.'));
		await c.until('the prompt back', () => promptBlock(c).at(-1)?.trim() === '>');
		// Neither the run's output nor "Added 2 lines of output" is taken for tokens or a file.
		expect(title(c)).toMatch(/tok 2\.4k↑ \d+↓ \(2 msg\) · 3 files · /);

		// An edit and its commit, then /drop and /diff.
		server.reply = 'notes.md\n```\n# notes\nsecond line\n```\n';
		await c.type('add a line to notes\r');
		await c.until('the commit in the title line', () => /commit [0-9a-f]{7}/.test(title(c)));
		const headHash = execFileSync('git', ['-C', dir, 'rev-parse', '--short=7', 'HEAD'], {encoding: 'utf8'}).trim();
		expect(title(c)).toMatch(new RegExp(`tok 3\\.6k↑ \\d+↓ \\(3 msg\\) · 3 files · \\$0\\.00\\d+ · 1 edited · commit ${headHash}$`));
		await c.type('/drop notes.md\r');
		await c.until('the drop', t => t.includes('Removed notes.md from the chat'));
		await c.until('2 files again', () => / · 2 files · /.test(title(c)));
		expect(promptBlock(c).join(' ')).not.toContain('notes.md');
		await c.type('/diff\r');
		await c.until('the diff', t => /Diff since [0-9a-f]{7}\.\.\./.test(t) && t.includes('+second line'));

		const session = c.store.getState().aider.sessions[0]!;
		expect(session.errors).toEqual([]);
		expect(session.commits.map(x => x.hash)).toEqual([headHash]);
		expect(session.tokens.sent).toBe(3 * 1200); // the cockpit reads "1.2k" three times
		expect(session.chatFiles).toEqual(['todo.txt', 'src/util.js']);
		// What Aider logged: each question with the answer it got.
		const history = readFileSync(path.join(dir, '..', 'chat-hist', session.id, 'chat.history.md'), 'utf8');
		expect(history).toContain(`> No files matched 'todo.txt'. Do you want to create ${created}? (Y)es/(N)o [Yes]: y  \n`);
		expect(history).toContain('> Add file to the chat? (Y)es/(N)o [Yes]: n  \n');
		expect(history).toContain('> Add file to the chat? (Y)es/(N)o [Yes]: y  \n');
		expect(history).toMatch(/> Add 0\.0k tokens of command output to the chat\? \(Y\)es\/\(N\)o \[Yes\]: y {2}\n/);
	}, 90_000);
});
