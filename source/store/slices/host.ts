// Host slice: which host the panels show (`current`), and each host's memory from its /proc/meminfo
// with a 60-sample history of the used fraction, keyed by host id.

import type {MemInfo} from '../../domain/meminfo.js';
import {pushSample} from '../../domain/history.js';
import {LOCAL_HOST_ID, type HostId} from '../../domain/host-id.js';
import type {LayoutMode} from '../../domain/layout.js';

/** Limit: host-memory samples kept for the history chart (the newest 60). */
export const HOST_HISTORY = 60;

export interface HostMemory {
	mem: MemInfo | null;
	/** Used fraction (0..1) per sample, oldest first. */
	usedHistory: number[];
	error: string | null;
	updatedAt: number | null;
	/** Where the figures come from: null, the host's meminfo file; else the Prometheus server's URL. */
	via?: string | null;
}

/** A watched host as views name it. */
export interface HostName {
	id: HostId;
	label: string;
}

export interface HostState {
	/** Every watched host, in config order (the local one first when enabled). */
	list: HostName[];
	/** The host whose figures the panels show (a phone's view; wide layouts show every host with a HOST column). */
	current: HostId;
	memory: Record<HostId, HostMemory>;
}

/** A host with no reading yet (one shared object: selectors stay stable). */
export const NO_MEMORY: HostMemory = Object.freeze({mem: null, usedHistory: [], error: null, updatedAt: null}) as HostMemory;

export function initialHost(): HostState {
	return {list: [{id: LOCAL_HOST_ID, label: LOCAL_HOST_ID}], current: LOCAL_HOST_ID, memory: {}};
}

/** The hosts the runtime made: the current one becomes the first. */
export function setHosts(host: HostState, list: readonly HostName[]): HostState {
	if (list.length === 0) return host;
	return {...host, list: [...list], current: list.some(h => h.id === host.current) ? host.current : list[0]!.id};
}

/** `h`: the next host (after the last, the first again). */
export function nextHost(host: HostState): HostState {
	if (host.list.length < 2) return host;
	const at = host.list.findIndex(h => h.id === host.current);
	return {...host, current: host.list[(at + 1) % host.list.length]!.id};
}

/** More than one host: rows name theirs. */
export function severalHosts(state: {host: HostState}): boolean {
	return state.host.list.length > 1;
}

export function applyMeminfo(host: HostState, hostId: HostId, mem: MemInfo, at: number, via: string | null = null): HostState {
	const prev = host.memory[hostId] ?? NO_MEMORY;
	const used = mem.totalBytes > 0 ? mem.usedBytes / mem.totalBytes : 0;
	return {...host, memory: {...host.memory, [hostId]: {mem, usedHistory: pushSample(prev.usedHistory, used, HOST_HISTORY), error: null, updatedAt: at, via}}};
}

/** Keep the last good reading on screen, but say what went wrong. */
export function applyHostError(host: HostState, hostId: HostId, message: string, at: number): HostState {
	const prev = host.memory[hostId] ?? NO_MEMORY;
	return {...host, memory: {...host.memory, [hostId]: {...prev, error: message, updatedAt: at}}};
}

/** The current host's memory. */
export function currentMemory(state: {host: HostState}): HostMemory {
	return state.host.memory[state.host.current] ?? NO_MEMORY;
}

/**
 * Which hosts' rows the panels list: with several hosts, every host with a HOST column on a wide
 * layout (120 columns or more), else only the current host's (`h` switches).
 */
export interface HostScope {
	column: boolean;
	/** Rows of this host only; null: every host's. */
	only: HostId | null;
}

export function hostScope(state: {host: HostState; ui: {layout: LayoutMode}}): HostScope {
	if (state.host.list.length < 2) return {column: false, only: null};
	return state.ui.layout === 'wide' ? {column: true, only: null} : {column: false, only: state.host.current};
}

/** A record is listed under this scope. */
export function inScope(scope: HostScope, hostId: HostId): boolean {
	return scope.only === null || scope.only === hostId;
}
