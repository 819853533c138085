// Discovery slice: what the containers source learns about the rest of the stack, for the other
// sources to use (OpenHands state folder and config, engine ports). Written by the Docker source;
// read by the engines and sessions sources. The record types are the domain's (domain/containers/types.ts).

import type {DiscoveryState} from '../../domain/containers/types.js';

export type {DiscoveryState};

export function initialDiscovery(): DiscoveryState {
	return {openhandsStateDir: null, openhandsConfigToml: null, llmModel: null, llmBaseUrl: null, enginePorts: [], from: null};
}

/** Replace the discovered values; keeps the old object when nothing changed (no re-render). */
export function applyDiscovery(prev: DiscoveryState, next: DiscoveryState): DiscoveryState {
	return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}
