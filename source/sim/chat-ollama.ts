// Ollama's native POST /api/chat and /api/generate: NDJSON streams (the default) whose last line
// carries done_reason and the nanosecond metrics, or one JSON object with stream:false.

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {EngineContext} from './engine-context.js';
import {BodyError, readJsonBody, sendJson, startNdjson, writeNdjson} from './http-util.js';
import {chatChunk, chatFinal, generateChunk, generateFinal, rfc3339Utc, type OllamaMetrics} from './ollama-shapes.js';
import type {GenState} from './scheduler.js';
import {chatPromptText, naturalLength, tokenId, tokenize} from './tokens.js';

/** Ollama's load_duration when the model is already resident. */
const WARM_LOAD_NS = 14_873_250;
const OLLAMA_DEFAULT_KEEP_ALIVE_MS = 5 * 60 * 1000;

/** keep_alive as Ollama reads it: seconds as a number, or a Go duration ("5m", "0", "-1"); negative = forever (null). */
export function parseKeepAlive(value: unknown): number | null | undefined {
	if (value === undefined || value === null) return undefined;
	let ms: number | undefined;
	if (typeof value === 'number') ms = value * 1000;
	else if (typeof value === 'string') {
		const m = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
		if (m) ms = Number(m[1]) * ({ms: 1, s: 1000, m: 60_000, h: 3_600_000}[m[2] ?? 's'] ?? 1000);
	}
	if (ms === undefined) return undefined;
	return ms < 0 ? null : ms;
}

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
	const keepAlive = parseKeepAlive(body['keep_alive']);
	const noPrompt = mode === 'chat' ? Array.isArray(body['messages']) && body['messages'].length === 0 || body['messages'] === undefined : body['prompt'] === undefined || body['prompt'] === '';
	if (noPrompt) {
		// Ollama's load/unload requests: no prompt, keep_alive 0 unloads now, anything else loads.
		const unload = keepAlive === 0;
		if (unload) ctx.keepAlive(0);
		else ctx.keepAlive(keepAlive === undefined ? OLLAMA_DEFAULT_KEEP_ALIVE_MS : keepAlive);
		const reason = unload ? 'unload' : 'load';
		const at = rfc3339Utc(new Date());
		return sendJson(res, 200, mode === 'chat' ? {model, created_at: at, message: {role: 'assistant', content: ''}, done_reason: reason, done: true} : {model, created_at: at, response: '', done: true, done_reason: reason});
	}
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
	if (keepAlive === undefined) ctx.touch();
	else ctx.keepAlive(keepAlive);
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
