// A model profile as a swap needs it: how it runs, where it answers, what it weighs, who points at
// it. Resolved from the config's [profiles] and [[engines.list]] (engine url and kind as defaults).

import type {EngineKind} from '../engines/types.js';

export type Runtime =
	| {type: 'docker'; container: string}
	| {type: 'command'; start: string; stop: string}
	| {type: 'ollama'; model: string}
	| {type: 'none'};

export interface SwapProfile {
	name: string;
	kind: EngineKind | null;
	runtime: Runtime;
	/** Server base URL as this host reaches it (no /v1). */
	url: string | null;
	servedModel: string;
	memoryGb: number | null;
	expectedTps: number | null;
	loadTimeoutMs: number;
	stopTimeoutS: number;
	group: string;
	clients: {openhandsConfig: string | null; openhandsContainer: string | null; aiderConf: string | null};
}

export interface ProfileConfig {
	engine?: string | undefined;
	served_model_name: string;
	expected_tps?: number | undefined;
	memory_gb?: number | undefined;
	runtime?: 'docker' | 'command' | 'ollama' | 'none' | undefined;
	container?: string | undefined;
	start_command?: string | undefined;
	stop_command?: string | undefined;
	url?: string | undefined;
	kind?: EngineKind | undefined;
	load_timeout_s?: number | undefined;
	stop_timeout_s?: number | undefined;
	group?: string | undefined;
	openhands_config?: string | undefined;
	openhands_container?: string | undefined;
	aider_conf?: string | undefined;
}

export interface EngineConfig {
	name: string;
	url: string;
	kind: EngineKind | 'auto';
}

export interface ProfileDefaults {
	openhandsConfig?: string | undefined;
}

export const DEFAULT_LOAD_TIMEOUT_S = 900;
export const DEFAULT_STOP_TIMEOUT_S = 60;

function runtimeOf(name: string, p: ProfileConfig): Runtime | string {
	const type = p.runtime ?? (p.container ? 'docker' : 'none');
	if (type === 'docker') return p.container ? {type, container: p.container} : `profile "${name}": runtime docker needs container = "<name>"`;
	if (type === 'command') {
		if (!p.start_command || !p.stop_command) return `profile "${name}": runtime command needs start_command and stop_command`;
		return {type, start: p.start_command, stop: p.stop_command};
	}
	if (type === 'ollama') return {type, model: p.served_model_name};
	return {type: 'none'};
}

/** Every profile resolved, or the first configuration error found. */
export function resolveProfiles(
	profiles: Readonly<Record<string, ProfileConfig>>,
	engines: readonly EngineConfig[],
	defaults: ProfileDefaults = {},
): {profiles: SwapProfile[]; errors: string[]} {
	const out: SwapProfile[] = [];
	const errors: string[] = [];
	for (const [name, p] of Object.entries(profiles)) {
		const engine = p.engine ? engines.find(e => e.name === p.engine) : undefined;
		const runtime = runtimeOf(name, p);
		if (typeof runtime === 'string') {
			errors.push(runtime);
			continue;
		}
		const engineKind = engine && engine.kind !== 'auto' ? engine.kind : null;
		out.push({
			name,
			kind: p.kind ?? (runtime.type === 'ollama' ? 'ollama' : engineKind),
			runtime,
			url: (p.url ?? engine?.url ?? null)?.replace(/\/+$/, '').replace(/\/v1$/, '') ?? null,
			servedModel: p.served_model_name,
			memoryGb: p.memory_gb ?? null,
			expectedTps: p.expected_tps ?? null,
			loadTimeoutMs: (p.load_timeout_s ?? DEFAULT_LOAD_TIMEOUT_S) * 1000,
			stopTimeoutS: p.stop_timeout_s ?? DEFAULT_STOP_TIMEOUT_S,
			group: p.group ?? 'main',
			clients: {
				openhandsConfig: p.openhands_config ?? defaults.openhandsConfig ?? null,
				openhandsContainer: p.openhands_container ?? null,
				aiderConf: p.aider_conf ?? null,
			},
		});
	}
	return {profiles: out, errors};
}

export function describeRuntime(r: Runtime): string {
	if (r.type === 'docker') return `container ${r.container}`;
	if (r.type === 'command') return 'start/stop commands';
	if (r.type === 'ollama') return `Ollama model ${r.model}`;
	return 'not swappable (no runtime)';
}
