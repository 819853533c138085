// Which URLs to watch: engines in the config; otherwise the usual loopback ports; plus ports that
// engine containers publish (from the Docker source's discovery slice).

import type {Config} from '../../config/schema.js';
import type {DiscoveredEnginePort} from '../../domain/containers/types.js';
import type {EngineKind} from '../../domain/engines/types.js';

export interface Target {
	name: string;
	url: string;
	origin: 'config' | 'probe' | 'container';
	/** Kind the config insists on; null: ask the server. */
	kind: EngineKind | null;
	expectedTps?: number;
	profile?: string;
}

const ENGINE_ROLES = new Set(['sglang', 'vllm', 'ollama', 'llamacpp']);

export function configuredTargets(config: Config): Target[] {
	return config.engines.list.map(e => {
		const t: Target = {name: e.name, url: e.url.replace(/\/+$/, ''), origin: 'config', kind: e.kind === 'auto' ? null : e.kind};
		if (e.expected_tps !== undefined) t.expectedTps = e.expected_tps;
		if (e.profile !== undefined) t.profile = e.profile;
		return t;
	});
}

/**
 * Candidates to probe: the loopback ports (only when no engine is configured) and container ports,
 * published on `containerHost` (this machine for the local host, the box's name for another).
 */
export function probeTargets(config: Config, ports: readonly DiscoveredEnginePort[], containerHost = '127.0.0.1'): Target[] {
	const out: Target[] = [];
	const host = config.engines.probe_host;
	const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
	if (config.engines.list.length === 0 && config.engines.probe) {
		for (const port of config.engines.probe_ports) out.push({name: `:${port}`, url: `http://${hostPart}:${port}`, origin: 'probe', kind: null});
	}
	for (const p of ports) {
		if (!ENGINE_ROLES.has(p.role)) continue;
		const url = `http://${containerHost.includes(':') && !containerHost.startsWith('[') ? `[${containerHost}]` : containerHost}:${p.hostPort}`;
		if (out.some(t => t.url === url) || config.engines.list.some(e => e.url.replace(/\/+$/, '') === url)) continue;
		out.push({name: p.container, url, origin: 'container', kind: null});
	}
	return out;
}
