// Engine facts for the Doctor: for each configured, probed or container-published URL, what it is,
// its version, every model it serves, and the SGLang server arguments the checks care about.

import type {Config} from '../../config/schema.js';
import type {DockerFacts, EngineFact} from '../../domain/doctor/facts.js';
import {identify} from '../engines/identify.js';
import {readServerInfo} from '../engines/sglang-server-info.js';
import {failureReason, getText, joinUrl} from '../engines/http.js';

const ENGINE_ROLES = new Set(['sglang', 'vllm', 'ollama', 'llamacpp']);

export interface EngineUrl {
	url: string;
	/** Configured or published by an engine container: shown as down when it does not answer. A
	 * probed port where nothing listens is just not an engine. */
	expected: boolean;
}

export function engineUrls(config: Config, docker: DockerFacts | null): EngineUrl[] {
	const urls = new Map<string, boolean>(config.engines.list.map(e => [e.url.replace(/\/+$/, ''), true]));
	for (const c of docker?.containers ?? []) {
		if (!c.role || !ENGINE_ROLES.has(c.role) || c.state !== 'running') continue;
		for (const p of c.ports) if (p.host !== null) urls.set(`http://127.0.0.1:${p.host}`, true);
	}
	if (config.engines.list.length === 0 && config.engines.probe) {
		const host = config.engines.probe_host.includes(':') ? `[${config.engines.probe_host}]` : config.engines.probe_host;
		for (const port of config.engines.probe_ports) {
			const url = `http://${host}:${port}`;
			if (!urls.has(url)) urls.set(url, false);
		}
	}
	return [...urls].map(([url, expected]) => ({url, expected}));
}

function modelIds(body: unknown): string[] {
	const data = (body as {data?: unknown})?.data;
	if (!Array.isArray(data)) return [];
	return data.map(m => (m as {id?: unknown})?.id).filter((id): id is string => typeof id === 'string');
}

export async function collectEngine(url: string, timeoutMs = 2000): Promise<EngineFact | null> {
	const down = (error: string): EngineFact => ({url, kind: null, error, served: [], version: null, toolCallParser: undefined, metricsEnabled: null});
	let id;
	try {
		id = await identify(url, timeoutMs);
	} catch (error) {
		return down(failureReason(error, timeoutMs));
	}
	if (!id) return null; // something answers, but not an engine: not the Doctor's business
	let served: string[] = [];
	try {
		const {status, body} = await getText(joinUrl(url, '/v1/models'), timeoutMs);
		if (status !== 200) return {...down(`/v1/models answered HTTP ${status}`), kind: id.kind, version: id.version};
		served = modelIds(JSON.parse(body));
	} catch (error) {
		return {...down(`/v1/models: ${failureReason(error, timeoutMs)}`), kind: id.kind, version: id.version};
	}
	let toolCallParser: string | null | undefined;
	let metricsEnabled: boolean | null = null;
	if (id.kind === 'sglang') {
		const info = (id.serverInfo ?? (await readServerInfo(url, timeoutMs))?.body) as Record<string, unknown> | null;
		if (info && typeof info === 'object') {
			toolCallParser = typeof info['tool_call_parser'] === 'string' ? (info['tool_call_parser'] as string) : 'tool_call_parser' in info ? null : undefined;
			metricsEnabled = typeof info['enable_metrics'] === 'boolean' ? (info['enable_metrics'] as boolean) : null;
		}
	}
	return {url, kind: id.kind, error: null, served, version: id.version, toolCallParser, metricsEnabled};
}

export async function collectEngines(urls: readonly EngineUrl[]): Promise<EngineFact[]> {
	const all = await Promise.all(urls.map(async u => ({u, fact: await collectEngine(u.url)})));
	return all.filter(({u, fact}) => fact !== null && (u.expected || fact.error === null)).map(({fact}) => fact!);
}
