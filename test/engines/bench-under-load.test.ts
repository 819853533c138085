// A benchmark run while the engine already serves requests says how many: the same probe reads
// slower under load, and the result must not pass for the engine's idle speed.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {benchOnce} from '../../source/sources/engines/bench-client.js';
import {createBenchRunner} from '../../source/sources/engines/bench-action.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {configSchema} from '../../source/config/schema.js';
import {rowNote} from '../../source/panels/throughput/lines.js';
import {throughputStatus} from '../../source/panels/throughput/status.js';
import {localHost} from '../support/host.js';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('bench under load', () => {
	let e: SimEngine;
	beforeAll(async () => {
		// Slow decoding: three long requests stay running for the whole test.
		e = await startSimEngine({kind: 'vllm', port: 0, decodeTps: 80, ttftMs: 20, cacheMissTtftMs: 20});
	});
	afterAll(async () => {
		await e.stop();
	});

	it('says how many requests were already running on the engine when it started', async () => {
		const config = configSchema.parse({engines: {list: [{name: 'sim', url: e.url}], probe: false}});
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config, refreshMs: 250, env: {}, host: localHost()});
		await source.start?.();
		const row = () => store.getState().engines.rows[0]!;
		// Idle first: the result says so.
		for (let i = 0; i < 20 && row().state !== 'up'; i++) {
			await source.poll!();
			await sleep(100);
		}
		const bench = createBenchRunner(store);
		const benched = async () => {
			bench.start(row());
			for (let i = 0; i < 200 && (row().benchRunning || !row().bench); i++) await sleep(100);
			return row().bench!;
		};
		await source.poll!();
		expect(row().figures?.running).toBe(0);
		const idle = await benched();
		expect(idle.error).toBeNull();
		expect(rowNote(row(), Date.now())!.text).toContain('measured on an idle engine');

		const streams = [0, 1, 2].map(() => benchOnce({url: e.url, kind: 'vllm', model: e.model, maxTokens: 4000}));
		for (let i = 0; i < 50 && row().figures?.running !== 3; i++) {
			await sleep(100);
			await source.poll!();
		}
		expect(row().figures?.running).toBe(3);
		const loaded = await benched();
		expect(loaded.load).toEqual({running: 3, queued: 0});
		expect(store.getState().ui.notice?.text).toMatch(/^bench sim: TTFT .* tok\/s, measured with 3 requests already running$/);
		expect(rowNote(row(), Date.now())!.text).toContain('measured with 3 requests already running');
		expect(throughputStatus(store.getState()).lines.join('\n')).toContain('measured with 3 requests already running');
		await e.stop();
		await Promise.allSettled(streams);
	}, 60_000);
});
