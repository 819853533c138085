// What one host's state is, from its slices: its Docker daemon, engines and memory. The header's
// host tags and `stackdeck status` read it; pure.

import type {AppState} from './index.js';
import type {HostId} from '../domain/host-id.js';
import {linkOf} from './slices/containers.js';
import {NO_MEMORY} from './slices/host.js';

export interface HostSummary {
	id: HostId;
	/** down: nothing of it answers; degraded: something does not; up: all that is configured answers. */
	state: 'connecting' | 'up' | 'degraded' | 'down';
	/** Epoch ms since when its Docker daemon (or else its engines) stopped answering. */
	downSince: number | null;
	docker: {connection: string; endpoint: string | null; error: string | null};
	engines: {up: number; total: number};
	memory: {totalBytes: number; usedBytes: number; via: string | null} | null;
	memoryError: string | null;
	/** What needs the user there (a daemon down, engines down): the badge's count. */
	problems: number;
}

export function hostSummary(state: AppState, id: HostId): HostSummary {
	const link = linkOf(state.containers, id);
	const rows = state.engines.rows.filter(r => r.hostId === id);
	const up = rows.filter(r => r.state === 'up').length;
	const mem = state.host.memory[id] ?? NO_MEMORY;
	const dockerDown = link.connection === 'down';
	const enginesDown = rows.filter(r => r.state === 'unreachable');
	const dockerOn = link.connection !== 'disabled';
	const answered = (dockerOn && link.connection === 'up') || up > 0 || (mem.mem !== null && mem.error === null);
	const pending = link.connection === 'connecting' || rows.some(r => r.state === 'probing');
	const problems = (dockerDown ? 1 : 0) + enginesDown.length;
	const state_: HostSummary['state'] = !answered ? (pending && !dockerDown ? 'connecting' : 'down') : problems > 0 || mem.error ? 'degraded' : 'up';
	const since = link.downSince ?? (enginesDown.length === rows.length && rows.length > 0 ? Math.min(...enginesDown.map(r => r.downSince ?? Date.now())) : null);
	return {
		id,
		state: state_,
		downSince: state_ === 'up' ? null : since,
		docker: {connection: link.connection, endpoint: link.endpoint, error: link.error},
		engines: {up, total: rows.length},
		memory: mem.mem ? {totalBytes: mem.mem.totalBytes, usedBytes: mem.mem.usedBytes, via: mem.via ?? null} : null,
		memoryError: mem.error,
		problems,
	};
}

/** One host's tag: its name, then `!N` (things that need the user there) or `down`. */
export function hostTag(summary: HostSummary): string {
	return summary.state === 'down' ? `${summary.id} down` : summary.problems > 0 ? `${summary.id} !${summary.problems}` : summary.id;
}

/**
 * The header's hosts, with several: each one's tag, the current one in brackets (" [spark2 !2] spark1");
 * empty with one host. A string, so the header re-renders only when it changes.
 */
export function hostTagsText(state: AppState): string {
	if (state.host.list.length < 2) return '';
	return state.host.list.map(h => (h.id === state.host.current ? `[${hostTag(hostSummary(state, h.id))}]` : hostTag(hostSummary(state, h.id)))).map(t => ` ${t}`).join('');
}
