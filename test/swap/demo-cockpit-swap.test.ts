// The "done": in `stackdeck demo` at 46x19 (the built binary in a real pty), `m`, a choice
// and `y` leave vLLM serving, OpenHands' config.toml and Aider's conf pointing at it, the contract
// shown as met, and the journal recording it.
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadConfig, locateConfig} from '../../source/config/load.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {isolatedEnv} from './demo-support.js';
import {models} from './support.js';

const WAIT = 40_000;
let screen: PtyScreen | undefined;
const root = mkdtempSync(path.join(os.tmpdir(), 'sd-demo-cockpit-swap-'));

afterAll(async () => {
	screen?.kill('SIGTERM');
	await screen?.exited;
	rmSync(root, {recursive: true, force: true, maxRetries: 5, retryDelay: 200});
});

/** The whole frame on the 19 rows: header on top, the window's bottom border, the tab strip last. */
function expectFrame(lines: string[]): void {
	expect(lines).toHaveLength(19);
	expect(lines[0]).toMatch(/^stackdeck /);
	const strip = lines.findLastIndex(l => l.trim() !== '');
	expect(lines[strip]).toMatch(/^ 1 /);
	expect(lines[strip - 1]).toMatch(/^╰─+╯$/);
	for (const l of lines) expect(l.length).toBeLessThanOrEqual(46);
}

describe('a swap in stackdeck demo at 46x19', {timeout: 180_000}, () => {
	it('m, a choice and y: vLLM serves, OpenHands and Aider point at it, the contract is met, the journal has it', async () => {
		const env = isolatedEnv(root);
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, 'demo', '--no-load', '--load-ms', '1500', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0', '--refresh', '500'], {cols: 46, rows: 19, env: {...env, STACKDECK_SWAP_POLL_MS: '100'}});
		const s = screen;
		const show = (what: string) => console.log(`--- ${what}\n${s.lines().join('\n')}`);
		await s.waitForText('╭─ 1 Containers', WAIT);
		const tmp = env['TMPDIR']!;
		const dirs = readdirSync(tmp).filter(n => n.startsWith('stackdeck-demo-'));
		expect(dirs).toHaveLength(1);
		const workDir = path.join(tmp, dirs[0]!);
		const {config} = loadConfig(locateConfig(path.join(workDir, 'config.toml')));
		const vllm = config.engines.list.find(e => e.kind === 'vllm')!.url;
		const sglang = config.engines.list.find(e => e.kind === 'sglang')!.url;

		// Before: SGLang serves and OpenHands names it.
		s.write('2');
		await s.waitForText(/OpenHands ✓ openai\/mistral-small-4/, WAIT);

		s.write('m');
		await s.waitForText(/\* mistral-small-4 +72G serving/, WAIT);
		await s.waitForText(/ qwen3-coder-next +80G fits/, WAIT);
		expectFrame(s.lines());
		s.write('\r');
		await s.waitForText('swap to qwen3-coder-next', WAIT);
		// The plan is longer than a phone's screen: it says so, and ↓ brings the client diff up.
		await s.waitForText(/↓ more {2}y swap {2}Esc back/, WAIT);
		expectFrame(s.lines());
		s.write('y');
		await s.waitForText(/Point the clients at/, 90_000);
		expect(s.text()).toMatch(/\+ 7 +model = "openai\/qwen3-coder-next"/);
		// The new base URL reads whole, wrapped under its diff line.
		const port = new URL(vllm).port;
		expect(s.lines().map(l => l.replace(/^│|│$/g, '').trimEnd()).join('').replace(/ {6}/g, '')).toContain(`+ 8   base_url = "http://host.docker.internal:${port}/v1"`);
		expectFrame(s.lines());
		// ↓ to the end of the offer: Aider's conf and the OpenHands restart come into view.
		for (let i = 0; i < 20 && !/↑ back {2}y yes/.test(s.text()); i++) {
			const before = s.text();
			s.write('j');
			await s.waitFor(l => l.join('\n') !== before, WAIT, 'the offer to scroll');
		}
		expect(s.text().replace(/│\n│ {6}/g, '')).toContain(`+ 3   openai-api-base: ${vllm}/v1`);
		expect(s.text()).toMatch(/aider\.conf\.yml:/);
		expect(s.text()).toMatch(/then restart openhands/);
		expectFrame(s.lines());
		s.write('y');
		await s.waitForText(/restart openhands: a bind-mounted/, WAIT);
		expect(s.text()).toMatch(/2 configs rewritten \(\.bak kept\)/);
		s.write('y');
		await s.waitForText('openhands restarted', WAIT);
		s.write('\r');
		await s.waitFor(l => !l.some(x => x.includes('Swap model')), WAIT, 'the swap window to close');

		// On screen: vLLM serves (Throughput), and the contract is met for it.
		await s.waitForText(/OpenHands ✓ openai\/qwen3-coder-next/, WAIT);
		await s.waitForText(/vllm +qwen3-coder-next +\d/, WAIT);
		await s.waitForText(/sglang[^]*unreachable since/, WAIT);
		expectFrame(s.lines());

		// On disk and on the wire.
		expect(await models(vllm)).toEqual(['qwen3-coder-next']);
		expect(await models(sglang)).toBeNull();
		const toml = readFileSync(path.join(config.openhands.state_dir!, 'config.toml'), 'utf8');
		expect(toml).toContain('model = "openai/qwen3-coder-next"');
		expect(toml).toContain(`base_url = "http://host.docker.internal:${port}/v1"`);
		const yml = readFileSync(path.join(workDir, 'aider.conf.yml'), 'utf8');
		expect(yml).toContain('model: openai/qwen3-coder-next');
		expect(yml).toContain(`openai-api-base: ${vllm}/v1`);
		const journal = readFileSync(path.join(env['XDG_STATE_HOME']!, 'stackdeck', 'swaps.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as Record<string, unknown>);
		expect(journal).toHaveLength(1);
		expect(journal[0]).toMatchObject({from: ['mistral-small-4'], to: 'qwen3-coder-next', outcome: 'swapped'});

		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	});
});
