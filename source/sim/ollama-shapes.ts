// Ollama's native payloads (api/types.go): tags, ps, version, and the NDJSON stream chunks whose
// final `done:true` line carries the nanosecond metrics (zero values omitted, as Go's omitempty).

export const OLLAMA_VERSION = '0.12.6';

export interface OllamaModelInfo {
	name: string;
	size: number;
	digest: string;
	family: string;
	parameterSize: string;
	quantization: string;
	contextLength: number;
	modifiedAt: Date;
}

export function ollamaModelInfo(name: string, now: Date): OllamaModelInfo {
	return {
		name,
		size: 19_851_337_640,
		digest: 'a3357e4a2ca1c4c2f5e1e7c5c4a9d5d9c7e0f2c3b4a5d6e7f8091a2b3c4d5e6f',
		family: 'qwen2',
		parameterSize: '32.8B',
		quantization: 'Q4_K_M',
		contextLength: 32768,
		modifiedAt: new Date(now.getTime() - 9 * 24 * 3600 * 1000),
	};
}

function details(info: OllamaModelInfo): Record<string, unknown> {
	return {parent_model: '', format: 'gguf', family: info.family, families: [info.family], parameter_size: info.parameterSize, quantization_level: info.quantization};
}

export function tagsJson(info: OllamaModelInfo): Record<string, unknown> {
	return {models: [{name: info.name, model: info.name, modified_at: rfc3339Local(info.modifiedAt), size: info.size, digest: info.digest, details: details(info)}]};
}

export function psJson(info: OllamaModelInfo, expiresAt: Date): Record<string, unknown> {
	return {
		models: [
			{
				name: info.name,
				model: info.name,
				size: info.size + 1_610_612_736,
				digest: info.digest,
				details: details(info),
				expires_at: rfc3339Local(expiresAt),
				size_vram: info.size + 1_610_612_736,
				context_length: info.contextLength,
			},
		],
	};
}

export function openaiModelsJson(info: OllamaModelInfo): Record<string, unknown> {
	return {object: 'list', data: [{id: info.name, object: 'model', created: Math.floor(info.modifiedAt.getTime() / 1000), owned_by: 'library'}]};
}

export interface OllamaMetrics {
	totalNs: number;
	loadNs: number;
	promptEvalCount: number;
	promptEvalNs: number;
	evalCount: number;
	evalNs: number;
}

/** The metrics of a final chunk, each left out when zero (Go omitempty). */
export function metricsFields(m: OllamaMetrics): Record<string, number> {
	const out: Record<string, number> = {};
	const put = (key: string, value: number) => {
		if (value !== 0) out[key] = Math.round(value);
	};
	put('total_duration', m.totalNs);
	put('load_duration', m.loadNs);
	put('prompt_eval_count', m.promptEvalCount);
	put('prompt_eval_duration', m.promptEvalNs);
	put('eval_count', m.evalCount);
	put('eval_duration', m.evalNs);
	return out;
}

export function chatChunk(model: string, at: Date, content: string): Record<string, unknown> {
	return {model, created_at: rfc3339Utc(at), message: {role: 'assistant', content}, done: false};
}

export function chatFinal(model: string, at: Date, doneReason: string, metrics: OllamaMetrics, fullContent = ''): Record<string, unknown> {
	return {model, created_at: rfc3339Utc(at), message: {role: 'assistant', content: fullContent}, done: true, done_reason: doneReason, ...metricsFields(metrics)};
}

export function generateChunk(model: string, at: Date, response: string): Record<string, unknown> {
	return {model, created_at: rfc3339Utc(at), response, done: false};
}

export function generateFinal(model: string, at: Date, doneReason: string, metrics: OllamaMetrics, context: number[], fullResponse = ''): Record<string, unknown> {
	return {model, created_at: rfc3339Utc(at), response: fullResponse, done: true, done_reason: doneReason, context, ...metricsFields(metrics)};
}

/** Go's time.RFC3339Nano in UTC: "2023-08-04T19:22:45.499127Z" (trailing zeros trimmed). */
export function rfc3339Utc(at: Date, extraMicros = Math.floor(Math.random() * 1000)): string {
	const iso = at.toISOString(); // 2023-08-04T19:22:45.499Z
	const fraction = `${iso.slice(20, 23)}${String(extraMicros).padStart(3, '0')}`.replace(/0+$/, '');
	return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** RFC3339 with the local zone offset, as Ollama writes modified_at and expires_at. */
export function rfc3339Local(at: Date): string {
	const offsetMin = -at.getTimezoneOffset();
	const local = new Date(at.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
	if (offsetMin === 0) return `${local}Z`;
	const sign = offsetMin > 0 ? '+' : '-';
	const abs = Math.abs(offsetMin);
	return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
