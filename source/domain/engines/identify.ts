// Which server is this? Decided from what the server says about itself (never from the port):
// SGLang /server_info (or /get_server_info), vLLM /version, Ollama /api/version, llama.cpp /props.

import type {EngineKind} from './types.js';

/** Bodies of the identifying endpoints that answered 200 (undefined: no answer or not JSON). */
export interface ProbeAnswers {
	sglangServerInfo?: unknown;
	vllmVersion?: unknown;
	ollamaVersion?: unknown;
	llamacppProps?: unknown;
}

export interface Identity {
	kind: EngineKind;
	version: string | null;
	/** Model named by the identifying answer, when it names one. */
	model: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function identifyEngine(a: ProbeAnswers): Identity | null {
	const s = a.sglangServerInfo;
	if (isObject(s) && ('served_model_name' in s || 'model_path' in s || 'internal_states' in s)) {
		return {kind: 'sglang', version: str(s['version']), model: str(s['served_model_name']) ?? str(s['model_path'])};
	}
	const p = a.llamacppProps;
	if (isObject(p) && ('default_generation_settings' in p || 'total_slots' in p)) {
		return {kind: 'llamacpp', version: str(p['build_info']), model: str(p['model_alias']) ?? str(p['model_path'])};
	}
	const o = a.ollamaVersion;
	if (isObject(o) && typeof o['version'] === 'string' && Object.keys(o).length <= 2) {
		return {kind: 'ollama', version: str(o['version']), model: null};
	}
	const v = a.vllmVersion;
	if (isObject(v) && typeof v['version'] === 'string') {
		return {kind: 'vllm', version: str(v['version']), model: null};
	}
	return null;
}

/** First model id from an OpenAI `/v1/models` body, or null. */
export function firstModelId(body: unknown): string | null {
	if (!isObject(body) || !Array.isArray(body['data'])) return null;
	for (const card of body['data']) if (isObject(card) && typeof card['id'] === 'string' && card['parent'] == null) return card['id'];
	return null;
}
