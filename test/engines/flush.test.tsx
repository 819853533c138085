// The Cache panel's flush, the way a user does it: `f` on an SGLang row → a confirmation naming the
// engine → `y` → POST /flush_cache on the wire (seen by a recording proxy in front of a simulated
// SGLang that speaks the real format) → the job's result as a notice. Also: read-only mode refuses it; SGLang's 400
// while requests run, an HTTP 500 and a refused connection each end in a notice naming the engine.
import http from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {configSchema} from '../../source/config/schema.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {initialUi} from '../../source/store/slices/ui.js';
import type {EnginesState} from '../../source/store/slices/engines.js';
import {plain, renderCockpit, type RenderedCockpit} from '../support/render-frame.js';
import {chat, counter, SGLANG_MODEL, VLLM_MODEL} from './engines-state.js';
import {localHost} from '../support/host.js';

/** Forwards to `target` and records "METHOD /path" of every request. */
async function recordingProxy(target: string): Promise<{url: string; log: string[]; close(): Promise<void>}> {
	const log: string[] = [];
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => {
		log.push(`${req.method} ${req.url}`);
		const up = http.request(`${target}${req.url}`, {method: req.method, headers: req.headers}, answer => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		up.on('error', () => res.destroy());
		req.pipe(up);
	});
	server.on('connection', s => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		log,
		close: () =>
			new Promise<void>(r => {
				server.close(() => r());
				for (const s of sockets) s.destroy();
			}),
	};
}

async function until(what: string, probe: () => boolean | Promise<boolean>, settle: () => Promise<void>, ms = 10_000): Promise<void> {
	const end = Date.now() + ms;
	while (!(await probe())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await settle();
	}
}

let sglang: SimEngine;
let vllm: SimEngine;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let engines: EnginesState;

const radixTokens = async () => counter(await (await fetch(`${sglang.url}/metrics`)).text(), 'sglang:kv_evictable_tokens');
const flushes = () => proxy.log.filter(l => l.includes('/flush_cache'));
const PROMPT = 'Explain why the second request with this same prefix is served from the radix cache. '.repeat(4);

beforeAll(async () => {
	sglang = await startSimEngine({kind: 'sglang', port: 0, model: SGLANG_MODEL, decodeTps: 200, ttftMs: 5, cacheMissTtftMs: 5});
	vllm = await startSimEngine({kind: 'vllm', port: 0, model: VLLM_MODEL, decodeTps: 200, ttftMs: 5, cacheMissTtftMs: 5});
	proxy = await recordingProxy(sglang.url);
	const config = configSchema.parse({engines: {list: [{name: 'coder', url: proxy.url}, {name: 'mistral', url: vllm.url}], probe: false}});
	const store = createAppStore(initialState());
	const source = createEnginesSource({store, config, refreshMs: 1000, env: {}, host: localHost()});
	await source.start?.();
	await source.poll?.();
	engines = store.getState().engines;
	expect(engines.rows.map(r => [r.name, r.kind, r.state])).toEqual([
		['coder', 'sglang', 'up'],
		['mistral', 'vllm', 'up'],
	]);
});
afterAll(async () => {
	await proxy?.close();
	await sglang?.stop();
	await vllm?.stop();
});

async function cockpitOnCache(readOnly = false): Promise<RenderedCockpit> {
	const cockpit = await renderCockpit(120, 30, {engines, ui: initialUi(readOnly, 'cache')});
	await cockpit.settle();
	return cockpit;
}

const screen = (c: RenderedCockpit) => c.frame().map(plain).join('\n');

/** `f`, check the confirmation names the engine and the request, then `y`; resolves with the final notice. */
async function flushFromPanel(cockpit: RenderedCockpit): Promise<{text: string; level: string}> {
	await cockpit.type('f');
	await until('the confirmation', () => cockpit.store.getState().ui.confirm !== null, cockpit.settle);
	expect(screen(cockpit)).toContain("Flush coder's prefix cache");
	expect(screen(cockpit)).toContain(`POST ${proxy.url}/flush_cache`);
	await cockpit.type('y');
	await until('the flush notice', () => /^flush coder: (?!asking)/.test(cockpit.store.getState().ui.notice?.text ?? ''), cockpit.settle);
	const notice = cockpit.store.getState().ui.notice!;
	return {text: notice.text, level: notice.level};
}

