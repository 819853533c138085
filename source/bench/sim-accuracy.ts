// How closely the demo's simulated engines keep their configured timing, and how closely the bench
// client (`b` in Throughput, `stackdeck bench`) measures it: TTFT and decode tok/s per engine kind,
// against the configuration. Wall-clock figures, so they live here and not in the test suite.

import {startSimEngine} from '../sim/index.js';
import {benchOnce} from '../sources/engines/bench-client.js';
import type {Bench, BenchRow} from './types.js';

const TTFT_MS = 120;
const DECODE_TPS = 60;

export const simAccuracyBench: Bench = {
	id: 'sim-accuracy',
	async run(): Promise<BenchRow[]> {
		const rows: BenchRow[] = [];
		for (const kind of ['sglang', 'vllm', 'ollama'] as const) {
			// Same TTFT for cache hits and misses, so the figure does not depend on the prompt cache.
			const engine = await startSimEngine({kind, port: 0, decodeTps: DECODE_TPS, ttftMs: TTFT_MS, cacheMissTtftMs: TTFT_MS});
			try {
				await benchOnce({url: engine.url, kind, model: engine.model, maxTokens: 5});
				const runs = [];
				for (let i = 0; i < 3; i++) runs.push(await benchOnce({url: engine.url, kind, model: engine.model, maxTokens: 60}));
				const failed = runs.find(r => r.error);
				if (failed) {
					rows.push({name: `${kind} sim: TTFT and decode rate`, value: 'failed', method: failed.error!});
					continue;
				}
				const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
				const ttft = sorted(runs.map(r => r.ttftMs!))[1]!;
				const tps = sorted(runs.map(r => r.decodeTps!))[1]!;
				rows.push({
					name: `${kind} sim: TTFT and decode rate as the bench client measures them`,
					value: `${ttft.toFixed(0)} ms (${(ttft - TTFT_MS).toFixed(0)} ms off), ${tps.toFixed(1)} tok/s (${((100 * (tps - DECODE_TPS)) / DECODE_TPS).toFixed(1)}%)`,
					method: `configured ${TTFT_MS} ms and ${DECODE_TPS} tok/s; median of 3 streamed requests of 60 tokens after a warm-up`,
					raw: {ttftMs: ttft, decodeTps: tps},
				});
			} finally {
				await engine.stop();
			}
		}
		return rows;
	},
};
