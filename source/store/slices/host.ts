// Host slice: memory from /proc/meminfo with a 60-sample history of the used fraction.

import type {MemInfo} from '../../domain/meminfo.js';
import {pushSample} from '../../domain/history.js';

/** Limit: host-memory samples kept for the history chart (the newest 60). */
export const HOST_HISTORY = 60;

export interface HostState {
	mem: MemInfo | null;
	/** Used fraction (0..1) per sample, oldest first. */
	usedHistory: number[];
	error: string | null;
	updatedAt: number | null;
}

export function initialHost(): HostState {
	return {mem: null, usedHistory: [], error: null, updatedAt: null};
}

export function applyMeminfo(host: HostState, mem: MemInfo, at: number): HostState {
	const used = mem.totalBytes > 0 ? mem.usedBytes / mem.totalBytes : 0;
	return {mem, usedHistory: pushSample(host.usedHistory, used, HOST_HISTORY), error: null, updatedAt: at};
}

/** Keep the last good reading on screen, but say what went wrong. */
export function applyHostError(host: HostState, message: string, at: number): HostState {
	return {...host, error: message, updatedAt: at};
}
