// The config.toml the demo writes into its temporary folder: the three engines with their
// profiles, the demo's Docker socket, the simulated Spark's meminfo, the OpenHands state dir, cache
// folders and Aider (pure text rendering).

import type {SimKind} from './types.js';

export interface DemoConfigEngine {
	name: string;
	kind: SimKind;
	url: string;
	expectedTps: number;
	profile: string;
	model: string;
	memoryGb: number;
}

export interface DemoConfigInput {
	engines: readonly DemoConfigEngine[];
	stateDir: string;
	cacheDirs: readonly string[];
	aiderCommand: string;
	defaultRepo: string;
	/** DOCKER_HOST of the demo's Engine API (unix://...). */
	dockerHost: string;
	meminfoPath: string;
	/** OpenHands' config.toml (bind-mounted into the openhands container): a swap rewrites it. */
	openhandsConfig?: string;
	/** The demo's Aider conf file: the Doctor reads it instead of the user's own, and a swap between
	 * SGLang and vLLM rewrites it. */
	aiderConf?: string;
}

/** A TOML basic string (JSON's escapes are valid TOML escapes). */
export function tomlString(value: string): string {
	return JSON.stringify(value);
}

/** The clients a swap between the big engines points at the new one: OpenHands and Aider. */
function clientLines(input: DemoConfigInput): string[] {
	const lines: string[] = [];
	if (input.openhandsConfig) lines.push(`openhands_config = ${tomlString(input.openhandsConfig)}`, 'openhands_container = "openhands"');
	if (input.aiderConf) lines.push(`aider_conf = ${tomlString(input.aiderConf)}`);
	return lines;
}

export function renderDemoConfig(input: DemoConfigInput): string {
	const lines: string[] = ['# Written by `stackdeck demo` for its simulated stack; deleted when the demo stops.', ''];
	lines.push('[engines]', 'probe = false', '');
	for (const e of input.engines) {
		lines.push('[[engines.list]]', `name = ${tomlString(e.name)}`, `url = ${tomlString(e.url)}`, `kind = ${tomlString(e.kind)}`, `expected_tps = ${e.expectedTps}`, `profile = ${tomlString(e.profile)}`, '');
	}
	for (const e of input.engines) {
		lines.push(`[profiles.${tomlString(e.profile)}]`, `engine = ${tomlString(e.name)}`, `served_model_name = ${tomlString(e.model)}`, `expected_tps = ${e.expectedTps}`, `memory_gb = ${e.memoryGb}`);
		// Swaps: SGLang and vLLM replace each other as containers; Ollama unloads and preloads its model.
		if (e.kind === 'ollama') lines.push('runtime = "ollama"', 'group = "side"');
		else lines.push(`container = ${tomlString(e.name)}`, 'load_timeout_s = 120');
		if (e.kind !== 'ollama') lines.push(...clientLines(input));
		lines.push('');
	}
	const vllm = input.engines.find(e => e.kind === 'vllm');
	if (vllm) {
		// The demo's model that dies while loading: a swap to it rolls back.
		lines.push('[profiles.broken-model]', 'container = "broken-model"', 'kind = "vllm"', `url = ${tomlString(vllm.url)}`, 'served_model_name = "broken-model"', 'memory_gb = 40', 'load_timeout_s = 120');
		lines.push(...clientLines(input), '');
	}
	lines.push('[docker]', '# The demo\'s own Engine API (simulated containers); DOCKER_HOST set in the shell wins over this.', 'enabled = true', `host = ${tomlString(input.dockerHost)}`, '');
	lines.push('[memory]', '# A simulated DGX Spark: 128 GB of unified memory that follows the running engines.', `meminfo_path = ${tomlString(input.meminfoPath)}`, '');
	lines.push('[openhands]', `state_dir = ${tomlString(input.stateDir)}`, '');
	lines.push('[cache]', `dirs = [${input.cacheDirs.map(tomlString).join(', ')}]`, '');
	lines.push('[aider]', `command = ${tomlString(input.aiderCommand)}`, `default_repo = ${tomlString(input.defaultRepo)}`, '');
	if (input.aiderConf) lines.push('[doctor]', `aider_conf = ${tomlString(input.aiderConf)}`, '');
	return lines.join('\n');
}
