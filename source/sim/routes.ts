// The HTTP surface of each engine kind (research/engines.md 1.4-1.5, 2.4, 3.1): path -> handler.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {handleChatCompletions} from './chat-openai.js';
import {handleOllamaNative} from './chat-ollama.js';
import type {EngineContext} from './engine-context.js';
import {sendJson, sendText} from './http-util.js';
import {renderSglangMetrics} from './metrics-sglang.js';
import {renderVllmMetrics} from './metrics-vllm.js';
import {OLLAMA_VERSION, ollamaModelInfo, openaiModelsJson, psJson, tagsJson} from './ollama-shapes.js';
import {sglangModelCard, sglangModelInfo, sglangModelsJson, sglangServerInfo, VLLM_VERSION, vllmModelsJson} from './server-info.js';

export const CONTEXT_LENGTH: Record<EngineContext['kind'], number> = {sglang: 131072, vllm: 262144, ollama: 32768};
export const SGLANG_MAX_TOTAL_TOKENS = 524288;
export const VLLM_BLOCK_SIZE = 16;
export const VLLM_GPU_BLOCKS = 32768;
export const SGLANG_SERVER_INFO_DEPRECATED = "Endpoint '/get_server_info' is deprecated and will be removed in a future version. Please use '/server_info' instead.";
const PROM_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const PERM_ID = 'c2e9860095b745b6b8be7133c5ab1fcf';
const FLUSH_TEXT = 'Cache flushed.\nPlease check backend logs for more details. (When there are running or waiting requests, the operation will not be performed.)\n';

