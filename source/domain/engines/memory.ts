// Per-engine memory as the servers report it: SGLang /server_info memory_usage (GB), Ollama
// /api/ps size/size_vram (bytes); vLLM only reports KV usage (a ratio, from /metrics).

export interface EngineMemoryItem {
	/** What it is: "weights", "kv cache", a model name for Ollama. */
	label: string;
	bytes: number;
	/** Ollama: bytes of this model held in GPU memory. */
	vramBytes?: number;
}

export interface EngineMemory {
	items: EngineMemoryItem[];
	/** SGLang token capacity of the KV pool. */
	tokenCapacity?: number;
}

const GB = 1024 ** 3;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** SGLang: `internal_states[].memory_usage {weight, kvcache, graph, token_capacity}`, summed over DP ranks. */
export function sglangMemory(serverInfo: unknown): EngineMemory | null {
	if (!isObject(serverInfo) || !Array.isArray(serverInfo['internal_states'])) return null;
	let weight = 0;
	let kv = 0;
	let graph = 0;
	let capacity = 0;
	let found = false;
	for (const st of serverInfo['internal_states']) {
		if (!isObject(st) || !isObject(st['memory_usage'])) continue;
		const m = st['memory_usage'];
		found = true;
		weight += num(m['weight']) ?? 0;
		kv += num(m['kvcache']) ?? 0;
		graph += num(m['graph']) ?? 0;
		capacity += num(m['token_capacity']) ?? 0;
	}
	if (!found) return null;
	const items: EngineMemoryItem[] = [
		{label: 'weights', bytes: weight * GB},
		{label: 'kv cache', bytes: kv * GB},
	];
	if (graph > 0) items.push({label: 'cuda graph', bytes: graph * GB});
	return capacity > 0 ? {items, tokenCapacity: capacity} : {items};
}

/** Ollama `/api/ps`: one item per loaded model. */
export function ollamaMemory(ps: unknown): EngineMemory | null {
	if (!isObject(ps) || !Array.isArray(ps['models'])) return null;
	const items: EngineMemoryItem[] = [];
	for (const m of ps['models']) {
		if (!isObject(m)) continue;
		const size = num(m['size']);
		if (size === undefined) continue;
		const item: EngineMemoryItem = {label: String(m['name'] ?? m['model'] ?? '?'), bytes: size};
		const vram = num(m['size_vram']);
		if (vram !== undefined) item.vramBytes = vram;
		items.push(item);
	}
	return {items};
}

/** Models Ollama has loaded, in /api/ps order. */
export function ollamaModels(ps: unknown): string[] {
	if (!isObject(ps) || !Array.isArray(ps['models'])) return [];
	return ps['models'].filter(isObject).map(m => String(m['name'] ?? m['model'] ?? '')).filter(Boolean);
}
