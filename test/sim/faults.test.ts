// Fault switches: refused connections, HTTP 500, a stalled stream, an error object mid-stream.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SimEngineServer} from '../../source/sim/engine.js';
import {chatBody, readSse} from './helpers.js';

const fast = {decodeTps: 300, ttftMs: 10, cacheMissTtftMs: 20};
let sglang: SimEngineServer;
let vllm: SimEngineServer;
let ollama: SimEngineServer;

beforeAll(async () => {
	sglang = new SimEngineServer({kind: 'sglang', port: 0, ...fast});
	vllm = new SimEngineServer({kind: 'vllm', port: 0, ...fast});
	ollama = new SimEngineServer({kind: 'ollama', port: 0, ...fast});
	await Promise.all([sglang.start(), vllm.start(), ollama.start()]);
});
afterAll(async () => {
	await Promise.all([sglang?.stop(), vllm?.stop(), ollama?.stop()]);
});

const streamBody = (model: string) => chatBody(model, 'hello', {stream: true, max_tokens: 20, stream_options: {include_usage: true}});

describe('faults', () => {
	it('refuse closes the port until cleared, then serves on the same port with the same counters', async () => {
		await fetch(`${vllm.url}/v1/chat/completions`, {method: 'POST', body: chatBody(vllm.model, 'x', {max_tokens: 3})});
		const port = vllm.port;
		vllm.setFault('refuse');
		await vllm.settled();
		await expect(fetch(`${vllm.url}/health`)).rejects.toMatchObject({cause: {code: 'ECONNREFUSED'}});
		vllm.setFault(null);
		await vllm.settled();
		expect(vllm.port).toBe(port);
		expect((await fetch(`${vllm.url}/health`)).status).toBe(200);
		expect(await (await fetch(`${vllm.url}/metrics`)).text()).toMatch(/^vllm:generation_tokens_total\{[^}]*\} 3\.0$/m);
	});

	it('stop and start: the port stops answering, then a restarted server has fresh counters', async () => {
		await fetch(`${sglang.url}/v1/chat/completions`, {method: 'POST', body: chatBody(sglang.model, 'x', {max_tokens: 3})});
		await sglang.stop();
		await expect(fetch(`${sglang.url}/health`)).rejects.toThrow();
		await sglang.start();
		expect(await (await fetch(`${sglang.url}/metrics`)).text()).toMatch(/^sglang:generation_tokens_total\{model_name="mistral-small-4"\} 0\.0$/m);
	});

	it('http500 answers every route with the engine kind\'s error body', async () => {
		vllm.setFault('http500');
		sglang.setFault('http500');
		ollama.setFault('http500');
		try {
			const v = await fetch(`${vllm.url}/v1/models`);
			expect(v.status).toBe(500);
			expect(await v.json()).toMatchObject({error: {message: expect.stringContaining('fault'), type: 'InternalServerError', code: 500}});
			const s = await fetch(`${sglang.url}/v1/chat/completions`, {method: 'POST', body: streamBody(sglang.model)});
			expect(s.status).toBe(500);
			expect(await s.json()).toMatchObject({object: 'error', code: 500});
			const o = await fetch(`${ollama.url}/api/tags`);
			expect(o.status).toBe(500);
			expect(await o.json()).toEqual({error: expect.any(String)});
		} finally {
			vllm.setFault(null);
			sglang.setFault(null);
			ollama.setFault(null);
		}
		expect((await fetch(`${vllm.url}/v1/models`)).status).toBe(200);
	});

	it('midstream-error sends tokens, then the error object ([DONE] after it on vLLM/SGLang, not on Ollama)', async () => {
		for (const engine of [vllm, sglang, ollama]) {
			engine.setFault('midstream-error');
			const res = await fetch(`${engine.url}/v1/chat/completions`, {method: 'POST', body: streamBody(engine.model)});
			expect(res.status).toBe(200);
			const {events, done} = await readSse(res);
			engine.setFault(null);
			const error = events.at(-1) as {error?: {message: string}};
			expect(error.error?.message, engine.kind).toContain('mid-stream');
			expect(events.length).toBeGreaterThan(2);
			expect(done).toBe(engine.kind !== 'ollama');
		}
		ollama.setFault('midstream-error');
		const native = await fetch(`${ollama.url}/api/generate`, {method: 'POST', body: JSON.stringify({model: ollama.model, prompt: 'hi'})});
		const nativeText = await native.text();
		ollama.setFault(null);
		const lines = nativeText.trim().split('\n').map(l => JSON.parse(l) as Record<string, unknown>);
		expect(lines.at(-1)).toEqual({error: 'an error was encountered while running the model'});
	});

	it('stall stops the stream after a few tokens and resumes when cleared', async () => {
		sglang.setFault('stall');
		const res = await fetch(`${sglang.url}/v1/chat/completions`, {method: 'POST', body: streamBody(sglang.model)});
		const reader = res.body!.getReader();
		let text = '';
		const deadline = Date.now() + 3000;
		while (Date.now() < deadline && (text.match(/"content":"[^"]/g) ?? []).length < 3) {
			const {value, done} = await reader.read();
			if (done) break;
			text += new TextDecoder().decode(value);
		}
		// Nothing more arrives while stalled. The read stays pending: what it gets after the resume is
		// the start of the rest (on a loaded machine, sometimes the whole rest in one chunk).
		const pending = reader.read();
		const more = await Promise.race([pending.then(() => 'data'), new Promise(r => setTimeout(() => r('silence'), 400))]);
		expect(more).toBe('silence');
		expect(await (await fetch(`${sglang.url}/metrics`)).text()).toMatch(/^sglang:num_running_reqs\{[^}]*\} 1\.0$/m);
		sglang.setFault(null);
		let rest = '';
		for (let next = pending; ; next = reader.read()) {
			const {value, done} = await next;
			if (done) break;
			rest += new TextDecoder().decode(value);
		}
		expect(rest).toContain('data: [DONE]');
	});
});
