// Ollama's native POST /api/chat and /api/generate: NDJSON streams (the default) whose last line
// carries done_reason and the nanosecond metrics, or one JSON object with stream:false.

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {EngineContext} from './engine-context.js';
import {BodyError, readJsonBody, sendJson, startNdjson, writeNdjson} from './http-util.js';
import {chatChunk, chatFinal, generateChunk, generateFinal, type OllamaMetrics} from './ollama-shapes.js';
import type {GenState} from './scheduler.js';
import {chatPromptText, naturalLength, tokenId, tokenize} from './tokens.js';

/** Ollama's load_duration when the model is already resident. */
const WARM_LOAD_NS = 14_873_250;

export async function handleOllamaNative(ctx: EngineContext, req: IncomingMessage, res: ServerResponse, mode: 'chat' | 'generate'): Promise<void> {
	let body: Record<string, unknown>;
	try {
		body = await readJsonBody(req);
	} catch (error) {
		if (error instanceof BodyError) return sendJson(res, 400, {error: error.message});
		throw error;
	}
	const model = body['model'];
	if (typeof model !== 'string' || model === '') return sendJson(res, 400, {error: 'model is required'});
	if (model !== ctx.model && model !== `${ctx.model}:latest`) return sendJson(res, 404, {error: `model "${model}" not found, try pulling it first`});
	let text: string;
	if (mode === 'chat') {
		const messages = body['messages'];
		if (!Array.isArray(messages)) return sendJson(res, 400, {error: 'messages: expected an array of {role, content}'});
		text = chatPromptText(messages as Array<{role: string; content: unknown}>);
	} else {
		const prompt = body['prompt'];
		if (typeof prompt !== 'string') return sendJson(res, 400, {error: 'prompt: expected a string'});
		const system = typeof body['system'] === 'string' ? `<|system|>\n${body['system']}\n` : '';
		text = `${system}<|user|>\n${prompt}\n<|assistant|>\n`;
	}
	const options = (body['options'] ?? {}) as {num_predict?: unknown};
	const numPredict = typeof options.num_predict === 'number' && options.num_predict > 0 ? Math.floor(options.num_predict) : Number.MAX_SAFE_INTEGER;
	const stream = body['stream'] !== false;
	const promptTokens = tokenize(text);
	const seed = (tokenId(text.slice(-256)) + ctx.nextRequest() * 7919) >>> 0;
	ctx.touch();
	const started = performance.now();
	let full = '';
	const responseIds: number[] = [];
	let state: GenState | undefined;
	if (stream) startNdjson(res);
	const chunk = (piece: string) => (mode === 'chat' ? chatChunk(ctx.model, new Date(), piece) : generateChunk(ctx.model, new Date(), piece));
	state = ctx.scheduler.submit({
		promptTokens,
		maxTokens: numPredict,
		naturalTokens: naturalLength(seed),
		seed,
		callbacks: {
			token(piece) {
				full += piece;
				responseIds.push(tokenId(piece) % 151_643);
				if (stream) writeNdjson(res, chunk(piece));
			},
			finish(reason) {
				if (res.writableEnded || res.destroyed || reason === 'abort') {
					if (!res.writableEnded) res.end();
					return;
				}
				if (reason === 'error') {
					const message = 'an error was encountered while running the model';
					if (!stream) return sendJson(res, 500, {error: message});
					writeNdjson(res, {error: message});
					res.end();
					return;
				}
				const s = state!;
				const metrics: OllamaMetrics = {
					totalNs: (performance.now() - started) * 1e6,
					loadNs: WARM_LOAD_NS,
					// Ollama counts only the prompt tokens it evaluated: cached ones are not in it.
					promptEvalCount: promptTokens.length - s.cachedTokens,
					promptEvalNs: (s.firstTokenAt - s.prefillStartAt) * 1e6,
					evalCount: s.emitted,
					evalNs: (s.lastTokenAt - s.firstTokenAt + 1000 / ctx.decodeTps) * 1e6,
				};
				const context = [...promptTokens.map(t => tokenId(t) % 151_643), ...responseIds];
				const final =
					mode === 'chat'
						? chatFinal(ctx.model, new Date(), reason, metrics, stream ? '' : full)
						: generateFinal(ctx.model, new Date(), reason, metrics, context, stream ? '' : full);
				if (!stream) return sendJson(res, 200, final);
				writeNdjson(res, final);
				res.end();
			},
		},
	});
	res.on('close', () => {
		if (state && state.phase !== 'done') ctx.scheduler.cancel(state);
	});
}
