// vLLM V1's /metrics: `vllm:` names with model_name and engine labels, `_total` counters, each
// counter and histogram followed by its `_created` gauge family (single-process prometheus_client).

import type {EngineStats} from './engine-stats.js';
import {renderFamilies, type Family, type Labels} from './prom-text.js';

export interface VllmMetricsInput {
	model: string;
	stats: EngineStats;
	numGpuBlocks: number;
	blockSize: number;
}

export function renderVllmMetrics({model, stats, numGpuBlocks, blockSize}: VllmMetricsInput): string {
	const labels: Labels = [
		['engine', '0'],
		['model_name', model],
	];
	const created = stats.startedAt / 1000;
	const capacity = numGpuBlocks * blockSize;
	// Cached-but-free blocks count as free in vLLM; only running requests hold KV.
	const kvUsage = Math.min(1, (stats.running * 2048) / capacity);
	const counter = (name: string, help: string, value: number): Family => ({type: 'counter', name, help, samples: [{labels, value}], created});
	const histogram = (name: string, help: string, data: EngineStats['ttft']): Family => ({type: 'histogram', name, help, series: [{labels, data}], created});
	const families: Family[] = [
		{type: 'gauge', name: 'vllm:num_requests_running', help: 'Number of requests in model execution batches.', samples: [{labels, value: stats.running}]},
		{type: 'gauge', name: 'vllm:num_requests_waiting', help: 'Number of requests waiting to be processed.', samples: [{labels, value: stats.waiting}]},
		{type: 'gauge', name: 'vllm:kv_cache_usage_perc', help: 'KV-cache usage. 1 means 100 percent usage.', samples: [{labels, value: kvUsage}]},
		counter('vllm:prefix_cache_queries_total', 'Prefix cache queries, in terms of number of queried tokens.', stats.promptTokens),
		counter('vllm:prefix_cache_hits_total', 'Prefix cache hits, in terms of number of cached tokens.', stats.cachedTokens),
		counter('vllm:num_preemptions_total', 'Cumulative number of preemption from the engine.', 0),
		counter('vllm:prompt_tokens_total', 'Number of prefill tokens processed.', stats.promptTokens),
		counter('vllm:generation_tokens_total', 'Number of generation tokens processed.', stats.generationTokens),
		{
			type: 'counter',
			name: 'vllm:request_success_total',
			help: 'Count of successfully processed requests.',
			samples: (['stop', 'length', 'abort'] as const).map(reason => ({
				labels: [labels[0]!, ['finished_reason', reason], labels[1]!] as Labels,
				value: reason === 'abort' ? stats.finished.abort + stats.finished.error : stats.finished[reason],
			})),
			created,
		},
		histogram('vllm:request_prompt_tokens', 'Number of prefill tokens processed.', stats.promptHist),
		histogram('vllm:request_generation_tokens', 'Number of generation tokens processed.', stats.generationHist),
		histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', stats.ttft),
		histogram('vllm:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', stats.itl),
		histogram('vllm:e2e_request_latency_seconds', 'Histogram of e2e request latency in seconds.', stats.e2e),
		histogram('vllm:request_queue_time_seconds', 'Histogram of time spent in WAITING phase for request.', stats.queue),
		histogram('vllm:request_prefill_time_seconds', 'Histogram of time spent in PREFILL phase for request.', stats.prefillTime),
		histogram('vllm:request_decode_time_seconds', 'Histogram of time spent in DECODE phase for request.', stats.decodeTime),
		{
			type: 'gauge',
			name: 'vllm:cache_config_info',
			help: 'Information of the LLMEngine CacheConfig',
			samples: [
				{
					labels: [
						['block_size', String(blockSize)],
						['cache_dtype', 'auto'],
						['enable_prefix_caching', 'True'],
						['engine', '0'],
						['gpu_memory_utilization', '0.8'],
						['kv_cache_size_tokens', String(capacity)],
						['num_cpu_blocks', 'None'],
						['num_gpu_blocks', String(numGpuBlocks)],
						['prefix_caching_hash_algo', 'sha256'],
					],
					value: 1,
				},
			],
		},
	];
	return renderFamilies(families, 'last');
}
