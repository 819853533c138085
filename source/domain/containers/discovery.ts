// Discovery from inspect data: the OpenHands state folder (mount onto /.openhands-state or /.openhands),
// its config.toml mount, LLM_MODEL / LLM_BASE_URL, and the ports engine containers publish.

import type {ContainerInfo, DiscoveredEnginePort, DiscoveryState} from './types.js';
import {ENGINE_ROLES} from './roles.js';

const STATE_MOUNTS = ['/.openhands-state', '/.openhands'];

/** Raw env of the OpenHands container (unmasked, never stored): only the two LLM names are kept. */
export type RawEnvById = Record<string, readonly string[] | undefined>;

function envValue(list: readonly string[] | undefined, name: string): string | null {
	for (const entry of list ?? []) if (entry.startsWith(`${name}=`)) return entry.slice(name.length + 1);
	return null;
}

export function discoverStack(containers: readonly ContainerInfo[], rawEnv: RawEnvById): DiscoveryState {
	// A running OpenHands wins over a stopped one; the app container over its sandboxes.
	const candidates = containers
		.filter(c => c.role === 'openhands')
		.sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || a.name.localeCompare(b.name));
	const oh = candidates[0] ?? null;
	let openhandsStateDir: string | null = null;
	let openhandsConfigToml: string | null = null;
	if (oh) {
		for (const dest of STATE_MOUNTS) {
			const m = oh.mounts.find(x => x.destination.replace(/\/$/, '') === dest);
			if (m) {
				openhandsStateDir = m.source;
				break;
			}
		}
		const toml = oh.mounts.find(m => m.destination.endsWith('/config.toml'));
		openhandsConfigToml = toml?.source ?? null;
	}
	const enginePorts: DiscoveredEnginePort[] = [];
	for (const c of containers) {
		if (!c.role || !ENGINE_ROLES.includes(c.role) || c.state !== 'running') continue;
		for (const p of c.ports) {
			if (p.hostPort === null || p.protocol !== 'tcp') continue;
			if (enginePorts.some(e => e.container === c.name && e.hostPort === p.hostPort)) continue;
			enginePorts.push({container: c.name, role: c.role, hostPort: p.hostPort, containerPort: p.containerPort});
		}
	}
	return {
		openhandsStateDir,
		openhandsConfigToml,
		llmModel: oh ? envValue(rawEnv[oh.id], 'LLM_MODEL') : null,
		llmBaseUrl: oh ? envValue(rawEnv[oh.id], 'LLM_BASE_URL') : null,
		enginePorts,
		from: oh?.name ?? null,
	};
}
