// Discovery slice: what the containers source learns about the rest of the stack, for the other
// sources to use (OpenHands state folder and config, engine ports). Written by the Docker source;
// read by the engines and sessions sources.

export type StackRole =
	| 'openhands'
	| 'openhands-runtime'
	| 'sglang'
	| 'vllm'
	| 'ollama'
	| 'llamacpp'
	| 'gitea'
	| 'tor'
	| 'aider'
	| 'code-server';

export interface DiscoveredEnginePort {
	container: string;
	role: StackRole;
	/** Published on the host, e.g. 30000. */
	hostPort: number;
	containerPort: number;
}

export interface DiscoveryState {
	/** Host path mounted onto /.openhands-state or /.openhands in the OpenHands container. */
	openhandsStateDir: string | null;
	/** Host path mounted as the OpenHands config.toml. */
	openhandsConfigToml: string | null;
	llmModel: string | null;
	llmBaseUrl: string | null;
	enginePorts: DiscoveredEnginePort[];
	/** Container the values came from. */
	from: string | null;
}

export function initialDiscovery(): DiscoveryState {
	return {openhandsStateDir: null, openhandsConfigToml: null, llmModel: null, llmBaseUrl: null, enginePorts: [], from: null};
}

/** Replace the discovered values; keeps the old object when nothing changed (no re-render). */
export function applyDiscovery(prev: DiscoveryState, next: DiscoveryState): DiscoveryState {
	return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}
