// The Ollama runtime: a swap unloads the model with keep_alive 0 (no restart; the server keeps
// running) and a swap back preloads it with keep_alive -1. Against the demo's simulated Ollama,
// which answers the real API, and a vLLM engine run by start/stop commands.
import {rmSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {localSwapEnv} from '../../source/actions/swap/local-env.js';
import {controlsFrom, planFor, prepare} from '../../source/actions/swap/prepare.js';
import {runSwap} from '../../source/actions/swap/run.js';
import {configSchema, type Config} from '../../source/config/schema.js';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {engineArgs, freePort, models, SERVE_ENGINE, workspace, type Workspace} from './support.js';

let ws: Workspace;
let ollama: SimEngine;
let vllmPort: number;
let config: Config;

async function loaded(): Promise<Array<{name: string; expires_at: string}>> {
	const res = await fetch(`${ollama.url}/api/ps`);
	return ((await res.json()) as {models: Array<{name: string; expires_at: string}>}).models;
}

beforeAll(async () => {
	ws = workspace();
	ollama = await startSimEngine({kind: 'ollama', port: 0, model: 'qwen2.5:32b'});
	vllmPort = await freePort();
	const pidFile = path.join(ws.dir, 'vllm.pid');
	const args = engineArgs(ws, {kind: 'vllm', model: 'qwen3-coder-next', port: vllmPort, memoryGb: 80}).map(a => `'${a}'`).join(' ');
	config = configSchema.parse({
		docker: {enabled: false},
		profiles: {
			'qwen2.5-32b': {runtime: 'ollama', url: ollama.url, served_model_name: 'qwen2.5:32b', memory_gb: 22, load_timeout_s: 30},
			'qwen3-coder-next': {
				runtime: 'command', kind: 'vllm', url: `http://127.0.0.1:${vllmPort}`, served_model_name: 'qwen3-coder-next', memory_gb: 80, load_timeout_s: 30,
				start_command: `'${process.execPath}' '${SERVE_ENGINE}' ${args} > /dev/null 2>&1 & echo $! > '${pidFile}'`,
				stop_command: `kill $(cat '${pidFile}') 2>/dev/null; true`,
			},
		},
	});
}, 60_000);

afterAll(async () => {
	await execa('sh', ['-c', `kill $(cat '${path.join(ws.dir, 'vllm.pid')}') 2>/dev/null; true`]);
	await ollama.stop();
	rmSync(ws.dir, {recursive: true, force: true});
});

async function swapTo(name: string) {
	const env = {...localSwapEnv(config, {XDG_STATE_HOME: path.join(ws.dir, 'xdg-state'), STACKDECK_MEMINFO: ws.meminfo}), pollMs: 100};
	const prepared = await prepare(config, env);
	const plan = planFor(config, prepared, name);
	if ('error' in plan) throw new Error(plan.error);
	return runSwap({plan, env, controls: controlsFrom(config, () => false)});
}

describe('swap with the Ollama runtime', {timeout: 120_000}, () => {
	it('unloads the Ollama model with keep_alive 0 and preloads it again with keep_alive -1', async () => {
		expect((await loaded()).map(m => m.name)).toEqual(['qwen2.5:32b']);
		const away = await swapTo('qwen3-coder-next');
		expect(away.message).toContain('qwen3-coder-next serves');
		expect(away.record?.steps.find(s => s.title === 'stop qwen2.5-32b')?.detail).toBe('Ollama unloaded qwen2.5:32b');
		expect(await loaded()).toEqual([]);
		// The Ollama server itself still runs: only the model went.
		expect((await fetch(`${ollama.url}/api/version`)).ok).toBe(true);
		expect(await models(`http://127.0.0.1:${vllmPort}`)).toEqual(['qwen3-coder-next']);

		const back = await swapTo('qwen2.5-32b');
		expect(back.outcome, back.message).toBe('swapped');
		const now = await loaded();
		expect(now.map(m => m.name)).toEqual(['qwen2.5:32b']);
		// keep_alive -1: loaded until told otherwise.
		expect(new Date(now[0]!.expires_at).getFullYear()).toBeGreaterThan(2100);
		expect(await models(`http://127.0.0.1:${vllmPort}`)).toBeNull();
	});
});
