// Host slice: which host the panels show (`current`), and each host's memory from its /proc/meminfo
// with a 60-sample history of the used fraction, keyed by host id.

import type {MemInfo} from '../../domain/meminfo.js';
import {pushSample} from '../../domain/history.js';
import {LOCAL_HOST_ID, type HostId} from '../../domain/host-id.js';

/** Limit: host-memory samples kept for the history chart (the newest 60). */
export const HOST_HISTORY = 60;

export interface HostMemory {
	mem: MemInfo | null;
	/** Used fraction (0..1) per sample, oldest first. */
	usedHistory: number[];
	error: string | null;
	updatedAt: number | null;
}

export interface HostState {
	/** The host whose figures the panels show. */
	current: HostId;
	memory: Record<HostId, HostMemory>;
}

/** A host with no reading yet (one shared object: selectors stay stable). */
export const NO_MEMORY: HostMemory = Object.freeze({mem: null, usedHistory: [], error: null, updatedAt: null}) as HostMemory;

export function initialHost(): HostState {
	return {current: LOCAL_HOST_ID, memory: {}};
}

export function applyMeminfo(host: HostState, hostId: HostId, mem: MemInfo, at: number): HostState {
	const prev = host.memory[hostId] ?? NO_MEMORY;
	const used = mem.totalBytes > 0 ? mem.usedBytes / mem.totalBytes : 0;
	return {...host, memory: {...host.memory, [hostId]: {mem, usedHistory: pushSample(prev.usedHistory, used, HOST_HISTORY), error: null, updatedAt: at}}};
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
