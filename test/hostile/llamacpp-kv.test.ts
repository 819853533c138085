// llama.cpp dropped llamacpp:kv_cache_usage_ratio (and kv_cache_tokens) from /metrics. A current
// llama-server's row says the KV usage is not exposed: not a dash, and not the figure an older
// build behind the same URL sent before.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {configSchema} from '../../source/config/schema.js';
import {engineCacheText} from '../../source/panels/cache/lines.js';
import {engineMemoryLines} from '../../source/panels/memory/engine-lines.js';
import {localHost} from '../support/host.js';

// tools/server/server-context.cpp: add_items("counter", ...), then add_items("gauge", ...), each
// "# HELP llamacpp:<name> <description>", "# TYPE ...", "llamacpp:<name> <value>", no labels, values
// as a C++ stream prints doubles.
function currentMetrics(processing: number): string {
	const counters: Array<[string, string, number]> = [
		['prompt_tokens_total', 'Number of prompt tokens processed.', 18231],
		['prompt_seconds_total', 'Prompt process time', 35.466],
		['tokens_predicted_total', 'Number of generation tokens processed.', 1406],
		['tokens_predicted_seconds_total', 'Predict process time', 41.827],
		['n_decode_total', 'Total number of llama_decode() calls', 739],
		['n_tokens_max', 'Largest observed n_tokens.', 8156],
	];
	const gauges: Array<[string, string, number]> = [
		['prompt_tokens_seconds', 'Average prompt throughput in tokens/s', 514.037],
		['predicted_tokens_seconds', 'Average generation throughput in tokens/s', 33.6147],
		['requests_processing', 'Number of requests processing', processing],
		['requests_deferred', 'Number of requests deferred', 0],
		['n_busy_slots_per_decode', 'Average number of busy slots per llama_decode() call', 1],
	];
	const items = (type: string, list: Array<[string, string, number]>) =>
		list.map(([name, help, value]) => `# HELP llamacpp:${name} ${help}\n# TYPE llamacpp:${name} ${type}\nllamacpp:${name} ${value}\n`).join('');
	return items('counter', counters) + items('gauge', gauges);
}

/** An older build, whose /metrics still carried the KV gauges. */
const olderMetrics = (processing: number) =>
	currentMetrics(processing) +
	'# HELP llamacpp:kv_cache_usage_ratio KV-cache usage. 1 means 100 percent usage.\n# TYPE llamacpp:kv_cache_usage_ratio gauge\nllamacpp:kv_cache_usage_ratio 0.42\n' +
	'# HELP llamacpp:kv_cache_tokens KV-cache tokens.\n# TYPE llamacpp:kv_cache_tokens gauge\nllamacpp:kv_cache_tokens 13762\n';

const MODEL = 'ggml-org/gpt-oss-20b-GGUF';
let build: 'older' | 'current' = 'current';
let server: http.Server;
let url: string;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const json = (status: number, body: unknown) => {
			res.writeHead(status, {'content-type': 'application/json; charset=utf-8'});
			res.end(JSON.stringify(body));
		};
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/props') {
			return json(200, {
				default_generation_settings: {n_ctx: 32768, params: {}},
				total_slots: 4,
				model_alias: MODEL,
				model_path: `/models/${MODEL}`,
				modalities: {vision: false, audio: false},
				endpoint_slots: true,
				endpoint_props: false,
				endpoint_metrics: true,
				build_info: 'b7248-7b1db3d3b',
			});
		}
		if (path === '/health') return json(200, {status: 'ok'});
		if (path === '/v1/models') return json(200, {object: 'list', data: [{id: MODEL, object: 'model', created: 1764600000, owned_by: 'llamacpp', meta: null}]});
		if (path === '/metrics') {
			res.writeHead(200, {'content-type': 'text/plain; version=0.0.4'});
			return res.end(build === 'current' ? currentMetrics(1) : olderMetrics(1));
		}
		return json(404, {error: {code: 404, message: 'File Not Found', type: 'not_found_error'}});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>(resolve => server.close(() => resolve()));
});

describe('llama.cpp KV usage', () => {
	it('says it is not exposed by a current llama-server, also after an older build showed a figure', async () => {
		const config = configSchema.parse({engines: {list: [{name: 'llama', url}], probe: false}});
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config, refreshMs: 1000, env: {}, host: localHost()});
		await source.start?.();
		const row = () => store.getState().engines.rows[0]!;

		build = 'older';
		await source.poll!();
		expect(row().kind).toBe('llamacpp');
		expect(engineCacheText(row())).toBe('KV 42%; no prefix-cache metrics');

		build = 'current';
		await source.poll!();
		expect(row().state).toBe('up');
		expect(row().figures?.running).toBe(1);
		const cache = engineCacheText(row());
		expect(cache).toBe('KV not exposed by llama.cpp; no prefix-cache metrics');
		const memory = engineMemoryLines(store.getState().engines)[0]!.text;
		expect(memory).toBe('llama: KV not exposed by llama.cpp');
		expect(`${cache} ${memory}`).not.toMatch(/42|–/);
	});
});
