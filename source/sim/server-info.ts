// SGLang's /server_info (/get_server_info before the rename) and /get_model_info and vLLM's /v1/models card: the identity payloads.

import type {EngineStats} from './engine-stats.js';

export const SGLANG_VERSION = '0.5.5';
export const VLLM_VERSION = '0.11.0';

export interface SglangInfoInput {
	model: string;
	port: number;
	contextLength: number;
	maxTotalTokens: number;
	stats: EngineStats;
}

export function sglangServerInfo({model, port, contextLength, maxTotalTokens, stats}: SglangInfoInput): Record<string, unknown> {
	const args = {
		model_path: model,
		tokenizer_path: model,
		host: '127.0.0.1',
		port,
		served_model_name: model,
		mem_fraction_static: 0.836,
		max_total_tokens: null,
		context_length: contextLength,
		max_running_requests: null,
		page_size: 1,
		tp_size: 1,
		dp_size: 1,
		enable_metrics: true,
		enable_cache_report: true,
		decode_log_interval: 40,
		disable_radix_cache: false,
		radix_eviction_policy: 'lru',
		enable_hierarchical_cache: false,
		hicache_ratio: 2.0,
		hicache_storage_backend: null,
		reasoning_parser: null,
		tool_call_parser: 'mistral',
	};
	return {
		...args,
		status: 'ready',
		max_total_num_tokens: maxTotalTokens,
		max_req_input_len: maxTotalTokens - 6,
		internal_states: [
			{
				...args,
				last_gen_throughput: stats.lastGenThroughput,
				memory_usage: {weight: 44.61, kvcache: 21.3, token_capacity: maxTotalTokens, graph: 1.2},
				effective_max_running_requests_per_dp: 128,
			},
		],
		version: SGLANG_VERSION,
	};
}

export function sglangModelInfo(model: string): Record<string, unknown> {
	return {
		model_path: model,
		tokenizer_path: model,
		is_generation: true,
		preferred_sampling_params: null,
		weight_version: 'default',
		has_image_understanding: false,
		has_audio_understanding: false,
		model_type: 'mistral3',
		architectures: ['Mistral3ForConditionalGeneration'],
	};
}

export function sglangModelsJson(model: string, created: number, contextLength: number): Record<string, unknown> {
	return {object: 'list', data: [sglangModelCard(model, created, contextLength)]};
}

export function sglangModelCard(model: string, created: number, contextLength: number): Record<string, unknown> {
	return {id: model, object: 'model', created, owned_by: 'sglang', root: model, parent: null, max_model_len: contextLength};
}

export function vllmModelsJson(model: string, created: number, maxModelLen: number, permId: string): Record<string, unknown> {
	return {
		object: 'list',
		data: [
			{
				id: model,
				object: 'model',
				created,
				owned_by: 'vllm',
				root: model,
				parent: null,
				max_model_len: maxModelLen,
				permission: [
					{
						id: `modelperm-${permId}`,
						object: 'model_permission',
						created,
						allow_create_engine: false,
						allow_sampling: true,
						allow_logprobs: true,
						allow_search_indices: false,
						allow_view: true,
						allow_fine_tuning: false,
						organization: '*',
						group: null,
						is_blocking: false,
					},
				],
			},
		],
	};
}
