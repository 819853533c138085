// Reading a streamed completion, one event at a time: OpenAI-style SSE `data:` payloads (SGLang,
// vLLM, llama.cpp, Ollama /v1) and Ollama's native NDJSON lines. And the benchmark's figures.

export type StreamEvent =
	| {type: 'delta'; text: string}
	| {type: 'usage'; completionTokens: number; promptTokens: number | null; serverDecodeTps?: number}
	| {type: 'error'; message: string}
	| {type: 'done'}
	| {type: 'ignore'};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function errorText(e: unknown): string {
	if (typeof e === 'string') return e;
	if (isObject(e)) return String(e['message'] ?? JSON.stringify(e));
	return String(e);
}

/** One SSE `data:` payload. A chunk can carry both a delta and usage (SGLang): both are returned. */
export function readSseData(data: string): StreamEvent[] {
	const text = data.trim();
	if (text === '[DONE]') return [{type: 'done'}];
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return [{type: 'error', message: `malformed stream chunk: ${text.slice(0, 80)}`}];
	}
	if (!isObject(json)) return [{type: 'ignore'}];
	if ('error' in json && json['error'] != null) return [{type: 'error', message: errorText(json['error'])}];
	const events: StreamEvent[] = [];
	const choices = Array.isArray(json['choices']) ? json['choices'] : [];
	for (const c of choices) {
		if (!isObject(c)) continue;
		const delta = isObject(c['delta']) ? c['delta'] : {};
		const piece = [delta['content'], delta['reasoning_content'], delta['reasoning'], c['text']].find(v => typeof v === 'string' && v !== '') as string | undefined;
		if (piece !== undefined) events.push({type: 'delta', text: piece});
	}
	const usage = json['usage'];
	if (isObject(usage) && typeof usage['completion_tokens'] === 'number') {
		events.push({type: 'usage', completionTokens: usage['completion_tokens'], promptTokens: typeof usage['prompt_tokens'] === 'number' ? usage['prompt_tokens'] : null});
	}
	return events.length ? events : [{type: 'ignore'}];
}

/** One Ollama NDJSON line (/api/chat or /api/generate). */
export function readNdjsonLine(line: string): StreamEvent[] {
	const text = line.trim();
	if (!text) return [{type: 'ignore'}];
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return [{type: 'error', message: `malformed NDJSON line: ${text.slice(0, 80)}`}];
	}
	if (!isObject(json)) return [{type: 'ignore'}];
	if (typeof json['error'] === 'string' || isObject(json['error'])) return [{type: 'error', message: errorText(json['error'])}];
	const events: StreamEvent[] = [];
	const message = isObject(json['message']) ? json['message'] : {};
	const piece = [message['content'], message['thinking'], json['response'], json['thinking']].find(v => typeof v === 'string' && v !== '') as string | undefined;
	if (piece !== undefined) events.push({type: 'delta', text: piece});
	if (json['done'] === true) {
		const evalCount = json['eval_count'];
		const evalDuration = json['eval_duration'];
		if (typeof evalCount === 'number') {
			const usage: StreamEvent = {type: 'usage', completionTokens: evalCount, promptTokens: typeof json['prompt_eval_count'] === 'number' ? json['prompt_eval_count'] : null};
			if (typeof evalDuration === 'number' && evalDuration > 0) usage.serverDecodeTps = (evalCount / evalDuration) * 1e9;
			events.push(usage);
		}
		events.push({type: 'done'});
	}
	return events.length ? events : [{type: 'ignore'}];
}

/** What the benchmark saw, with times in ms from sending the request. */
export interface StreamTrace {
	firstTokenAt: number | null;
	lastTokenAt: number | null;
	deltas: number;
	completionTokens: number | null;
	serverDecodeTps?: number;
}

export interface BenchFigures {
	ttftMs: number | null;
	decodeTps: number | null;
	/** Tokens counted from stream deltas because the server sent no usage: an estimate. */
	estimated: boolean;
	tokens: number | null;
}

/**
 * TTFT is time to the first content delta. Decode tok/s is the tokens after the first one over
 * the time from the first to the last token: this excludes prefill, so it measures the decode rate.
 */
export function benchFigures(trace: StreamTrace): BenchFigures {
	const estimated = trace.completionTokens === null;
	const tokens = trace.completionTokens ?? (trace.deltas > 0 ? trace.deltas : null);
	let decodeTps: number | null = null;
	if (tokens !== null && tokens > 1 && trace.firstTokenAt !== null && trace.lastTokenAt !== null && trace.lastTokenAt > trace.firstTokenAt) {
		decodeTps = ((tokens - 1) * 1000) / (trace.lastTokenAt - trace.firstTokenAt);
	}
	return {ttftMs: trace.firstTokenAt, decodeTps, estimated, tokens};
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
