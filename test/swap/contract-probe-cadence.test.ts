// The contract source asks the profiles' servers what they serve only when the engine rows change
// (a swap stops one engine and starts another) or every PROBE_EVERY_MS: a cockpit left open all day
// must not send a /v1/models per profile every second. A counting server stands in for vLLM.
import {createServer, type Server} from 'node:http';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {configSchema} from '../../source/config/schema.js';
import {createContractSource, PROBE_EVERY_MS} from '../../source/sources/swap/contract-source.js';
import {createAppStore, update} from '../../source/store/index.js';
import {markDown, newRow, patchRow, upsertRow} from '../../source/store/slices/engines.js';
import {localHost} from '../support/host.js';

let server: Server;
let url: string;
let asked = 0;
let serves = true;
let dir: string;

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/v1/models') asked++;
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({object: 'list', data: serves ? [{id: 'qwen3-coder-next', object: 'model', owned_by: 'vllm'}] : []}));
	});
	await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
	url = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
	dir = mkdtempSync(path.join(os.tmpdir(), 'sd-contract-cadence-'));
});

afterAll(async () => {
	await new Promise(r => server.close(r));
	rmSync(dir, {recursive: true, force: true});
});

afterEach(() => vi.useRealTimers());

describe('the contract source’s probes', () => {
	it('asks once while the engine rows stay the same, again when an engine goes down, and every PROBE_EVERY_MS', async () => {
		vi.useFakeTimers({toFake: ['Date'], now: 1_000_000});
		const toml = path.join(dir, 'config.toml');
		writeFileSync(toml, `[llm]\nmodel = "openai/qwen3-coder-next"\nbase_url = "${url}/v1"\n`);
		const config = configSchema.parse({
			docker: {enabled: false},
			openhands: {config_toml: toml},
			profiles: {'qwen3-coder-next': {served_model_name: 'qwen3-coder-next', url, kind: 'vllm', container: 'vllm'}},
		});
		const store = createAppStore();
		const host = localHost();
		try {
			update(store, 'engines', s => upsertRow(s, {...newRow({hostId: host.id, name: 'vllm', url, origin: 'config', kind: 'vllm', model: 'qwen3-coder-next'}), state: 'up'}));
			const source = createContractSource({store, config, refreshMs: 1000, env: {}, host});
			for (let i = 0; i < 5; i++) {
				await source.poll!();
				vi.setSystemTime(Date.now() + 1000);
			}
			expect(store.getState().swap.contract).toMatchObject({state: 'met'});
			expect(asked).toBe(1);
			// The same contract read again: no store change, so nothing renders for it.
			let changes = 0;
			const unsubscribe = store.subscribe(() => changes++);
			await source.poll!();
			unsubscribe();
			expect(changes).toBe(0);

			// The engine stops serving the model and the engines source marks its row down: asked at once.
			serves = false;
			update(store, 'engines', s => patchRow(s, url, r => markDown(r, Date.now(), 'ECONNREFUSED')));
			await source.poll!();
			expect(asked).toBe(2);
			expect(store.getState().swap.contract).toMatchObject({state: 'unknown'});
			expect(store.getState().swap.contract!.text).toContain('no profile serves now');

			// Serving again without the row changing (a server the engines source does not watch): seen within PROBE_EVERY_MS.
			serves = true;
			await source.poll!();
			expect(asked).toBe(2);
			vi.setSystemTime(Date.now() + PROBE_EVERY_MS);
			await source.poll!();
			expect(asked).toBe(3);
			expect(store.getState().swap.contract).toMatchObject({state: 'met'});
		} finally {
			host.close();
		}
	});
});
