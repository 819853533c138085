// The contract the Throughput panel and `status` show: OpenHands' model and base URL against what
// serves, read from config.toml, unless the OpenHands container's environment sets them (it wins).
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {configSchema} from '../../source/config/schema.js';
import {startSimEngine} from '../../source/sim/engine.js';
import type {SimEngine} from '../../source/sim/types.js';
import {createContractSource} from '../../source/sources/swap/contract-source.js';
import {contractShort, envOverrideLines} from '../../source/domain/swap/openhands-llm.js';
import {createAppStore, update} from '../../source/store/index.js';
import {applyDiscovery, NOTHING_DISCOVERED} from '../../source/store/slices/discovery.js';
import {localHost} from '../support/host.js';

let engine: SimEngine;
let dir: string;

beforeAll(async () => {
	engine = await startSimEngine({kind: 'vllm', port: 0, model: 'qwen3-coder-next', decodeTps: 1000, ttftMs: 5, cacheMissTtftMs: 5});
	dir = mkdtempSync(path.join(os.tmpdir(), 'sd-contract-'));
});

afterAll(async () => {
	await engine.stop({instant: true});
	rmSync(dir, {recursive: true, force: true});
});

describe('the OpenHands contract source', () => {
	it('reads config.toml, and the container environment over it when LLM_MODEL / LLM_BASE_URL are set there', async () => {
		const toml = path.join(dir, 'config.toml');
		writeFileSync(toml, `[llm]\nmodel = "openai/qwen3-coder-next"\nbase_url = "http://host.docker.internal:${engine.port}/v1"\n`);
		const config = configSchema.parse({
			docker: {enabled: false},
			openhands: {config_toml: toml},
			profiles: {'qwen3-coder-next': {served_model_name: 'qwen3-coder-next', url: engine.url, kind: 'vllm', container: 'vllm'}},
		});
		const store = createAppStore();
		const host = localHost();
		try {
			const source = createContractSource({store, config, refreshMs: 1000, env: {}, host});
			await source.poll!();
			expect(store.getState().swap.contract).toMatchObject({state: 'met', actual: {source: `${toml} [llm]`}});

			// The compose file still sets the old model in the container: OpenHands uses that, whatever config.toml says.
			update(store, 'discovery', d => applyDiscovery(d, host.id, {...NOTHING_DISCOVERED, llmModel: 'openai/mistral-small-4', llmBaseUrl: 'http://host.docker.internal:30000/v1', from: 'openhands'}));
			await source.poll!();
			const contract = store.getState().swap.contract!;
			expect(contract).toMatchObject({state: 'differs', actual: {model: 'openai/mistral-small-4', source: 'container env'}});
			expect(contract.text).toContain('(container env) but qwen3-coder-next needs openai/qwen3-coder-next');
			expect(contractShort(contract)).toBe('OpenHands env openai/mistral-small-4 ≠ serving openai/qwen3-coder-next');
		} finally {
			host.close();
		}
	});

	it('a FIFO named as the OpenHands config is said so, not waited on', async () => {
		const fifo = path.join(dir, 'fifo-config.toml');
		execFileSync('mkfifo', [fifo]);
		const config = configSchema.parse({docker: {enabled: false}, openhands: {config_toml: fifo}, profiles: {'qwen3-coder-next': {served_model_name: 'qwen3-coder-next', url: engine.url, kind: 'vllm', container: 'vllm'}}});
		const store = createAppStore();
		const host = localHost();
		try {
			const source = createContractSource({store, config, refreshMs: 1000, env: {}, host});
			// With no writer, a plain read of it would wait for ever: the guard is only against a hang.
			const ended = await Promise.race([source.poll!().then(() => 'ended'), new Promise(r => setTimeout(r, 20_000, 'still waiting'))]);
			expect(ended).toBe('ended');
			expect(store.getState().swap.contract).toMatchObject({state: 'unknown', text: `OpenHands config ${fifo}: a FIFO, not a regular file; not read`});
		} finally {
			host.close();
		}
	});

	it('a swap offer warns that a config.toml rewrite is not enough when the container environment sets the model', () => {
		expect(envOverrideLines('openhands', 'openai/mistral-small-4', null)).toEqual([
			'note: openhands sets LLM_MODEL=openai/mistral-small-4 in its environment, which wins over config.toml: change it where the container is defined (compose file) and recreate it',
		]);
		expect(envOverrideLines('openhands', null, null)).toEqual([]);
	});
});
