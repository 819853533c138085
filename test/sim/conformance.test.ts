// Every simulated endpoint against the shapes in research/engines.md, and against the real payloads
// in ../shared/fixtures/engines where one exists for the same endpoint.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {FIXTURES, HAVE_FIXTURES, noticeMissingFixtures} from '../support/paths.js';
import {chatBody, readSse, shape} from './helpers.js';

const fast = {decodeTps: 400, ttftMs: 10, cacheMissTtftMs: 30};
let sglang: SimEngine;
let vllm: SimEngine;
let ollama: SimEngine;

beforeAll(async () => {
	[sglang, vllm, ollama] = await Promise.all([
		startSimEngine({kind: 'sglang', port: 0, ...fast}),
		startSimEngine({kind: 'vllm', port: 0, ...fast}),
		startSimEngine({kind: 'ollama', port: 0, ...fast}),
	]);
	noticeMissingFixtures('simulated engine payload');
});
afterAll(async () => {
	await Promise.all([sglang?.stop(), vllm?.stop(), ollama?.stop()]);
});

const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, 'engines', name), 'utf8')) as Record<string, unknown>;
const getJson = async (url: string) => {
	const res = await fetch(url);
	expect(res.status, url).toBe(200);
	return (await res.json()) as Record<string, unknown>;
};