describe('flush the SGLang prefix cache from the Cache panel', () => {
	it('read-only mode refuses it: no question, no request, the cache stays', async () => {
		await chat(sglang.url, SGLANG_MODEL, PROMPT, 10);
		const before = await radixTokens();
		expect(before).toBeGreaterThan(0);
		const cockpit = await cockpitOnCache(true);
		try {
			await cockpit.type('f');
			expect(cockpit.store.getState().ui.confirm).toBeNull();
			expect(screen(cockpit)).toContain('read-only mode');
			expect(cockpit.store.getState().ui.notice?.text).toMatch(/read-only mode: .*Flush.*refused/);
			expect(flushes()).toEqual([]);
			expect(await radixTokens()).toBe(before);
		} finally {
			cockpit.unmount();
		}
	});

	it('f → confirmation naming the engine → y → POST /flush_cache → "Cache flushed." notice; the radix cache is empty', async () => {
		expect(await radixTokens()).toBeGreaterThan(0);
		const cockpit = await cockpitOnCache();
		try {
			const notice = await flushFromPanel(cockpit);
			expect(notice).toEqual({text: 'flush coder: Cache flushed.', level: 'ok'});
			expect(screen(cockpit)).toContain('flush coder: Cache flushed.');
			expect(flushes()).toEqual(['POST /flush_cache']);
			expect(await radixTokens()).toBe(0);
		} finally {
			cockpit.unmount();
		}
	});

	it('n cancels: nothing is sent', async () => {
		const cockpit = await cockpitOnCache();
		try {
			await cockpit.type('f');
			await until('the confirmation', () => cockpit.store.getState().ui.confirm !== null, cockpit.settle);
			await cockpit.type('n');
			expect(cockpit.store.getState().ui.notice?.text).toContain('cancelled');
			expect(flushes()).toHaveLength(1);
		} finally {
			cockpit.unmount();
		}
	});

	it('while a request runs SGLang answers 400: "not flushed… try again when idle", the cache stays', async () => {
		const abort = new AbortController();
		const running = fetch(`${sglang.url}/v1/chat/completions`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({model: SGLANG_MODEL, messages: [{role: 'user', content: PROMPT}], max_tokens: 20_000, ignore_eos: true, stream: true}),
			signal: abort.signal,
		}).catch(() => undefined);
		const cockpit = await cockpitOnCache();
		try {
			await until('a running request', async () => counter(await (await fetch(`${sglang.url}/metrics`)).text(), 'sglang:num_running_reqs') > 0, cockpit.settle);
			const held = await radixTokens();
			const notice = await flushFromPanel(cockpit);
			// The flush job failed: an error notice, kept until a key is pressed.
			expect(notice.level).toBe('error');
			expect(notice.text).toMatch(/^flush coder: POST \/flush_cache failed: not flushed: requests are running or waiting; try again when idle$/);
			expect(flushes().at(-1)).toBe('POST /flush_cache');
			expect(await radixTokens()).toBe(held);
		} finally {
			abort.abort();
			await running;
			cockpit.unmount();
		}
	});

	it('an HTTP 500 is a notice with the URL, the status and the server’s message; the cockpit keeps running', async () => {
		const cockpit = await cockpitOnCache();
		sglang.setFault('http500');
		try {
			const notice = await flushFromPanel(cockpit);
			expect(notice.level).toBe('error');
			expect(notice.text).toBe(`flush coder: POST /flush_cache failed: ${proxy.url}/flush_cache: HTTP 500 simulated sglang fault: internal server error (clear the fault with setFault(null))`);
			expect(screen(cockpit)).toContain(`flush coder: POST /flush_cache failed: ${proxy.url}/flush_cache: HTTP 500`);
			expect(cockpit.quitCalls).toEqual([]);
			expect(screen(cockpit)).toContain('Prefix cache');
		} finally {
			sglang.setFault(null);
			cockpit.unmount();
		}
	});

	it('an engine that went away: "ECONNREFUSED; is the engine up?" naming it; the cockpit keeps running', async () => {
		const cockpit = await cockpitOnCache();
		await proxy.close();
		try {
			const notice = await flushFromPanel(cockpit);
			expect(notice.level).toBe('error');
			expect(notice.text).toBe(`flush coder: POST /flush_cache failed: ${proxy.url}/flush_cache: ECONNREFUSED; is the engine up?`);
			expect(screen(cockpit)).toContain('flush coder: ');
			expect(screen(cockpit)).toContain('ECONNREFUSED; is the engine up?');
			expect(cockpit.quitCalls).toEqual([]);
			// The cockpit still answers keys.
			await cockpit.type('j');
			expect(cockpit.store.getState().engines.selected).toBe(1);
		} finally {
			cockpit.unmount();
		}
	});

	it('on a vLLM row it says to pick an SGLang engine, and sends nothing', async () => {
		const cockpit = await cockpitOnCache();
		try {
			await cockpit.type('j');
			await cockpit.type('f');
			expect(cockpit.store.getState().ui.confirm).toBeNull();
			expect(cockpit.store.getState().ui.notice?.text).toBe('flush: select an SGLang engine (mistral is vllm)');
		} finally {
			cockpit.unmount();
		}
	});
});
