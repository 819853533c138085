// OpenAI chat-completion payloads as each engine serializes them (research/engines.md 1.5, 2.5,
// 3.3, 5): vLLM drops unset fields, SGLang writes every field (nulls included), Ollama adds
// system_fingerprint "fp_ollama". Pure builders; the HTTP layer writes them as SSE.

import type {SimKind} from './types.js';

export interface Usage {
	promptTokens: number;
	completionTokens: number;
	cachedTokens: number;
}

export interface CompletionMeta {
	kind: SimKind;
	id: string;
	created: number;
	model: string;
}

type Json = Record<string, unknown>;

function head(meta: CompletionMeta, object: string): Json {
	const base: Json = {id: meta.id, object, created: meta.created, model: meta.model};
	if (meta.kind === 'ollama') base['system_fingerprint'] = 'fp_ollama';
	return base;
}

export function usageJson(kind: SimKind, usage: Usage): Json {
	const total = usage.promptTokens + usage.completionTokens;
	if (kind === 'ollama') return {prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: total};
	if (kind === 'vllm') return {prompt_tokens: usage.promptTokens, total_tokens: total, completion_tokens: usage.completionTokens};
	// SGLang with --enable-cache-report.
	return {
		prompt_tokens: usage.promptTokens,
		total_tokens: total,
		completion_tokens: usage.completionTokens,
		prompt_tokens_details: {cached_tokens: usage.cachedTokens},
		reasoning_tokens: 0,
	};
}

function choice(kind: SimKind, delta: Json, finishReason: string | null): Json {
	if (kind === 'sglang') {
		return {
			index: 0,
			delta: {role: null, content: null, reasoning_content: null, tool_calls: null, ...delta},
			logprobs: null,
			finish_reason: finishReason,
			matched_stop: null,
		};
	}
	if (kind === 'vllm') {
		const out: Json = {index: 0, delta, logprobs: null, finish_reason: finishReason};
		if (finishReason !== null) out['stop_reason'] = null;
		return out;
	}
	return {index: 0, delta, finish_reason: finishReason};
}

function chunk(meta: CompletionMeta, choices: Json[], extra: Json = {}): Json {
	const out: Json = {...head(meta, 'chat.completion.chunk'), choices, ...extra};
	if (meta.kind === 'sglang' && !('usage' in out)) out['usage'] = null;
	return out;
}

/** First chunk: the assistant role, empty content (Ollama puts the first token here instead). */
export function roleChunk(meta: CompletionMeta): Json {
	return chunk(meta, [choice(meta.kind, {role: 'assistant', content: ''}, null)]);
}

export function contentChunk(meta: CompletionMeta, text: string): Json {
	const delta: Json = meta.kind === 'ollama' ? {role: 'assistant', content: text} : {content: text};
	return chunk(meta, [choice(meta.kind, delta, null)]);
}

export function finishChunk(meta: CompletionMeta, finishReason: string): Json {
	const delta: Json = meta.kind === 'ollama' ? {role: 'assistant', content: ''} : meta.kind === 'vllm' ? {content: ''} : {};
	return chunk(meta, [choice(meta.kind, delta, finishReason)]);
}

/** The stream_options.include_usage chunk: `choices: []` and the request's usage. */
export function usageChunk(meta: CompletionMeta, usage: Usage): Json {
	return chunk(meta, [], {usage: usageJson(meta.kind, usage)});
}

/** The error object an engine writes into an SSE stream that fails after the 200 went out. */
export function streamErrorJson(kind: SimKind, message: string): Json {
	if (kind === 'sglang') return {error: {object: 'error', message, type: 'InternalServerError', param: null, code: 500}};
	if (kind === 'vllm') return {error: {message, type: 'InternalServerError', param: null, code: 500}};
	return {error: {message, type: 'api_error', param: null, code: null}};
}

/** Whether the engine still sends `data: [DONE]` after a mid-stream error (vLLM, SGLang: yes). */
export function doneAfterError(kind: SimKind): boolean {
	return kind !== 'ollama';
}

export function completionJson(meta: CompletionMeta, content: string, finishReason: string, usage: Usage): Json {
	let message: Json;
	let extra: Json = {};
	if (meta.kind === 'sglang') {
		message = {role: 'assistant', content, reasoning_content: null, tool_calls: null};
	} else if (meta.kind === 'vllm') {
		message = {role: 'assistant', content, refusal: null, annotations: null, audio: null, function_call: null, tool_calls: [], reasoning_content: null};
		extra = {service_tier: null, system_fingerprint: null, prompt_logprobs: null, kv_transfer_params: null};
	} else {
		message = {role: 'assistant', content};
	}
	const c: Json = {index: 0, message, logprobs: null, finish_reason: finishReason};
	if (meta.kind === 'sglang') c['matched_stop'] = null;
	if (meta.kind === 'vllm') c['stop_reason'] = null;
	if (meta.kind === 'ollama') delete c['logprobs'];
	return {...head(meta, 'chat.completion'), choices: [c], usage: usageJson(meta.kind, usage), ...extra};
}

/** A JSON error body sent with a non-200 status (before any streaming). */
export function httpErrorJson(kind: SimKind, status: number, message: string, type = 'InternalServerError'): Json {
	if (kind === 'sglang') return {object: 'error', message, type, param: null, code: status};
	if (kind === 'vllm') return {error: {message, type, param: null, code: status}};
	return {error: {message, type: status === 404 ? 'not_found_error' : status === 400 ? 'invalid_request_error' : 'api_error', param: null, code: null}};
}
