// The three demo engines as the seeds describe them: model, port, decode rate, memory, load.

import type {SimKind} from './types.js';

export interface SimProfile {
	kind: SimKind;
	/** Profile name in the generated config. */
	profile: string;
	model: string;
	port: number;
	decodeTps: number;
	ttftMs: number;
	/** The seeds: "expect 2-3x slower response times when the cache misses". */
	cacheMissTtftMs: number;
	/** The profile's estimate in the generated config (with headroom). */
	memoryGb: number;
	/** What the engine holds once loaded (GiB): weights, then KV cache + CUDA graphs (SGLang's
	 * get_server_info memory_usage; Ollama's /api/ps size). */
	weightsGb: number;
	kvGb: number;
	/** Safetensors shards read while loading (one log line each). */
	shards: number;
}

export const SIM_PROFILES: Record<SimKind, SimProfile> = {
	sglang: {kind: 'sglang', profile: 'mistral-small-4', model: 'mistral-small-4', port: 30000, decodeTps: 94, ttftMs: 120, cacheMissTtftMs: 300, memoryGb: 72, weightsGb: 44.61, kvGb: 22.5, shards: 9},
	vllm: {kind: 'vllm', profile: 'qwen3-coder-next', model: 'qwen3-coder-next', port: 8001, decodeTps: 69, ttftMs: 160, cacheMissTtftMs: 400, memoryGb: 80, weightsGb: 44.2, kvGb: 33.8, shards: 10},
	ollama: {kind: 'ollama', profile: 'qwen2.5-32b', model: 'qwen2.5:32b', port: 11434, decodeTps: 12, ttftMs: 350, cacheMissTtftMs: 900, memoryGb: 22, weightsGb: 18.49, kvGb: 1.5, shards: 1},
};

export const SIM_KINDS: readonly SimKind[] = ['sglang', 'vllm', 'ollama'];
