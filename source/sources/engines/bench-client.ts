// Probe benchmark: one streamed chat completion through fetch + eventsource-parser (SSE) or
// Ollama's NDJSON, timing the first token and the decode rate. Handles [DONE], an error object
// mid-stream, a missing [DONE], and a stream that stalls (idle timeout).

import {createParser} from 'eventsource-parser';
import {benchFigures, readNdjsonLine, readSseData, type BenchFigures, type StreamEvent, type StreamTrace} from '../../domain/engines/stream.js';
import type {EngineKind} from '../../domain/engines/types.js';
import {failureReason, joinUrl} from './http.js';

export interface BenchOptions {
	url: string;
	kind: EngineKind;
	model: string;
	maxTokens?: number;
	prompt?: string;
	/** No bytes for this long: the stream has stalled. */
	idleTimeoutMs?: number;
	/** Use Ollama's native /api/chat NDJSON (default for Ollama); else /v1/chat/completions SSE. */
	ndjson?: boolean;
}

export interface BenchRun extends BenchFigures {
	/** Why the run failed (HTTP error, error object mid-stream, stall, refused), or null. */
	error: string | null;
	/** The stream ended with [DONE] or a done:true line. */
	complete: boolean;
	/** Ollama's own eval_count/eval_duration, when it sent them. */
	serverDecodeTps?: number;
	endpoint: string;
}

export const DEFAULT_PROMPT = 'Write a short paragraph about terminals.';

export async function benchOnce(o: BenchOptions): Promise<BenchRun> {
	const ndjson = o.ndjson ?? o.kind === 'ollama';
	const endpoint = joinUrl(o.url, ndjson ? '/api/chat' : '/v1/chat/completions');
	const maxTokens = o.maxTokens ?? 128;
	const idle = o.idleTimeoutMs ?? 10_000;
	const messages = [{role: 'user', content: o.prompt ?? DEFAULT_PROMPT}];
	const body = ndjson
		? {model: o.model, messages, stream: true, options: {num_predict: maxTokens}}
		: {model: o.model, messages, stream: true, max_tokens: maxTokens, stream_options: {include_usage: true}};

	const trace: StreamTrace = {firstTokenAt: null, lastTokenAt: null, deltas: 0, completionTokens: null};
	const controller = new AbortController();
	let stalled = false;
	let timer: NodeJS.Timeout | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			stalled = true;
			controller.abort();
		}, idle);
	};
	let error: string | null = null;
	let complete = false;
	const started = performance.now();
	const finish = (): BenchRun => {
		clearTimeout(timer);
		const run: BenchRun = {...benchFigures(trace), error, complete, endpoint};
		if (trace.serverDecodeTps !== undefined) run.serverDecodeTps = trace.serverDecodeTps;
		return run;
	};

	const onEvent = (e: StreamEvent) => {
		const at = performance.now() - started;
		switch (e.type) {
			case 'delta':
				trace.deltas++;
				trace.firstTokenAt ??= at;
				trace.lastTokenAt = at;
				break;
			case 'usage':
				trace.completionTokens = e.completionTokens;
				if (e.serverDecodeTps !== undefined) trace.serverDecodeTps = e.serverDecodeTps;
				break;
			case 'error':
				error ??= `${endpoint}: error mid-stream: ${e.message}`;
				break;
			case 'done':
				complete = true;
				break;
			default:
				break;
		}
	};

	arm();
	let response: Response;
	try {
		response = await fetch(endpoint, {
			method: 'POST',
			headers: {'content-type': 'application/json', accept: ndjson ? 'application/x-ndjson' : 'text/event-stream'},
			body: JSON.stringify(body),
			signal: controller.signal,
		});
	} catch (e) {
		error = stalled ? `${endpoint}: no response within ${idle} ms` : `${endpoint}: ${failureReason(e, idle)}`;
		return finish();
	}
	if (response.status !== 200) {
		const text = await response.text().catch(() => '');
		error = `${endpoint}: HTTP ${response.status}${text ? ` ${text.slice(0, 160).replace(/\s+/g, ' ')}` : ''}`;
		return finish();
	}
	const sse = createParser({
		onEvent: ev => {
			for (const e of readSseData(ev.data)) onEvent(e);
		},
	});
	let pending = '';
	const decoder = new TextDecoder();
	try {
		arm();
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
			arm();
			const text = decoder.decode(chunk, {stream: true});
			if (ndjson) {
				pending += text;
				let nl: number;
				while ((nl = pending.indexOf('\n')) >= 0) {
					const line = pending.slice(0, nl);
					pending = pending.slice(nl + 1);
					for (const e of readNdjsonLine(line)) onEvent(e);
				}
			} else sse.feed(text);
			if (complete || error) break;
		}
		if (ndjson && pending.trim()) for (const e of readNdjsonLine(pending)) onEvent(e);
	} catch (e) {
		if (stalled) error ??= `${endpoint}: stream stalled (no data for ${idle} ms)`;
		else error ??= `${endpoint}: stream broken (${failureReason(e, idle)})`;
	}
	controller.abort();
	if (!complete && !error) error = `${endpoint}: stream ended without [DONE]`;
	return finish();
}
