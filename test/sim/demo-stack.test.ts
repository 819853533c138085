// The whole demo stack in-process: a config the schema accepts, the files it names, numbers that
// move within 2 s, and a clean stop.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadConfig, locateConfig} from '../../source/config/load.js';
import {startDemoStack, type DemoStack} from '../../source/sim/index.js';
import {REPO_ROOT} from '../support/paths.js';
import {metric} from './helpers.js';

let stack: DemoStack;
beforeAll(async () => {
	stack = await startDemoStack({ports: {sglang: 0, vllm: 0, ollama: 0}, load: true, live: true});
});
afterAll(async () => {
	await stack?.stop();
});

describe('startDemoStack', () => {
	it('writes a config that the schema accepts, naming the three engines and their profiles', () => {
		const {config} = loadConfig(locateConfig(stack.configPath));
		expect(config.engines.probe).toBe(false);
		expect(config.engines.list.map(e => [e.name, e.kind, e.url, e.expected_tps, e.profile])).toEqual(
			stack.engines.map(e => [e.kind, e.kind, e.url, e.decodeTps, {sglang: 'mistral-small-4', vllm: 'qwen3-coder-next', ollama: 'qwen2.5-32b'}[e.kind]]),
		);
		expect(config.profiles['mistral-small-4']).toMatchObject({engine: 'sglang', served_model_name: 'mistral-small-4', expected_tps: 94});
		expect(config.profiles['qwen3-coder-next']).toMatchObject({engine: 'vllm', served_model_name: 'qwen3-coder-next', expected_tps: 69});
		expect(config.profiles['qwen2.5-32b']).toMatchObject({engine: 'ollama', served_model_name: 'qwen2.5:32b', expected_tps: 12});
		expect(config.openhands.state_dir).toBe(stack.stateDir);
		for (const dir of config.cache.dirs) expect(existsSync(dir), dir).toBe(true);
		expect(config.aider.command).toBe(path.join(REPO_ROOT, 'bin', 'fake-aider.js'));
		const repo = config.aider.default_repo!;
		expect(execFileSync('git', ['log', '--oneline'], {cwd: repo, encoding: 'utf8'}).trim().split('\n')).toHaveLength(1);
		expect(stack.engines.every(e => e.url.startsWith('http://127.0.0.1:'))).toBe(true);
	});

	it('has moving numbers: the load generator drives every serving engine; vLLM is stopped', async () => {
		const [sglang, vllm, ollama] = stack.engines;
		// Qwen3 Coder Next and Mistral Small 4 do not fit together: the demo opens with vLLM's container stopped.
		await expect(fetch(`${vllm!.url}/v1/models`)).rejects.toThrow();
		// How soon is wall-clock (measured in tmux for the README); here: it moves without being asked.
		const started = Date.now();
		const moving = async () => {
			const sg = await (await fetch(`${sglang!.url}/metrics`)).text();
			return metric(sg, 'sglang:realtime_tokens_total', {mode: 'decode'}) > 0;
		};
		while (!(await moving()) && Date.now() - started < 20_000) await new Promise(r => setTimeout(r, 100));
		console.info(`[stackdeck] demo engines moving ${Date.now() - started} ms after start returned`);
		expect(await moving()).toBe(true);
		const ps = (await (await fetch(`${ollama!.url}/api/ps`)).json()) as {models: unknown[]};
		expect(ps.models).toHaveLength(1);
	});

	it('stops: ports closed and the temporary folder removed', async () => {
		const urls = stack.engines.map(e => e.url);
		await stack.stop();
		expect(existsSync(stack.workDir)).toBe(false);
		for (const url of urls) await expect(fetch(`${url}/v1/models`)).rejects.toThrow();
	});
});
