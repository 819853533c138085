// Against the demo stack's simulated engines (real wire formats): the bench client measures a whole
// stream; the engines source reads live counters; a killed engine is shown unreachable and recovers.
// How close the timing comes to the configuration is reported by `npm run bench` (sim-accuracy).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {benchOnce} from '../../source/sources/engines/bench-client.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {configSchema} from '../../source/config/schema.js';
import {throughputStatus} from '../../source/panels/throughput/status.js';
import {localHost} from '../support/host.js';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('bench against simulated engines', () => {
	const engines: SimEngine[] = [];
	afterAll(async () => {
		for (const e of engines) await e.stop();
	});

	for (const kind of ['sglang', 'vllm', 'ollama'] as const) {
		// How close the figures come to the configuration is a wall-clock matter on a shared machine:
		// `npm run bench` (sim-accuracy) reports it. Here: what holds however loaded the machine is.
		it(`${kind}: a streamed request is measured whole, with TTFT no shorter than the engine's`, async () => {
			const e = await startSimEngine({kind, port: 0, decodeTps: 200, ttftMs: 120, cacheMissTtftMs: 120});
			engines.push(e);
			const run = await benchOnce({url: e.url, kind, model: e.model, maxTokens: 30});
			expect(run.error).toBeNull();
			expect(run.complete).toBe(true);
			expect(run.estimated).toBe(false);
			expect(run.tokens).toBe(30);
			// A timer never fires early, so the first token cannot come before the configured prefill.
			expect(run.ttftMs!).toBeGreaterThanOrEqual(118);
			expect(run.decodeTps!).toBeGreaterThan(0);
		}, 20_000);
	}

	it('reports a refused connection, an HTTP 500, a mid-stream error and a stall', async () => {
		const e = await startSimEngine({kind: 'vllm', port: 0, decodeTps: 200, ttftMs: 10});
		engines.push(e);
		e.setFault('http500');
		expect((await benchOnce({url: e.url, kind: 'vllm', model: e.model, maxTokens: 10})).error).toMatch(/HTTP 500/);
		e.setFault('midstream-error');
		expect((await benchOnce({url: e.url, kind: 'vllm', model: e.model, maxTokens: 40})).error).toMatch(/error mid-stream/);
		e.setFault('stall');
		expect((await benchOnce({url: e.url, kind: 'vllm', model: e.model, maxTokens: 40, idleTimeoutMs: 400})).error).toMatch(/stall|no response/);
		e.setFault('refuse');
		const refused = (await benchOnce({url: e.url, kind: 'vllm', model: e.model, maxTokens: 10})).error;
		expect(refused, String(refused)).toMatch(/ECONNREFUSED|ECONNRESET|connection closed/);
		e.setFault(null);
	}, 20_000);
});

describe('engines source against a simulated vLLM', () => {
	let e: SimEngine;
	beforeAll(async () => {
		e = await startSimEngine({kind: 'vllm', port: 0, decodeTps: 80, ttftMs: 50, cacheMissTtftMs: 50});
	});
	afterAll(async () => {
		await e.stop();
	});

	it('measures the configured decode rate, and shows a killed engine unreachable until it recovers', async () => {
		const config = configSchema.parse({engines: {list: [{name: 'sim', url: e.url, expected_tps: 80}], probe: false}});
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config, refreshMs: 250, env: {}, host: localHost()});
		await source.start?.();
		// Two staggered streams so at least one request is always decoding: the simulated engine's
		// decode rate is shared by the running requests, so the engine total is the configured rate.
		let load = true;
		const loop = async (delay: number) => {
			await sleep(delay);
			while (load) await benchOnce({url: e.url, kind: 'vllm', model: e.model, maxTokens: 200});
		};
		const loader = Promise.all([loop(0), loop(1200)]);
		for (let i = 0; i < 30; i++) {
			await source.poll!();
			await sleep(250);
		}
		const row = () => store.getState().engines.rows[0]!;
		expect(row().kind).toBe('vllm');
		expect(row().model).toBe(e.model);
		// The rate from counter deltas is checked exactly with a pinned clock in views.test.tsx; here it
		// only has to come from the live counters.
		expect(row().figures!.decodeTps!).toBeGreaterThan(0);
		expect(row().figures!.running).toBeGreaterThanOrEqual(1);
		load = false;
		await loader;

		await e.stop();
		await source.poll!();
		expect(row().state).toBe('unreachable');
		expect(throughputStatus(store.getState()).lines[0]).toMatch(/unreachable since \d\d:\d\d:\d\d \(ECONNREFUSED\)/);
		await e.start();
		// Poll as the 1 s refresh tick would, with its backoff, until it is back.
		for (let i = 0; i < 15 && row().state !== 'up'; i++) {
			await sleep(1000);
			await source.poll!();
		}
		expect(row().state).toBe('up');
	}, 40_000);
});
