// Where OpenHands sends its requests: the effective model and base URL (the container's env wins
// over config.toml, as OpenHands loads them), and which engine that URL reaches. Shared by the
// Doctor's OpenHands checks and the swap's client contract.

import {parse as parseToml} from 'smol-toml';
import type {ContainerFact, DoctorFacts, EngineFact} from './facts.js';

export interface Setting {
	value: string;
	/** "container openhands: LLM_MODEL" or "config.toml:7 [llm] model". */
	from: string;
}

export interface LlmTarget {
	model: Setting | null;
	baseUrl: Setting | null;
	/** The config.toml value the env hides, when both are set and differ. */
	hiddenModel: Setting | null;
	hiddenBaseUrl: Setting | null;
	nativeToolCalling: boolean | null;
}

/** 1-based line of `key` in `[section]` (or `section.key` at top level), for evidence. */
export function tomlLine(text: string, section: string, key: string): number | null {
	let current = '';
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		const header = /^\[\s*([^\]]+?)\s*\]/.exec(line);
		if (header && !line.startsWith('[[')) {
			current = header[1]!.replace(/["']/g, '').replace(/\s*\.\s*/g, '.');
			continue;
		}
		const assign = /^([A-Za-z0-9_."'\s-]+?)\s*=/.exec(line);
		if (!assign) continue;
		const name = assign[1]!.replace(/["']/g, '').replace(/\s*\.\s*/g, '.');
		if ((current === section && name === key) || (current === '' && name === `${section}.${key}`)) return i + 1;
	}
	return null;
}

export type TomlTable = Record<string, unknown>;

/** The parsed config.toml, or the parse error in words. */
export function parseConfigToml(text: string): {table: TomlTable | null; error: string | null} {
	try {
		return {table: parseToml(text) as TomlTable, error: null};
	} catch (error) {
		return {table: null, error: (error as Error).message.split('\n')[0] ?? 'not valid TOML'};
	}
}

export function tomlValue(table: TomlTable | null, section: string, key: string): unknown {
	const s = table?.[section];
	return s && typeof s === 'object' ? (s as TomlTable)[key] : undefined;
}

export function openhandsContainer(facts: DoctorFacts): ContainerFact | null {
	if (!facts.docker || !facts.openhandsContainer) return null;
	return facts.docker.containers.find(c => c.name === facts.openhandsContainer) ?? null;
}

export function llmTarget(facts: DoctorFacts): LlmTarget {
	const container = openhandsContainer(facts);
	const file = facts.openhandsConfig;
	const table = file?.text ? parseConfigToml(file.text).table : null;
	const fromFile = (key: string): Setting | null => {
		const v = tomlValue(table, 'llm', key);
		if (typeof v !== 'string' || v === '') return null;
		const line = tomlLine(file!.text!, 'llm', key);
		return {value: v, from: `${file!.path}${line ? `:${line}` : ''} [llm] ${key}`};
	};
	const fromEnv = (name: string): Setting | null => {
		const v = container?.env[name];
		return v ? {value: v, from: `container ${container!.name}: ${name}`} : null;
	};
	const envModel = fromEnv('LLM_MODEL');
	const fileModel = fromFile('model');
	const envUrl = fromEnv('LLM_BASE_URL');
	const fileUrl = fromFile('base_url');
	const native = tomlValue(table, 'llm', 'native_tool_calling');
	return {
		model: envModel ?? fileModel,
		baseUrl: envUrl ?? fileUrl,
		hiddenModel: envModel && fileModel && fileModel.value !== envModel.value ? fileModel : null,
		hiddenBaseUrl: envUrl && fileUrl && fileUrl.value !== envUrl.value ? fileUrl : null,
		nativeToolCalling: typeof native === 'boolean' ? native : null,
	};
}

/** Provider prefixes litellm (inside OpenHands) routes to an OpenAI-compatible server. */
export const OPENAI_PREFIXES = ['openai/', 'hosted_vllm/', 'litellm_proxy/'];

/** The name the server must serve: the model without its litellm provider prefix. */
export function servedNameOf(model: string): {prefix: string | null; name: string} {
	const slash = model.indexOf('/');
	if (slash < 0) return {prefix: null, name: model};
	const prefix = model.slice(0, slash + 1);
	if (OPENAI_PREFIXES.includes(prefix) || ['ollama/', 'ollama_chat/', 'mistral/', 'anthropic/', 'gemini/'].includes(prefix)) {
		return {prefix, name: model.slice(slash + 1)};
	}
	// "Intel/Qwen3-..." is an organisation, not a provider: no prefix.
	return {prefix: null, name: model};
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

export interface UrlReach {
	host: string;
	port: number | null;
	/** The engine the URL lands on, seen from the host. */
	engine: EngineFact | null;
	/** How a container would reach it: 'host-gateway', 'loopback' (itself!), 'container', 'lan', 'public'. */
	via: 'host-gateway' | 'loopback' | 'container' | 'lan' | 'public';
}

function isPrivateIp(host: string): boolean {
	if (/^10\./.test(host) || /^192\.168\./.test(host) || /^169\.254\./.test(host)) return true;
	const m = /^172\.(\d+)\./.exec(host);
	if (m && Number(m[1]) >= 16 && Number(m[1]) <= 31) return true;
	return /^\[?f[cd][0-9a-f]{2}:/i.test(host);
}

/** Where a base URL goes: public names and addresses leave the box (a privacy failure). */
export function reach(url: string, facts: DoctorFacts): UrlReach | {error: string} {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return {error: `"${url}" is not a URL`};
	}
	const host = parsed.hostname.toLowerCase();
	const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
	const onHost = (p: number) => facts.engines.find(e => {
		try {
			const u = new URL(e.url);
			return LOOPBACK.has(u.hostname) && Number(u.port || 80) === p;
		} catch {
			return false;
		}
	}) ?? null;
	const container = facts.docker?.containers.find(c => c.name === host);
	if (container) {
		const published = container.ports.find(p => p.container === port)?.host ?? null;
		return {host, port, engine: published === null ? null : onHost(published), via: 'container'};
	}
	if (host === 'host.docker.internal' || host === '172.17.0.1') return {host, port, engine: onHost(port), via: 'host-gateway'};
	if (LOOPBACK.has(host)) return {host, port, engine: onHost(port), via: 'loopback'};
	const lanName = !host.includes('.') || /\.(local|lan|home\.arpa|internal)$/.test(host);
	if (isPrivateIp(host) || lanName) return {host, port, engine: null, via: 'lan'};
	return {host, port, engine: null, via: 'public'};
}
