// What a user sees of space and text at the sizes they use (Termux 46x19, a 60x40 tmux split, a
// 160x48 tmux pane): the whole container list (Tor included) beside the other panels, whole model
// names, sandbox names that stay distinct, the image's tag, a first-run message read to its end,
// LLM_MODEL read whole in the container detail, and an engine opened into every figure at 46x19.
import {afterEach, describe, expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {applyListing} from '../../source/store/slices/containers.js';
import {initialEngines, type EngineRow} from '../../source/store/slices/engines.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';
import {detailRows} from '../../source/panels/containers/selectors.js';
import {tabLabels} from '../../source/ui/TabStrip.js';
import {plain, renderCockpit, visibleWidth, type RenderedCockpit} from '../support/render-frame.js';

const LLM_MODEL = 'openai/mistral-small-4-2603-long-context-128k';
const SANDBOXES = ['he-openhands-runtime-01c0a9f3e2d1b7c6a5f4', 'he-openhands-runtime-01c0f7e6d5c4b3a29180'];

const container = (name: string, image: string, env: string[] = []) =>
	infoFromInspect({Id: name.padEnd(64, '0'), Name: `/${name}`, State: {Status: 'running'}, Config: {Image: image, Env: env}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);

const STACK = [
	container('openhands', 'docker.all-hands.dev/all-hands-ai/openhands:v1.2.3', [`LLM_MODEL=${LLM_MODEL}`, 'LLM_BASE_URL=http://host.docker.internal:30000/v1']),
	...SANDBOXES.map(n => container(n, 'docker.all-hands.dev/all-hands-ai/runtime:v1.2.3-nikolaik')),
	container('sglang', 'lmsysorg/sglang:v0.5.5'),
	container('vllm', 'vllm/vllm-openai:v0.11.0'),
	container('vllm-coder', 'vllm/vllm-openai:v0.11.0'),
	container('ollama', 'ollama/ollama:0.12.6'),
	container('gitea', 'gitea/gitea:1.21.4'),
	container('tor', 'dperson/torproxy:latest'),
	container('code-server', 'codercom/code-server:4.104.1'),
];

function engine(name: string, model: string, port: number, tps: number, expected: number): EngineRow {
	return {
		hostId: LOCAL_HOST_ID,
		id: `http://127.0.0.1:${port}`,
		name,
		url: `http://127.0.0.1:${port}`,
		kind: 'sglang',
		origin: 'config',
		model,
		version: '0.5.5',
		expectedTps: expected,
		state: 'up',
		downSince: null,
		downReason: null,
		problem: null,
		figures: {model, decodeTps: tps, prefillTps: null, decodeTpsLast: tps, running: 2, queued: 0, ttftP50Ms: 180, ttftP95Ms: 420, itlMs: 11, cacheHitRatio: 0.44, cacheHitRatioLifetime: 0.46, gauges: {radixTokens: 11_407, kvUsage: 0.2, maxTotalTokens: 524_288}, reset: false},
		models: [],
		tpsHistory: [10, 40, 80, 90, 94, 93, 60, 20, 88, 91],
		slowSince: null,
		memory: null,
		bench: null,
		benchRunning: false,
		updatedAt: 1,
		via: null,
	};
}

const ENGINES = [engine('sglang', 'mistral-small-4-2603', 30000, 80, 94), engine('sglang-b', 'qwen3-coder-30b-a3b-instruct', 30001, 41, 69)];

let open: RenderedCockpit | undefined;
afterEach(() => {
	open?.unmount();
	open = undefined;
});

async function cockpit(cols: number, rows: number, focused: string, withStack = true): Promise<RenderedCockpit> {
	open = await renderCockpit(cols, rows);
	if (withStack) {
		update(open.store, 'containers', s => ({...applyListing(s, STACK, 1), connection: 'up'}));
		update(open.store, 'engines', () => ({...initialEngines(), rows: ENGINES}));
	}
	update(open.store, 'ui', ui => ({...ui, focused: focused as typeof ui.focused}));
	await open.settle();
	return open;
}

function screen(c: RenderedCockpit, cols: number, rows: number): string[] {
	const frame = c.frame();
	expect(frame.length).toBeLessThanOrEqual(rows - 1);
	for (const line of frame) expect(visibleWidth(line), plain(line)).toBeLessThanOrEqual(cols);
	return frame.map(plain);
}

describe('space by content', () => {
	it('160x48: the whole container list (Tor and code-server) and whole model names, every panel on screen', async () => {
		const c = await cockpit(160, 48, 'containers');
		const lines = screen(c, 160, 48);
		const text = lines.join('\n');
		for (const group of ['OpenHands (1)', 'OpenHands sandboxes (2)', 'SGLang (1)', 'vLLM (2)', 'Ollama (1)', 'Gitea (1)', 'Tor (1)', 'code-server (1)']) expect(text, group).toContain(group);
		expect(text).toMatch(/code-server:4\.104\.1/);
		for (const model of ['mistral-small-4-2603', 'qwen3-coder-30b-a3b-instruct']) expect(text, model).toContain(model);
		for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(text, `panel ${n}`).toMatch(new RegExp(`╭─ ${n} `));
		// The Aider hint (two lines) is not given a third of the screen: its frame is a few rows.
		const top = lines.findIndex(l => l.includes('╭─ 6 Aider'));
		const bottom = lines.findIndex((l, i) => i > top && l.slice(lines[top]!.indexOf('╭─ 6 Aider')).startsWith('╰'));
		expect(bottom - top + 1).toBeLessThanOrEqual(7);
	});

	it('60x40 tmux split: a short panel shares the screen with the panels after it', async () => {
		const c = await cockpit(60, 40, 'aider');
		const text = screen(c, 60, 40).join('\n');
		expect(text).toContain('╭─ 6 Aider');
		expect(text).toContain('n  new Aider session');
		expect(text).toContain('╭─ 7 Doctor');
		// Focused on the containers, the whole list comes first, then the engines below it.
		update(c.store, 'ui', ui => ({...ui, focused: 'containers'}));
		await c.settle();
		const list = screen(c, 60, 40).join('\n');
		expect(list).toContain('code-server (1)');
		expect(list).toContain('╭─ 2 Throughput');
		expect(list).toContain('mistral-small-4-2603');
	});
});

describe('text that matters at 46x19', () => {
	it('sandbox names stay distinct, cut in the middle', async () => {
		const c = await cockpit(46, 19, 'containers');
		const lines = screen(c, 46, 19).filter(l => l.includes('he-open'));
		expect(lines).toHaveLength(2);
		const names = lines.map(l => /█ (\S+)/.exec(l)![1]!);
		expect(names[0]).not.toBe(names[1]);
		expect(names[0]).toContain('…');
	});

	it('the container detail shows the image tag and LLM_MODEL whole, wrapped', async () => {
		const c = await cockpit(46, 19, 'containers');
		await c.type('\r');
		let text = screen(c, 46, 19).join('\n');
		expect(text).toMatch(/Image\s+openhands:v1\.2\.3/);
		// Scroll to the environment: LLM_MODEL's value is all there, across rows.
		for (let i = 0; i < 12 && !text.includes('Environment'); i++) {
			await c.type('j');
			text = screen(c, 46, 19).join('\n');
		}
		for (let i = 0; i < 3; i++) await c.type('j');
		const rows = screen(c, 46, 19).map(l => l.replace(/^│/, '').replace(/│$/, '').trim());
		const at = rows.findIndex(l => l.startsWith('LLM_MODEL='));
		expect(at).toBeGreaterThanOrEqual(0);
		expect(rows[at]! + rows[at + 1]!).toContain(LLM_MODEL);
	});

	it('a first run without engines reads the whole message', async () => {
		const c = await cockpit(46, 19, 'throughput', false);
		const text = screen(c, 46, 19)
			.map(l => l.replace(/^│/, '').replace(/│$/, '').trim())
			.join(' ');
		expect(text).toContain('No model server found: add engines.list to the config, or start one on 30000/8000/8001/8080/11434.');
	});

	it('Enter on an engine shows the figures the phone drops: the sparkline and the expected rate', async () => {
		const c = await cockpit(46, 19, 'throughput');
		const list = screen(c, 46, 19).join('\n');
		expect(list).not.toMatch(/[▁▂▃▄▅▆▇█]{3}/);
		expect(list).not.toContain('EXP');
		await c.type('\r');
		const text = screen(c, 46, 19).join('\n');
		expect(text).toMatch(/Last 60 s\s+[▁▂▃▄▅▆▇█]{10} max 94\.0/);
		expect(text).toMatch(/Decode\s+80\.0 tok\/s \(TOK\/S\), expected[\s│]+94\.0/);
		expect(text).toMatch(/KV cache\s+20\.0% used · radix 11,407 tok/);
		// ↓ shows the next engine's figures; Esc goes back to the list.
		await c.type('j');
		expect(screen(c, 46, 19).join('\n')).toMatch(/Decode\s+41\.0 tok\/s \(TOK\/S\), expected[\s│]+69\.0/);
		await c.type('\u001B');
		expect(screen(c, 46, 19).join('\n')).toContain('ENGINE');
	});
});

// The opened row says what the list's short words mean, in words, on the screen itself.
describe('legends in the details', () => {
	const words = (lines: string[]) => lines.map(l => l.replace(/^│/, '').replace(/│$/, '').trim()).join(' ').replace(/\s+/g, ' ');

	it('an opened engine at 46x19 names each figure in words with the list\'s short header beside it', async () => {
		const c = await cockpit(46, 19, 'throughput');
		await c.type('\r');
		const text = words(screen(c, 46, 19));
		expect(text).toMatch(/Decode 80\.0 tok\/s \(TOK\/S\), expected 94\.0 \(EXP\)/);
		expect(text).toMatch(/First token median 180ms, p95 420ms \(TTFT\)/);
		expect(text).toMatch(/Requests 2 running, 0 queued \(R\/Q\)/);
		// Every figure still fits above the footer.
		expect(text).toMatch(/Memory not reported Esc back/);
	});

	it('the container detail names its figures in words: no rx/tx, blk, ro or a bare !', () => {
		const info = infoFromInspect(
			{Id: 'c'.repeat(64), Name: '/gitea', State: {Status: 'running'}, Config: {Image: 'gitea/gitea:latest'}, HostConfig: {LogConfig: {Type: 'json-file', Config: {}}}, Mounts: [{Type: 'bind', Source: '/srv/gitea', Destination: '/data', RW: false}]},
			LOCAL_HOST_ID,
		);
		const stats = {at: 1, cpuPercent: 12, memUsage: 200 * 2 ** 20, memLimit: 2 ** 30, netRx: 2048, netTx: 4096, blkRead: 2 ** 20, blkWrite: 0, cpuTotal: 0, systemCpu: 0, onlineCpus: 2};
		const text = detailRows(info, stats, 1024).map(r => r.text).join('\n');
		expect(text).toMatch(/CPU 12% of one core {2}memory 200 MiB of 1 GiB/);
		expect(text).toMatch(/Network in .+ out .+ {2}disk read .+ written /);
		expect(text).toMatch(/\/srv\/gitea -> \/data \(read-only\)/);
		expect(text).toMatch(/warning: /);
		expect(text).not.toMatch(/\brx\b|\btx\b|\bblk\b|\(ro\)|^ +! /m);
	});

	it('a tab name shortened to fit ends with …, never a cut word', () => {
		const titles = ['Containers', 'Throughput', 'Cache', 'Memory', 'Sessions', 'Aider', 'Doctor'];
		for (const width of [60, 70, 80]) {
			const labels = tabLabels(titles, width);
			const cut = labels.filter(l => /^\d /.test(l) && !titles.includes(l.slice(2)));
			for (const l of cut) expect(l, `${width}: ${labels.join('|')}`).toMatch(/…$/);
		}
		expect(tabLabels(titles, 70).some(l => l.endsWith('…'))).toBe(true);
	});
});