export async function route(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://sim');
	const method = req.method ?? 'GET';
	const path = url.pathname;
	const get = method === 'GET' || method === 'HEAD';
	const created = Math.floor(ctx.startedAt.getTime() / 1000);

	if (path === '/v1/chat/completions' && method === 'POST') return handleChatCompletions(ctx, req, res);

	if (ctx.kind === 'sglang') {
		if (get && (path === '/health' || path === '/health_generate')) return sendText(res, 200, '', 'text/plain');
		if (get && path === '/ping') return sendText(res, 200, '', 'text/plain');
		if (get && path === '/v1/models') return sendJson(res, 200, sglangModelsJson(ctx.model, created, CONTEXT_LENGTH.sglang));
		if (get && path.startsWith('/v1/models/')) {
			const name = decodeURIComponent(path.slice('/v1/models/'.length));
			if (name === ctx.model) return sendJson(res, 200, sglangModelCard(ctx.model, created, CONTEXT_LENGTH.sglang));
			return sendJson(res, 404, {error: {message: `The model '${name}' does not exist`, type: 'invalid_request_error', param: 'model', code: 'model_not_found'}});
		}
		// Current releases renamed /get_server_info to /server_info and log a warning on each call of
		// the old name (http_server.py); releases before the rename answer 404 on the new one.
		const newName = path === '/server_info' && ctx.sglangRelease === 'current';
		if (get && (path === '/get_server_info' || newName)) {
			if (path === '/get_server_info' && ctx.sglangRelease === 'current') ctx.warn(SGLANG_SERVER_INFO_DEPRECATED);
			return sendJson(res, 200, sglangServerInfo({model: ctx.model, port: ctx.port, contextLength: CONTEXT_LENGTH.sglang, maxTotalTokens: SGLANG_MAX_TOTAL_TOKENS, stats: ctx.stats}));
		}
		if (get && (path === '/get_model_info' || path === '/model_info')) return sendJson(res, 200, sglangModelInfo(ctx.model));
		if (path === '/flush_cache' && (method === 'GET' || method === 'POST')) {
			// SGLang's http_server.py: the same text either way; only the status says whether it
			// flushed (400 while requests are running or waiting).
			const busy = ctx.stats.running > 0 || ctx.stats.waiting > 0;
			if (!busy) ctx.flushCache();
			return sendText(res, busy ? 400 : 200, FLUSH_TEXT);
		}
		if (get && path === '/metrics') {
			return sendText(res, 200, renderSglangMetrics({model: ctx.model, stats: ctx.stats, maxTotalTokens: SGLANG_MAX_TOTAL_TOKENS, cacheTokens: ctx.cacheTokens()}), PROM_TYPE);
		}
		return sendJson(res, 404, {detail: 'Not Found'});
	}

	if (ctx.kind === 'vllm') {
		if (get && (path === '/health' || path === '/ping')) return sendText(res, 200, '', 'text/plain');
		if (get && path === '/version') return sendJson(res, 200, {version: VLLM_VERSION});
		if (get && path === '/v1/models') return sendJson(res, 200, vllmModelsJson(ctx.model, Math.floor(Date.now() / 1000), CONTEXT_LENGTH.vllm, PERM_ID));
		if (get && (path === '/metrics' || path === '/metrics/')) {
			return sendText(res, 200, renderVllmMetrics({model: ctx.model, stats: ctx.stats, numGpuBlocks: VLLM_GPU_BLOCKS, blockSize: VLLM_BLOCK_SIZE}), PROM_TYPE);
		}
		return sendJson(res, 404, {detail: 'Not Found'});
	}

	const info = ollamaModelInfo(ctx.model, ctx.startedAt);
	if (get && path === '/') return sendText(res, 200, 'Ollama is running');
	if (get && path === '/api/version') return sendJson(res, 200, {version: OLLAMA_VERSION});
	if (get && path === '/api/tags') return sendJson(res, 200, tagsJson(info));
	if (get && path === '/api/ps') return sendJson(res, 200, ctx.expiresAt.getTime() > Date.now() ? psJson(info, ctx.expiresAt) : {models: []});
	if (method === 'POST' && path === '/api/chat') return handleOllamaNative(ctx, req, res, 'chat');
	if (method === 'POST' && path === '/api/generate') return handleOllamaNative(ctx, req, res, 'generate');
	if (get && path === '/v1/models') return sendJson(res, 200, openaiModelsJson(info));
	if (get && path.startsWith('/v1/models/')) {
		const name = decodeURIComponent(path.slice('/v1/models/'.length));
		const list = openaiModelsJson(info)['data'] as unknown[];
		if (name === ctx.model) return sendJson(res, 200, list[0]);
		return sendJson(res, 404, {error: {message: `model "${name}" not found`, type: 'not_found_error', param: null, code: null}});
	}
	return sendText(res, 404, '404 page not found');
}

/** The 500 each kind answers with when the http500 fault is on. */
export function sendFault500(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): void {
	const message = `simulated ${ctx.kind} fault: internal server error (clear the fault with setFault(null))`;
	const path = (req.url ?? '/').split('?')[0]!;
	if (ctx.kind === 'ollama') {
		if (path.startsWith('/v1/')) return sendJson(res, 500, {error: {message, type: 'api_error', param: null, code: null}});
		return sendJson(res, 500, {error: message});
	}
	if (ctx.kind === 'sglang') return sendJson(res, 500, {object: 'error', message, type: 'InternalServerError', param: null, code: 500});
	return sendJson(res, 500, {error: {message, type: 'InternalServerError', param: null, code: 500}});
}

/** While the weights load: SGLang and vLLM answer /health with an empty 503 (ServerStatus.Starting),
 * and nothing else is served yet; Ollama's root still says it is running. */
export function sendLoading503(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): void {
	const path = (req.url ?? '/').split('?')[0]!;
	if (ctx.kind === 'ollama' && path === '/') return sendText(res, 200, 'Ollama is running');
	if (path === '/health' || path === '/health_generate' || path === '/ping') return sendText(res, 503, '', 'text/plain');
	const message = `${ctx.model} is still loading; retry when /health answers 200`;
	if (ctx.kind === 'ollama') return sendJson(res, 503, {error: message});
	return sendJson(res, 503, {object: 'error', message, type: 'ServiceUnavailableError', param: null, code: 503});
}
