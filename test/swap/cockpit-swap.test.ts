// The swap from the keyboard, in a real pty at phone size (46x19): `m` lists the profiles, Enter
// shows the plan, `y` runs it with its stages on screen, then `y` rewrites the client configs.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {commandProfileToml, freePort, journalLines, models, runStartCommand, stopAll, until, workspace, type Workspace} from './support.js';

let ws: Workspace;
let screen: PtyScreen | undefined;
let ports: {sglang: number; vllm: number};
let repo: string;
const NAMES = ['mistral-small-4', 'qwen3-coder-next'];

beforeAll(async () => {
	ws = workspace();
	ports = {sglang: await freePort(), vllm: await freePort()};
	repo = path.join(ws.dir, 'project');
	mkdirSync(repo);
	writeFileSync(path.join(repo, 'notes.md'), '# notes\n');
	execFileSync('git', ['init', '-q', repo]);
	execFileSync('git', ['-C', repo, 'add', '.']);
	execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init']);
	writeFileSync(
		ws.configPath,
		[
			'[docker]',
			'enabled = false',
			'[engines]',
			'probe = false',
			'',
			'[aider]',
			`command = ${JSON.stringify(path.join(REPO_ROOT, 'bin', 'fake-aider.js'))}`,
			`default_repo = ${JSON.stringify(repo)}`,
			'',
			commandProfileToml(ws, 'mistral-small-4', {kind: 'sglang', model: 'mistral-small-4', port: ports.sglang, memoryGb: 72}),
			commandProfileToml(ws, 'qwen3-coder-next', {kind: 'vllm', model: 'qwen3-coder-next', port: ports.vllm, memoryGb: 80, loadMs: 1500}),
		].join('\n'),
	);
	await runStartCommand(ws, 'mistral-small-4');
	await until(async () => (await models(`http://127.0.0.1:${ports.sglang}`)) !== null, 'sglang to serve');
}, 60_000);

afterAll(async () => {
	screen?.kill('SIGKILL');
	await stopAll(ws, NAMES);
	// Engines that were just killed may still be writing their logs: retry the removal.
	rmSync(ws.dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 200});
});

describe('swap from the cockpit at 46x19', {timeout: 180_000}, () => {
	it('m, Enter, y swaps SGLang for vLLM; y points OpenHands and Aider at it; y restarts Aider on it', async () => {
		const home = mkdtempSync(path.join(os.tmpdir(), 'sd-swap-home-'));
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', ws.configPath, '--refresh', '500'], {
			cols: 46,
			rows: 19,
			env: {HOME: home, XDG_CONFIG_HOME: home, XDG_STATE_HOME: path.join(ws.dir, 'xdg-state'), STACKDECK_MEMINFO: ws.meminfo, STACKDECK_SWAP_POLL_MS: '100'},
		});
		const s = screen;
		await s.waitForText('stackdeck', 20_000);
		// The contract before: OpenHands still names the old model.
		s.write('2');
		await s.waitForText(/OpenHands openai\/old-model ≠ serving/, 20_000);
		// An Aider session on the model that serves now.
		s.write('6');
		await s.waitForText('Aider', 10_000);
		s.write('n');
		await s.waitForText(/mistral-small-4/, 30_000);
		s.write('m');
		await s.waitForText('Swap model', 20_000);
		await s.waitForText(/\* mistral-small-4 .*72G serving/, 20_000);
		await s.waitForText(/qwen3-coder-next .*80G fits/);
		expect(s.lines().length).toBeLessThanOrEqual(19);
		s.write('\r');
		await s.waitForText('swap to qwen3-coder-next', 20_000);
		await s.waitForText(/y swap/);
		s.write('y');
		await s.waitForText(/Point the clients at/, 90_000);
		expect(s.text()).toMatch(/\+ \d+ +model = "openai\/qwen3-coder-next"/);
		s.write('y');
		await s.waitForText(/restart Aider in .*project/, 20_000);
		expect(s.text()).toMatch(/2 configs rewritten \(\.bak kept\)\. Restart 1/);
		s.write('y');
		await s.waitForText(/Aider in project restarted on/, 30_000);
		expect(await models(`http://127.0.0.1:${ports.vllm}`)).toEqual(['qwen3-coder-next']);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toBeNull();
		expect(readFileSync(ws.openhandsToml, 'utf8')).toContain('model = "openai/qwen3-coder-next"');
		expect(readFileSync(ws.aiderConf, 'utf8')).toContain('model: openai/qwen3-coder-next');
		expect(journalLines(ws).at(-1)).toMatchObject({to: 'qwen3-coder-next', outcome: 'swapped'});
		s.write('\r');
		await s.waitFor(lines => !lines.some(l => l.includes('Swap model')), 10_000, 'the swap window to close');
		s.write('2');
		await s.waitForText('OpenHands ✓ openai/qwen3-coder-next', 20_000);
		rmSync(home, {recursive: true, force: true});
	});
});
