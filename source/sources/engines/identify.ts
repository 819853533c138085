// Asks a server what it is (SGLang /server_info or /get_server_info, vLLM /version, Ollama /api/version,
// llama.cpp /props) and which model it serves.

import {firstModelId, identifyEngine, type Identity} from '../../domain/engines/identify.js';
import {ollamaModels} from '../../domain/engines/memory.js';
import {EngineHttpError, getText, joinUrl, tryJson} from './http.js';
import {readServerInfo, type ServerInfoPath} from './sglang-server-info.js';

export interface Identified extends Identity {
	/** SGLang's server info body (memory figures), when fetched. */
	serverInfo?: unknown;
	/** Which of SGLang's two server-info paths answered. */
	serverInfoPath?: ServerInfoPath;
}

/**
 * Identify the server at `url`. Throws EngineHttpError when nothing answers at all (so the caller
 * can tell "down" from "not an engine"); resolves null when it answers but is none of the four.
 */
export async function identify(url: string, timeoutMs = 1500): Promise<Identified | null> {
	// A cheap reachability check first: connection refused ends the probe at once.
	await getText(joinUrl(url, '/'), timeoutMs);
	const [sglangInfo, vllmVersion, ollamaVersion, llamacppProps] = await Promise.all([
		readServerInfo(url, timeoutMs),
		tryJson(joinUrl(url, '/version'), timeoutMs),
		tryJson(joinUrl(url, '/api/version'), timeoutMs),
		tryJson(joinUrl(url, '/props'), timeoutMs),
	]);
	const sglangServerInfo = sglangInfo?.body;
	const id = identifyEngine({sglangServerInfo, vllmVersion, ollamaVersion, llamacppProps});
	if (!id) return null;
	let model = id.model;
	if (!model && id.kind === 'ollama') model = ollamaModels(await tryJson(joinUrl(url, '/api/ps'), timeoutMs))[0] ?? null;
	if (!model) model = firstModelId(await tryJson(joinUrl(url, '/v1/models'), timeoutMs));
	const out: Identified = {...id, model};
	if (id.kind === 'sglang' && sglangInfo) {
		out.serverInfo = sglangInfo.body;
		out.serverInfoPath = sglangInfo.path;
	}
	return out;
}

export {EngineHttpError};
