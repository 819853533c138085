// POST /v1/chat/completions for every engine kind: streaming SSE (role chunk, one chunk per token,
// finish chunk, the include_usage chunk with `choices: []`, `data: [DONE]`) or one JSON answer.

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {EngineContext} from './engine-context.js';
import {BodyError, randomHex, readJsonBody, sendJson, startSse, writeSse} from './http-util.js';
import {completionJson, contentChunk, doneAfterError, finishChunk, httpErrorJson, roleChunk, streamErrorJson, usageChunk, type CompletionMeta} from './openai-chunks.js';
import type {GenState} from './scheduler.js';
import {chatPromptText, naturalLength, tokenId, tokenize} from './tokens.js';

export interface ParsedChat {
	promptTokens: string[];
	maxTokens: number;
	stream: boolean;
	includeUsage: boolean;
	/** vLLM/SGLang sampling param: generate until max_tokens, ignoring end-of-sequence. */
	ignoreEos: boolean;
	seed: number;
}

/** Validate an OpenAI chat request body; a string is the error to send back with 400. `requestNo` varies the seed. */
export function parseChatBody(body: Record<string, unknown>, requestNo: number): ParsedChat | string {
	const messages = body['messages'];
	if (!Array.isArray(messages) || messages.length === 0) return 'messages: expected a non-empty array of {role, content}';
	for (const [i, m] of messages.entries()) {
		if (!m || typeof m !== 'object' || typeof (m as {role?: unknown}).role !== 'string') return `messages[${i}]: expected an object with a string role`;
	}
	const text = chatPromptText(messages as Array<{role: string; content: unknown}>);
	const maxRaw = body['max_completion_tokens'] ?? body['max_tokens'];
	if (maxRaw !== undefined && maxRaw !== null && (typeof maxRaw !== 'number' || !Number.isInteger(maxRaw) || maxRaw < 1)) return 'max_tokens: expected a positive integer';
	const streamOptions = body['stream_options'] as {include_usage?: unknown} | undefined;
	return {
		promptTokens: tokenize(text),
		maxTokens: typeof maxRaw === 'number' ? maxRaw : Number.MAX_SAFE_INTEGER,
		stream: body['stream'] === true,
		includeUsage: streamOptions?.include_usage === true,
		ignoreEos: body['ignore_eos'] === true,
		seed: (tokenId(text.slice(-256)) + requestNo * 104729) >>> 0,
	};
}

export function completionId(ctx: EngineContext): string {
	if (ctx.kind === 'vllm') return `chatcmpl-${randomHex(32)}`;
	if (ctx.kind === 'sglang') return randomHex(32);
	return `chatcmpl-${Math.floor(Math.random() * 1000)}`;
}

export async function handleChatCompletions(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	let body: Record<string, unknown>;
	try {
		body = await readJsonBody(req);
	} catch (error) {
		if (error instanceof BodyError) return sendJson(res, 400, httpErrorJson(ctx.kind, 400, error.message, 'BadRequestError'));
		throw error;
	}
	const model = body['model'];
	if (ctx.kind !== 'sglang' && typeof model === 'string' && model !== ctx.model) {
		const message = ctx.kind === 'vllm' ? `The model \`${model}\` does not exist.` : `model "${model}" not found, try pulling it first`;
		return sendJson(res, 404, httpErrorJson(ctx.kind, 404, message, 'NotFoundError'));
	}
	const parsed = parseChatBody(body, ctx.nextRequest());
	if (typeof parsed === 'string') return sendJson(res, 400, httpErrorJson(ctx.kind, 400, parsed, 'BadRequestError'));
	ctx.touch();
	const meta: CompletionMeta = {kind: ctx.kind, id: completionId(ctx), created: Math.floor(Date.now() / 1000), model: ctx.model};
	let content = '';
	let state: GenState | undefined;
	if (parsed.stream) startSse(res);
	state = ctx.scheduler.submit({
		promptTokens: parsed.promptTokens,
		maxTokens: parsed.maxTokens,
		naturalTokens: parsed.ignoreEos ? parsed.maxTokens : naturalLength(parsed.seed),
		seed: parsed.seed,
		callbacks: {
			token(text, index) {
				if (!parsed.stream) {
					content += text;
					return;
				}
				if (index === 0 && ctx.kind !== 'ollama') writeSse(res, roleChunk(meta));
				writeSse(res, contentChunk(meta, text));
			},
			finish(reason, error) {
				if (res.writableEnded || res.destroyed || reason === 'abort') {
					if (!res.writableEnded) res.end();
					return;
				}
				const usage = {promptTokens: parsed.promptTokens.length, completionTokens: state?.emitted ?? 0, cachedTokens: state?.cachedTokens ?? 0};
				if (reason === 'error') {
					const message = error ?? 'generation failed';
					if (!parsed.stream) return sendJson(res, 500, httpErrorJson(ctx.kind, 500, message));
					writeSse(res, streamErrorJson(ctx.kind, message));
					if (doneAfterError(ctx.kind)) writeSse(res, '[DONE]');
					res.end();
					return;
				}
				if (!parsed.stream) return sendJson(res, 200, completionJson(meta, content, reason, usage));
				writeSse(res, finishChunk(meta, reason));
				if (parsed.includeUsage) writeSse(res, usageChunk(meta, usage));
				writeSse(res, '[DONE]');
				res.end();
			},
		},
	});
	res.on('close', () => {
		if (state && state.phase !== 'done') ctx.scheduler.cancel(state);
	});
}
