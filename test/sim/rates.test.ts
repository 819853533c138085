// Decode rate, usage and /metrics agree with what was served, and the prefix cache shortens TTFT.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SimEngineServer} from '../../source/sim/engine.js';
import {repoContext} from '../../source/sim/repo-context.js';
import {chatBody, metric, readSse} from './helpers.js';

const engines: SimEngineServer[] = [];
async function start(options: ConstructorParameters<typeof SimEngineServer>[0]): Promise<SimEngineServer> {
	const engine = new SimEngineServer({port: 0, ...options});
	await engine.start();
	engines.push(engine);
	return engine;
}
afterAll(async () => {
	await Promise.all(engines.map(e => e.stop()));
});

interface Usage {
	prompt_tokens: number;
	completion_tokens: number;
	prompt_tokens_details?: {cached_tokens: number};
}

async function stream(url: string, model: string, content: string, maxTokens: number): Promise<{tokens: number; usage: Usage}> {
	const res = await fetch(`${url}/v1/chat/completions`, {method: 'POST', body: chatBody(model, content, {stream: true, max_tokens: maxTokens, ignore_eos: true, stream_options: {include_usage: true}})});
	const {events} = await readSse(res);
	const chunks = events as Array<{choices: Array<{delta: {content?: string | null}; finish_reason: string | null}>; usage?: Usage | null}>;
	const tokens = chunks.filter(c => c.choices.length > 0 && c.choices[0]!.finish_reason === null && c.choices[0]!.delta.content).length;
	return {tokens, usage: chunks.at(-1)!.usage!};
}

describe('decode rate', () => {
	let sglang: SimEngineServer;
	let vllm: SimEngineServer;
	const served: Record<string, Array<{tokens: number; usage: Usage}>> = {sglang: [], vllm: []};

	beforeAll(async () => {
		sglang = await start({kind: 'sglang'});
		vllm = await start({kind: 'vllm'});
		// Enough tokens for a bit more than 5 s at the seeds' rates (94 and 69 tok/s), both at once.
		const context = repoContext('acme/webshop', 7);
		const [a, b] = await Promise.all([stream(sglang.url, sglang.model, context, 530), stream(vllm.url, vllm.model, context, 390)]);
		served['sglang']!.push(a);
		served['vllm']!.push(b);
		// A second, shorter round with the same context: prefix-cache hits.
		const [c, d] = await Promise.all([stream(sglang.url, sglang.model, `${context}\nanother question`, 20), stream(vllm.url, vllm.model, `${context}\nanother question`, 20)]);
		served['sglang']!.push(c);
		served['vllm']!.push(d);
	}, 30_000);

	it('never serves tokens faster than the configured rate over a 5 s window (server timestamps)', () => {
		// The token clock keeps absolute time: a loaded machine can only make it late, never early.
		// How close it stays to the rate is wall-clock, so `npm run bench` (sim-accuracy) reports that.
		for (const engine of [sglang, vllm]) {
			const log = engine.scheduler.tokenLog;
			const first = log[0]!;
			const window = log.filter(t => t - first <= 5000);
			const rate = ((window.length - 1) * 1000) / (window.at(-1)! - first);
			expect(rate, `${engine.kind}: ${rate.toFixed(2)} tok/s`).toBeLessThanOrEqual(engine.decodeTps * 1.02);
			expect(window.length, `${engine.kind}: tokens in the first 5 s`).toBeGreaterThan(engine.decodeTps);
		}
	});

	it('reports usage equal to the tokens streamed', () => {
		for (const list of Object.values(served)) for (const r of list) expect(r.usage.completion_tokens).toBe(r.tokens);
		expect(served['sglang']![0]!.tokens).toBe(530);
	});

	it('has /metrics counters equal to the sum of what was served, with cache hits on the shared context', async () => {
		const sum = (kind: string, f: (u: Usage) => number) => served[kind]!.reduce((n, r) => n + f(r.usage), 0);
		const sg = await (await fetch(`${sglang.url}/metrics`)).text();
		expect(metric(sg, 'sglang:generation_tokens_total')).toBe(sum('sglang', u => u.completion_tokens));
		expect(metric(sg, 'sglang:prompt_tokens_total')).toBe(sum('sglang', u => u.prompt_tokens));
		expect(metric(sg, 'sglang:realtime_tokens_total', {mode: 'decode'})).toBe(sum('sglang', u => u.completion_tokens));
		const cached = sum('sglang', u => u.prompt_tokens_details!.cached_tokens);
		expect(cached).toBeGreaterThan(0);
		expect(metric(sg, 'sglang:cached_tokens_total', {cache_source: 'device'})).toBe(cached);
		expect(metric(sg, 'sglang:num_requests_total')).toBe(2);
		expect(metric(sg, 'sglang:time_to_first_token_seconds_count')).toBe(2);

		const vl = await (await fetch(`${vllm.url}/metrics`)).text();
		expect(metric(vl, 'vllm:generation_tokens_total')).toBe(sum('vllm', u => u.completion_tokens));
		expect(metric(vl, 'vllm:prompt_tokens_total')).toBe(sum('vllm', u => u.prompt_tokens));
		expect(metric(vl, 'vllm:prefix_cache_queries_total')).toBe(sum('vllm', u => u.prompt_tokens));
		const hits = metric(vl, 'vllm:prefix_cache_hits_total');
		expect(hits).toBeGreaterThan(0.5 * served['vllm']![1]!.usage.prompt_tokens);
		expect(metric(vl, 'vllm:request_success_total', {finished_reason: 'length'})).toBe(2);
		expect(metric(vl, 'vllm:inter_token_latency_seconds_count')).toBe(sum('vllm', u => u.completion_tokens - 1));
	});
});

describe('prefix cache and time to first token', () => {
	it('takes longer to the first token on a cache miss than on a hit', async () => {
		const engine = await start({kind: 'vllm', decodeTps: 200, ttftMs: 40, cacheMissTtftMs: 600});
		const context = repoContext('acme/billing', 3);
		const ttft = async (content: string) => {
			const t0 = performance.now();
			const res = await fetch(`${engine.url}/v1/chat/completions`, {method: 'POST', body: chatBody(engine.model, content, {stream: true, max_tokens: 2})});
			const reader = res.body!.getReader();
			let text = '';
			while (!text.includes('"content":"') || text.includes('"content":""') && !/"content":"[^"]/.test(text)) {
				const {value, done} = await reader.read();
				if (done) break;
				text += new TextDecoder().decode(value);
			}
			const elapsed = performance.now() - t0;
			await reader.cancel();
			return elapsed;
		};
		const miss = await ttft(`${context}\nfirst`);
		const hit = await ttft(`${context}\nsecond`);
		// 600 ms configured for a full miss vs about 40 ms for a hit: a wide margin for a busy machine.
		expect(miss).toBeGreaterThan(500);
		expect(hit).toBeLessThan(miss - 300);
	});
});