describe('SGLang surface', () => {
	it('identifies as sglang with the served name and context length', async () => {
		const models = await getJson(`${sglang.url}/v1/models`);
		expect(models).toMatchObject({object: 'list', data: [{id: 'mistral-small-4', object: 'model', owned_by: 'sglang', root: 'mistral-small-4', parent: null}]});
		expect(typeof (models['data'] as Array<{max_model_len: unknown}>)[0]!.max_model_len).toBe('number');
		for (const p of ['/health', '/health_generate']) {
			const res = await fetch(`${sglang.url}${p}`);
			expect(res.status).toBe(200);
			expect(await res.text()).toBe('');
		}
	});

	it('serves server_info with version, memory_usage and last_gen_throughput, and model_info', async () => {
		const info = await getJson(`${sglang.url}/get_server_info`);
		expect(info).toMatchObject({served_model_name: 'mistral-small-4', status: 'ready', version: expect.any(String), max_total_num_tokens: expect.any(Number)});
		const state = (info['internal_states'] as Array<Record<string, unknown>>)[0]!;
		expect(state).toMatchObject({last_gen_throughput: expect.any(Number), memory_usage: {weight: expect.any(Number), kvcache: expect.any(Number), token_capacity: expect.any(Number), graph: expect.any(Number)}});
		const model = await getJson(`${sglang.url}/get_model_info`);
		expect(Object.keys(model)).toEqual(['model_path', 'tokenizer_path', 'is_generation', 'preferred_sampling_params', 'weight_version', 'has_image_understanding', 'has_audio_understanding', 'model_type', 'architectures']);
	});

	it('flushes the cache with the real text answer', async () => {
		const res = await fetch(`${sglang.url}/flush_cache`, {method: 'POST'});
		expect(res.status).toBe(200);
		expect(await res.text()).toMatch(/^Cache flushed\.\n/);
	});

	it('writes /metrics with SGLang names, label sets and no _created series', async () => {
		const res = await fetch(`${sglang.url}/metrics`);
		expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
		const text = await res.text();
		expect(text).toMatch(/^sglang:num_running_reqs\{engine_type="unified",model_name="mistral-small-4",moe_ep_rank="0",pp_rank="0",tp_rank="0"\} 0\.0$/m);
		expect(text).toMatch(/^sglang:cached_tokens_total\{cache_source="device",model_name="mistral-small-4"\} /m);
		expect(text).toMatch(/^sglang:time_to_first_token_seconds_bucket\{le="\+Inf",model_name="mistral-small-4"\} /m);
		expect(text).toMatch(/^# TYPE sglang:realtime_tokens_total counter$/m);
		expect(text).not.toContain('_created');
		if (HAVE_FIXTURES) {
			// The docs example's families that still exist today appear with the same TYPE.
			const docs = readFileSync(path.join(FIXTURES, 'engines', 'sglang_metrics_docs_example.prom'), 'utf8');
			for (const family of ['sglang:prompt_tokens_total', 'sglang:generation_tokens_total', 'sglang:token_usage', 'sglang:cache_hit_rate', 'sglang:time_to_first_token_seconds', 'sglang:e2e_request_latency_seconds']) {
				const type = new RegExp(`^# TYPE ${family} (\\w+)$`, 'm');
				expect(text.match(type)?.[1], family).toBe(docs.match(type)?.[1]);
			}
		}
	});
});

describe('vLLM surface', () => {
	it('lists the model with root, max_model_len and permission, like the real capture', async () => {
		const models = await getJson(`${vllm.url}/v1/models`);
		expect(models).toMatchObject({object: 'list', data: [{id: 'qwen3-coder-next', owned_by: 'vllm', root: 'qwen3-coder-next', parent: null}]});
		if (HAVE_FIXTURES) {
			const real = fixture('vllm_v1_models_with_lora_aibrix_docs.json');
			expect(shape((models['data'] as unknown[])[0])).toEqual(shape((real['data'] as unknown[])[0]));
		}
		expect(await getJson(`${vllm.url}/version`)).toEqual({version: expect.any(String)});
		const health = await fetch(`${vllm.url}/health`);
		expect(health.status).toBe(200);
		expect(await health.text()).toBe('');
	});

	it('writes /metrics with V1 names, _total counters, _created gauges and histograms', async () => {
		const text = await (await fetch(`${vllm.url}/metrics`)).text();
		for (const name of ['vllm:num_requests_running', 'vllm:num_requests_waiting', 'vllm:kv_cache_usage_perc']) expect(text).toMatch(new RegExp(`^# TYPE ${name} gauge$`, 'm'));
		for (const name of ['vllm:prompt_tokens_total', 'vllm:generation_tokens_total', 'vllm:prefix_cache_queries_total', 'vllm:prefix_cache_hits_total']) {
			expect(text).toMatch(new RegExp(`^# TYPE ${name} counter$`, 'm'));
			expect(text).toMatch(new RegExp(`^# TYPE ${name.replace(/_total$/, '_created')} gauge$`, 'm'));
		}
		expect(text).toMatch(/^# TYPE vllm:time_to_first_token_seconds histogram$/m);
		expect(text).toMatch(/^vllm:time_to_first_token_seconds_bucket\{engine="0",model_name="qwen3-coder-next",le="\+Inf"\} /m);
		expect(text).toMatch(/^vllm:inter_token_latency_seconds_sum\{engine="0",model_name="qwen3-coder-next"\} /m);
	});
});

describe('Ollama surface', () => {
	it('answers / and /api/version, /api/tags and /api/ps with the real keys and types', async () => {
		expect(await (await fetch(`${ollama.url}/`)).text()).toBe('Ollama is running');
		const version = await getJson(`${ollama.url}/api/version`);
		const tags = await getJson(`${ollama.url}/api/tags`);
		const ps = await getJson(`${ollama.url}/api/ps`);
		expect((tags['models'] as Array<{name: string}>)[0]!.name).toBe('qwen2.5:32b');
		const psModel = (ps['models'] as Array<Record<string, unknown>>)[0]!;
		expect(psModel['context_length']).toEqual(expect.any(Number));
		expect(Date.parse(psModel['expires_at'] as string)).toBeGreaterThan(Date.now());
		if (HAVE_FIXTURES) {
			expect(shape(version)).toEqual(shape(fixture('ollama_api_version.json')));
			expect(shape(tags)).toEqual(shape(fixture('ollama_api_tags.json')));
			// The docs example predates context_length, which current code always emits.
			const {context_length: _ignored, ...rest} = psModel;
			expect(shape({models: [rest]})).toEqual(shape(fixture('ollama_api_ps.json')));
		}
		const models = await getJson(`${ollama.url}/v1/models`);
		expect(models).toMatchObject({object: 'list', data: [{id: 'qwen2.5:32b', object: 'model', created: expect.any(Number), owned_by: 'library'}]});
	});

	it('streams /api/chat and /api/generate as NDJSON ending with the real final-chunk fields', async () => {
		for (const [endpoint, body, finalFixture] of [
			['/api/chat', {model: 'qwen2.5:32b', messages: [{role: 'user', content: 'hi there'}], options: {num_predict: 5}}, 'ollama_api_chat_stream_final_chunk.json'],
			['/api/generate', {model: 'qwen2.5:32b', prompt: 'hi there', options: {num_predict: 5}}, 'ollama_api_generate_stream_final_chunk.json'],
		] as const) {
			const res = await fetch(`${ollama.url}${endpoint}`, {method: 'POST', body: JSON.stringify(body)});
			expect(res.headers.get('content-type')).toBe('application/x-ndjson');
			const lines = (await res.text()).trim().split('\n').map(l => JSON.parse(l) as Record<string, unknown>);
			expect(lines).toHaveLength(6);
			const final = lines.at(-1)!;
			expect(final).toMatchObject({done: true, done_reason: 'length', eval_count: 5});
			expect(final['prompt_eval_count']).toEqual(expect.any(Number));
			// eval_duration is in nanoseconds, as Ollama's: read as such it gives a rate a person would
			// believe (in milliseconds it would be millions of times too fast). Not a speed check: a
			// loaded machine slows the simulated decode.
			const tokPerS = ((final['eval_count'] as number) / (final['eval_duration'] as number)) * 1e9;
			expect(tokPerS).toBeGreaterThan(0.5);
			expect(tokPerS).toBeLessThan(100_000);
			if (HAVE_FIXTURES) {
				const {done_reason: _dr, ...rest} = final;
				expect(shape(rest)).toEqual(shape(fixture(finalFixture)));
			}
		}
	});
});

describe('OpenAI chat completions on every engine', () => {
	it('streams role, content, finish, a choices:[] usage chunk and [DONE]; usage equals tokens streamed', async () => {
		for (const engine of [sglang, vllm, ollama]) {
			const res = await fetch(`${engine.url}/v1/chat/completions`, {
				method: 'POST',
				body: chatBody(engine.model, 'Explain the cache', {stream: true, max_tokens: 7, stream_options: {include_usage: true}}),
			});
			expect(res.headers.get('content-type')).toContain('text/event-stream');
			const {events, done} = await readSse(res);
			expect(done, engine.kind).toBe(true);
			const chunks = events as Array<{object: string; model: string; choices: Array<{delta: {content?: string | null}; finish_reason: string | null}>; usage?: Record<string, number> | null}>;
			for (const c of chunks) expect(c).toMatchObject({object: 'chat.completion.chunk', model: engine.model});
			const usageChunk = chunks.at(-1)!;
			expect(usageChunk.choices).toEqual([]);
			const content = chunks.filter(c => c.choices.length && c.choices[0]!.finish_reason === null && c.choices[0]!.delta.content);
			expect(content).toHaveLength(7);
			expect(usageChunk.usage).toMatchObject({completion_tokens: 7, prompt_tokens: expect.any(Number)});
			expect(usageChunk.usage!['total_tokens']).toBe(usageChunk.usage!['prompt_tokens']! + 7);
			expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('length');
			if (engine.kind === 'sglang') expect(chunks[0]).toHaveProperty('usage', null);
			if (engine.kind === 'vllm') expect(chunks[1]).not.toHaveProperty('usage');
			if (engine.kind === 'ollama') expect(chunks[0]).toHaveProperty('system_fingerprint', 'fp_ollama');
		}
	});

	it('answers non-streaming requests with one chat.completion and its usage', async () => {
		for (const engine of [sglang, vllm, ollama]) {
			const res = await fetch(`${engine.url}/v1/chat/completions`, {method: 'POST', body: chatBody(engine.model, 'hello', {max_tokens: 4})});
			const body = (await res.json()) as {object: string; choices: Array<{message: {role: string; content: string}; finish_reason: string}>; usage: {completion_tokens: number}};
			expect(body.object).toBe('chat.completion');
			expect(body.choices[0]!.message.role).toBe('assistant');
			expect(body.choices[0]!.message.content.length).toBeGreaterThan(0);
			expect(body.usage.completion_tokens).toBe(4);
		}
	});

	it('rejects an unknown model on vLLM and Ollama with their error shapes', async () => {
		const v = await fetch(`${vllm.url}/v1/chat/completions`, {method: 'POST', body: chatBody('nope', 'x')});
		expect(v.status).toBe(404);
		expect(await v.json()).toMatchObject({error: {message: expect.stringContaining('nope'), type: expect.any(String)}});
		const o = await fetch(`${ollama.url}/api/chat`, {method: 'POST', body: JSON.stringify({model: 'nope', messages: []})});
		expect(o.status).toBe(404);
		expect(await o.json()).toEqual({error: expect.stringContaining('nope')});
	});
});
