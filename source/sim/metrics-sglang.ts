// SGLang's /metrics (with --enable-metrics): scheduler gauges with the full label set, tokenizer
// counters and histograms labelled by model_name only; multiprocess mode, so no `_created`.

import type {EngineStats} from './engine-stats.js';
import {renderFamilies, type Family, type Labels} from './prom-text.js';

export interface SglangMetricsInput {
	model: string;
	stats: EngineStats;
	maxTotalTokens: number;
	cacheTokens: number;
}

export function renderSglangMetrics({model, stats, maxTotalTokens, cacheTokens}: SglangMetricsInput): string {
	const scheduler: Labels = [
		['engine_type', 'unified'],
		['model_name', model],
		['moe_ep_rank', '0'],
		['pp_rank', '0'],
		['tp_rank', '0'],
	];
	const tokenizer: Labels = [['model_name', model]];
	// Tokens held by running requests: their prompts plus what they generated so far (approximate).
	const usedTokens = Math.min(maxTotalTokens - cacheTokens, stats.running * 2048);
	const gauge = (name: string, help: string, value: number): Family => ({type: 'gauge', name, help, samples: [{labels: scheduler, value}]});
	const families: Family[] = [
		gauge('sglang:num_running_reqs', 'The number of running requests.', stats.running),
		gauge('sglang:num_queue_reqs', 'The number of requests in the waiting queue.', stats.waiting),
		gauge('sglang:num_grammar_queue_reqs', 'The number of requests in the grammar waiting queue.', 0),
		gauge('sglang:gen_throughput', 'The generation throughput (token/s).', stats.lastGenThroughput),
		gauge('sglang:cache_hit_rate', 'The prefix cache hit rate.', stats.lastBatchHitRate),
		gauge('sglang:token_usage', 'The token usage.', usedTokens / maxTotalTokens),
		gauge('sglang:num_used_tokens', 'The number of used tokens.', usedTokens),
		gauge('sglang:kv_available_tokens', 'Number of free token slots in the KV cache pool.', maxTotalTokens - usedTokens - cacheTokens),
		gauge('sglang:kv_evictable_tokens', 'Number of evictable (radix-cached) token slots in the KV cache pool.', cacheTokens),
		gauge('sglang:kv_used_tokens', 'Number of actively used token slots in the KV cache pool.', usedTokens),
		gauge('sglang:max_total_num_tokens', 'Maximum total number of tokens in the KV cache pool.', maxTotalTokens),
		{
			type: 'counter',
			name: 'sglang:realtime_tokens_total',
			help: 'Total number of tokens processed (updated on each log interval). mode: prefill_compute, prefill_cache, decode.',
			samples: [
				{labels: withMode(scheduler, 'decode'), value: stats.generationTokens},
				{labels: withMode(scheduler, 'prefill_cache'), value: stats.cachedTokens},
				{labels: withMode(scheduler, 'prefill_compute'), value: stats.prefillComputeTokens},
			],
		},
		{type: 'counter', name: 'sglang:prompt_tokens_total', help: 'Number of prefill tokens processed.', samples: [{labels: tokenizer, value: stats.finishedPromptTokens}]},
		{type: 'counter', name: 'sglang:generation_tokens_total', help: 'Number of generation tokens processed.', samples: [{labels: tokenizer, value: stats.finishedGenerationTokens}]},
		{
			type: 'counter',
			name: 'sglang:cached_tokens_total',
			help: 'Number of cached prompt tokens by source (device/host/storage).',
			samples: [{labels: [['cache_source', 'device'], ['model_name', model]], value: stats.finishedCachedTokens}],
		},
		{type: 'counter', name: 'sglang:num_requests_total', help: 'Number of requests processed.', samples: [{labels: tokenizer, value: stats.requests}]},
		{
			type: 'counter',
			name: 'sglang:num_aborted_requests_total',
			help: 'Number of requests aborted.',
			samples: [{labels: tokenizer, value: stats.finished.abort + stats.finished.error}],
		},
		{type: 'histogram', name: 'sglang:time_to_first_token_seconds', help: 'Histogram of time to first token in seconds.', series: [{labels: tokenizer, data: stats.ttft}]},
		{type: 'histogram', name: 'sglang:inter_token_latency_seconds', help: 'Histogram of inter-token latency in seconds.', series: [{labels: tokenizer, data: stats.itl}]},
		{type: 'histogram', name: 'sglang:e2e_request_latency_seconds', help: 'Histogram of End-to-end request latency in seconds', series: [{labels: tokenizer, data: stats.e2e}]},
		{type: 'histogram', name: 'sglang:queue_time_seconds', help: 'Histogram of queueing time in seconds.', series: [{labels: scheduler, data: stats.queue}]},
	];
	return renderFamilies(families, 'sorted');
}

function withMode(labels: Labels, mode: string): Labels {
	// Sorted label names, as prometheus_client's multiprocess collector writes them.
	return [...labels.slice(0, 1), ['mode', mode], ...labels.slice(1)];
}
