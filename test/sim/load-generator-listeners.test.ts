// The demo's load generator runs for days: its pauses and requests must not leave listeners on
// its abort signal behind (each pause once added one, which reached Node's
// MaxListenersExceededWarning within minutes and printed it over the cockpit).

import {afterEach, describe, expect, it} from 'vitest';
import {startLoadGenerator, type LoadGenerator} from '../../source/sim/load-generator.js';
import {startSimEngine} from '../../source/sim/engine.js';
import type {SimEngine} from '../../source/sim/types.js';

let engines: SimEngine[] = [];
let load: LoadGenerator | undefined;

afterEach(async () => {
	await load?.stop();
	await Promise.allSettled(engines.map(e => e.stop()));
	engines = [];
	load = undefined;
});

describe('load generator listeners', () => {
	it('keeps its abort-signal listener count flat through many pauses and requests', async () => {
		// Fast engines and short pauses: hundreds of request+pause cycles.
		engines = [
			await startSimEngine({kind: 'sglang', port: 0, decodeTps: 100_000, ttftMs: 1, cacheMissTtftMs: 1}),
			await startSimEngine({kind: 'vllm', port: 0, decodeTps: 100_000, ttftMs: 1, cacheMissTtftMs: 1}),
		];
		load = startLoadGenerator(engines, {maxPauseMs: 2});
		const workers = 4; // two per fast engine
		const counts: number[] = [];
		while (load.completed() < 400) {
			counts.push(load.abortListeners());
			await new Promise(r => setTimeout(r, 5));
		}
		counts.push(load.abortListeners());
		// At any moment a worker holds one listener at most (its request or its pause).
		expect(Math.max(...counts)).toBeLessThanOrEqual(workers);
		await load.stop();
		expect(load.abortListeners()).toBe(0);
	}, 60_000);
});
