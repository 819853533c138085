// Engine kinds and the plain-data reading taken from one scrape of an engine.

import type {Histogram} from '../histogram.js';

export type EngineKind = 'sglang' | 'vllm' | 'ollama' | 'llamacpp';
export const ENGINE_KINDS: readonly EngineKind[] = ['sglang', 'vllm', 'ollama', 'llamacpp'];

/** Cumulative counters (absent when the server does not expose them). */
export interface ModelCounters {
	generation?: number;
	prompt?: number;
	/** Prompt tokens processed, counted as they are prefilled (SGLang realtime_tokens_total); else `prompt` is used. */
	prefill?: number;
	/** Prompt tokens served from the prefix cache (SGLang cached_tokens_total, vLLM prefix_cache_hits). */
	cacheHits?: number;
	/** What cacheHits is a share of (SGLang prompt_tokens_total, vLLM prefix_cache_queries). */
	cacheQueries?: number;
}

export interface ModelGauges {
	running?: number;
	queued?: number;
	/** KV pool in use, 0..1 (SGLang token_usage, vLLM kv_cache_usage_perc, llama.cpp kv_cache_usage_ratio). */
	kvUsage?: number;
	/** SGLang radix cache size in tokens (kv_evictable_tokens). */
	radixTokens?: number;
	maxTotalTokens?: number;
	/** llama.cpp's own average generation rate (tok/s); shown only as a hint. */
	serverAvgTps?: number;
}

export interface ModelReading {
	model: string;
	counters: ModelCounters;
	gauges: ModelGauges;
	ttft?: Histogram;
	itl?: Histogram;
}

/** One scrape: per model, plus what the parser had to say. */
export interface EngineReading {
	models: Record<string, ModelReading>;
	truncated: boolean;
	parseErrors: number;
}
