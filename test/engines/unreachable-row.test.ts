// An engine that is down names what it is configured to serve: the row of an unreachable engine
// keeps its model and expected rate from the profile, and the server's own answer replaces them.

import {afterAll, describe, expect, it} from 'vitest';
import {configSchema} from '../../source/config/schema.js';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {localHost} from '../support/host.js';
import {freePort as closedPort} from '../support/free-port.js';

let sim: SimEngine | undefined;
afterAll(async () => sim?.stop());

describe('an unreachable engine', () => {
	it('keeps the model and expected rate its profile gives, until the server says otherwise', async () => {
		const port = await closedPort();
		const url = `http://127.0.0.1:${port}`;
		const config = configSchema.parse({
			engines: {probe: false, list: [{name: 'sglang', url, profile: 'mistral-small-4'}]},
			profiles: {'mistral-small-4': {engine: 'sglang', served_model_name: 'mistral-small-4', expected_tps: 94}},
		});
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config, refreshMs: 1000, env: {}, host: localHost()});
		await source.start?.();
		await source.poll!();
		const row = () => store.getState().engines.rows[0]!;
		expect(row().state).toBe('unreachable');
		expect(row()).toMatchObject({model: 'mistral-small-4', expectedTps: 94});

		sim = await startSimEngine({kind: 'sglang', port, model: 'mistral-small-4-2603'});
		for (let i = 0; i < 20 && row().state !== 'up'; i++) {
			await new Promise(r => setTimeout(r, 500));
			await source.poll!();
		}
		expect(row().state).toBe('up');
		expect(row().model).toBe('mistral-small-4-2603');
		await source.stop?.();
	}, 30_000);
});
