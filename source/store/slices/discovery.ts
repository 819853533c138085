// Discovery slice: what each host's containers tell about the rest of its stack, for the other
// sources of that host (OpenHands state folder and config, engine ports), keyed by host id. Written
// by the Docker source; read by the engines and sessions sources. The record type is the domain's.

import type {DiscoveryState} from '../../domain/containers/types.js';
import type {HostId} from '../../domain/host-id.js';

export type {DiscoveryState};

export type DiscoveryByHost = Record<HostId, DiscoveryState>;

/** Nothing discovered (yet) on a host: one shared object, so selectors stay stable. */
export const NOTHING_DISCOVERED: DiscoveryState = Object.freeze({openhandsStateDir: null, openhandsConfigToml: null, llmModel: null, llmBaseUrl: null, enginePorts: [], from: null}) as DiscoveryState;

export function initialDiscovery(): DiscoveryByHost {
	return {};
}

export function discoveryOf(state: {discovery: DiscoveryByHost}, hostId: HostId): DiscoveryState {
	return state.discovery[hostId] ?? NOTHING_DISCOVERED;
}

/** Replace the discovered values; keeps the old object when nothing changed (no re-render). */
export function applyDiscovery(all: DiscoveryByHost, hostId: HostId, next: DiscoveryState): DiscoveryByHost {
	return JSON.stringify(all[hostId] ?? NOTHING_DISCOVERED) === JSON.stringify(next) ? all : {...all, [hostId]: next};
}
