// On a box that serves one main model at a time the other profiles' engines are down for hours: an
// engine down a minute with nothing starting on its host is asked every 5 s, not every second, and
// a container starting there (a swap, `docker start`) has it asked every second again.

import {afterEach, describe, expect, it, vi} from 'vitest';
import {configSchema} from '../../source/config/schema.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';
import {QUIET_DOWN_MS, QUIET_RETRY_MS} from '../../source/domain/engines/health.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createAppStore, initialState, update} from '../../source/store/index.js';
import {applyContainer} from '../../source/store/slices/containers.js';
import {openSwap} from '../../source/store/slices/swap.js';
import {localHost} from '../support/host.js';
import {freePort as closedPort} from '../support/free-port.js';

afterEach(() => {
	vi.useRealTimers();
});

const T0 = Date.parse('2026-12-03T08:00:00Z');

describe('an engine down for a while', () => {
	it('is asked every second for a minute, then every 5 s until a container starts on its host', async () => {
		const url = `http://127.0.0.1:${await closedPort()}`;
		const config = configSchema.parse({engines: {probe: false, list: [{name: 'vllm', url, kind: 'vllm'}]}});
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config, refreshMs: 1000, env: {}, host: localHost()});
		// Only Date is faked: the requests and their timeouts run on the real clock.
		vi.useFakeTimers({toFake: ['Date'], now: T0});
		await source.start?.();
		const row = () => store.getState().engines.rows[0]!;
		const asked: number[] = [];
		/** One refresh tick at second `s`; the row's updatedAt moves when the engine was asked. */
		const tick = async (s: number) => {
			vi.setSystemTime(T0 + s * 1000);
			const before = row().updatedAt;
			await source.poll!();
			if (row().updatedAt !== before) asked.push(s);
		};
		for (let s = 0; s <= 90; s++) await tick(s);
		expect(row().state).toBe('unreachable');
		const quietS = QUIET_DOWN_MS / 1000;
		const everyS = QUIET_RETRY_MS / 1000;
		expect(asked.filter(s => s <= quietS)).toHaveLength(quietS + 1);
		expect(asked.filter(s => s > quietS)).toEqual([1, 2, 3, 4, 5, 6].map(n => quietS + n * everyS));

		// Not asked, the sparkline still scrolls a sample a second.
		const history = Array.from({length: 60}, (_, i) => i + 1);
		update(store, 'engines', s => ({...s, rows: s.rows.map(r => ({...r, tpsHistory: history}))}));
		const from = asked.length;
		for (let s = 91; s < 94; s++) await tick(s);
		expect(asked.length).toBe(from);
		expect(row().tpsHistory).toEqual([...history.slice(3), 0, 0, 0]);

		// A container starts on this host (the engine's, perhaps): asked at the next tick and every second after.
		const container = infoFromInspect({Id: '1'.padStart(64, '0'), Name: '/vllm', State: {Status: 'running'}, Config: {Image: 'vllm/vllm-openai:v0.11.0', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);
		update(store, 'containers', c => applyContainer(c, container, T0 + 94_000));
		for (let s = 94; s < 104; s++) await tick(s);
		expect(asked.slice(from)).toEqual([94, 95, 96, 97, 98, 99, 100, 101, 102, 103]);

		// Quiet again a minute later; a swap opened or moving has it asked at the next tick.
		for (let s = 104; s < 94 + quietS + 3; s++) await tick(s);
		const quietAgain = asked.length;
		await tick(94 + quietS + 3);
		expect(asked.length).toBe(quietAgain);
		update(store, 'swap', openSwap);
		await tick(94 + quietS + 4);
		expect(asked.at(-1)).toBe(94 + quietS + 4);
		await source.stop?.();
	}, 60_000);
});
