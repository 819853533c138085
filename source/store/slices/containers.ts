// Containers slice: the Docker connection, every container (from one listing plus events), one-shot
// stats for the visible rows, the panel's view (list / detail / logs) and the log viewer's lines.
// Pure reducers only.

import type {ContainerInfo, ContainerStats} from '../../domain/containers/types.js';
import {LOCAL_HOST_ID, type HostId} from '../../domain/host-id.js';

/** Limit: log lines kept for the open container (the newest 2,000; other containers keep none). */
export const LOG_LIMIT = 2000;

export interface LogLine {
	stream: 'stdout' | 'stderr';
	ts: string | null;
	text: string;
}

export interface LogView {
	/** Container id whose logs are shown. */
	target: string;
	lines: LogLine[];
	follow: boolean;
	timestamps: boolean;
	/** Rows scrolled back from the end (0 = newest at the bottom). */
	scroll: number;
	/** How far back the view can scroll at its size and filter (it says so after drawing). */
	maxScroll: number;
	error: string | null;
	/** Bumped to ask the source to re-open the stream. */
	generation: number;
	/** The view Esc returns to: logs opened from the detail go back to it. */
	from: 'list' | 'detail';
	/** The container's name when opened: still shown once the container is gone. */
	name?: string;
	/** The container was removed while its logs were open: the lines stay, with a note. */
	removed?: boolean;
}

export type ConnectionState = 'connecting' | 'up' | 'down' | 'disabled';

/** The list's order inside each role group; `o` cycles it. CPU and memory: the busiest first. */
export const CONTAINER_SORTS = ['name', 'state', 'cpu', 'memory'] as const;
export type ContainerSort = (typeof CONTAINER_SORTS)[number];

/** One host's Docker daemon as the cockpit reaches it. */
export interface DockerLinkState {
	connection: ConnectionState;
	/** Where we connect, e.g. "unix:///var/run/docker.sock". */
	endpoint: string | null;
	/** Why the daemon cannot be used and what to do. */
	error: string | null;
	downSince: number | null;
}

export interface ContainersState {
	/** Each host's daemon, keyed by host id (a host not yet tried has none: NO_LINK). */
	links: Record<HostId, DockerLinkState>;
	/** Container id -> info (ids are the daemons' own 256-bit random ids; info.hostId says whose). */
	byId: Record<string, ContainerInfo>;
	stats: Record<string, ContainerStats>;
	/** Ids on screen in the list: the only ones that get stats. */
	visibleIds: string[];
	selected: string | null;
	view: 'list' | 'detail' | 'logs';
	listOffset: number;
	detailOffset: number;
	/** Log file size by id (detail view), or a reason it is not known. */
	logSize: Record<string, number | string>;
	logs: LogView | null;
	eventsSeen: number;
	updatedAt: number | null;
	/** When stats were last asked for, and the refresh period: figures older than two periods are stale. */
	statsCheck: {at: number; refreshMs: number} | null;
	sort: ContainerSort;
	/** `a`: stopped containers (exited, created, dead) left out of the list. */
	hideStopped: boolean;
}

/** A host whose daemon was not tried yet (one shared object: selectors stay stable). */
export const NO_LINK: DockerLinkState = Object.freeze({connection: 'connecting', endpoint: null, error: null, downSince: null}) as DockerLinkState;

export function initialContainers(): ContainersState {
	return {
		links: {},
		byId: {},
		stats: {},
		visibleIds: [],
		selected: null,
		view: 'list',
		listOffset: 0,
		detailOffset: 0,
		logSize: {},
		logs: null,
		eventsSeen: 0,
		updatedAt: null,
		statsCheck: null,
		sort: 'name',
		hideStopped: false,
	};
}

export function linkOf(s: Pick<ContainersState, 'links'>, hostId: HostId = LOCAL_HOST_ID): DockerLinkState {
	return s.links[hostId] ?? NO_LINK;
}

export function cycleSort(s: ContainersState): ContainersState {
	return {...s, sort: CONTAINER_SORTS[(CONTAINER_SORTS.indexOf(s.sort) + 1) % CONTAINER_SORTS.length]!};
}

function withLink(s: ContainersState, hostId: HostId, next: DockerLinkState): ContainersState {
	return {...s, links: {...s.links, [hostId]: next}};
}

export function setConnecting(s: ContainersState, endpoint: string, hostId: HostId = LOCAL_HOST_ID): ContainersState {
	const link = linkOf(s, hostId);
	return link.endpoint === endpoint && link.connection === 'connecting' ? s : withLink(s, hostId, {...link, endpoint, connection: link.connection === 'down' ? 'down' : 'connecting'});
}

/** A host's initial listing (after connect or reconnect) replaces that host's rows; other hosts' stay. */
export function applyListing(s: ContainersState, infos: readonly ContainerInfo[], now: number, hostId: HostId = infos[0]?.hostId ?? LOCAL_HOST_ID): ContainersState {
	const byId: Record<string, ContainerInfo> = {};
	for (const info of Object.values(s.byId)) if (info.hostId !== hostId) byId[info.id] = info;
	for (const info of infos) byId[info.id] = info;
	const stats: Record<string, ContainerStats> = {};
	for (const id of Object.keys(s.stats)) if (byId[id]) stats[id] = s.stats[id]!;
	const selected = s.selected && byId[s.selected] ? s.selected : null;
	return {...withLink(s, hostId, {...linkOf(s, hostId), connection: 'up', error: null, downSince: null}), byId, stats, selected, updatedAt: now};
}

export function applyContainer(s: ContainersState, info: ContainerInfo, now: number): ContainersState {
	return {...s, byId: {...s.byId, [info.id]: info}, eventsSeen: s.eventsSeen + 1, updatedAt: now};
}

export function removeContainer(s: ContainersState, id: string, now: number): ContainersState {
	if (!s.byId[id]) return s;
	const byId = {...s.byId};
	delete byId[id];
	const stats = {...s.stats};
	delete stats[id];
	// Logs being read stay, lines and all, with a note; a detail of nothing goes back to the list.
	if (s.view === 'logs' && s.logs?.target === id) {
		return {...s, byId, stats, logs: {...s.logs, removed: true, follow: false, from: 'list'}, eventsSeen: s.eventsSeen + 1, updatedAt: now};
	}
	const view = s.selected === id && s.view !== 'list' ? 'list' : s.view;
	return {...s, byId, stats, view, logs: view === 'list' ? null : s.logs, eventsSeen: s.eventsSeen + 1, updatedAt: now};
}

/** Docker switched off in the config: nothing to retry, and the panel says how to turn it on. */
export function applyDisabled(s: ContainersState, now: number, hostId: HostId = LOCAL_HOST_ID, error = 'Docker is disabled in the config: set [docker] enabled = true to watch containers'): ContainersState {
	return {...withLink(s, hostId, {...linkOf(s, hostId), connection: 'disabled', error, downSince: null}), updatedAt: now};
}

export function applyDown(s: ContainersState, error: string, now: number, hostId: HostId = LOCAL_HOST_ID): ContainersState {
	const link = linkOf(s, hostId);
	// The figures kept from before are checked against now: past two refreshes they show as stale,
	// with their age, instead of looking live while the daemon is gone.
	const statsCheck = s.statsCheck ? {...s.statsCheck, at: Math.max(s.statsCheck.at, now)} : null;
	return {...withLink(s, hostId, {...link, connection: 'down', error, downSince: link.downSince ?? now}), statsCheck, updatedAt: now};
}

/** Every host's links, in the order given, for views that show them all. */
export function linksOf(s: ContainersState, hostIds: readonly HostId[]): {hostId: HostId; link: DockerLinkState}[] {
	return hostIds.map(hostId => ({hostId, link: linkOf(s, hostId)}));
}

export function applyStats(s: ContainersState, samples: Record<string, ContainerStats>, check?: {at: number; refreshMs: number}): ContainersState {
	if (Object.keys(samples).length === 0 && !check) return s;
	return {...s, stats: {...s.stats, ...samples}, statsCheck: check ?? s.statsCheck};
}

/** How old a row's figures are when older than two refreshes (the daemon stopped answering), else null. */
export function staleAge(s: ContainersState, stats: ContainerStats | undefined): number | null {
	if (!stats || !s.statsCheck) return null;
	const age = s.statsCheck.at - stats.at;
	return age > 2 * s.statsCheck.refreshMs ? age : null;
}

export function setVisibleIds(s: ContainersState, ids: readonly string[], offset: number): ContainersState {
	if (s.listOffset === offset && s.visibleIds.length === ids.length && s.visibleIds.every((id, i) => id === ids[i])) return s;
	return {...s, visibleIds: [...ids], listOffset: offset};
}

export function setLogSize(s: ContainersState, id: string, size: number | string): ContainersState {
	return s.logSize[id] === size ? s : {...s, logSize: {...s.logSize, [id]: size}};
}

export function openLogs(s: ContainersState, id: string): ContainersState {
	const prev = s.logs;
	return {
		...s,
		view: 'logs',
		selected: id,
		logs: {target: id, lines: [], follow: prev?.follow ?? true, timestamps: prev?.timestamps ?? false, scroll: 0, maxScroll: 0, error: null, generation: (prev?.generation ?? 0) + 1, from: s.view === 'detail' ? 'detail' : 'list', name: s.byId[id]?.name ?? id.slice(0, 12)},
	};
}

/** Esc: logs go back where they were opened from (the detail or the list); the detail to the list. */
export function closeView(s: ContainersState): ContainersState {
	if (s.view === 'logs') return {...s, view: s.logs?.from ?? 'list', logs: null};
	return {...s, view: 'list', logs: null};
}

export function appendLogLines(s: ContainersState, target: string, lines: readonly LogLine[]): ContainersState {
	if (!s.logs || s.logs.target !== target || lines.length === 0 || s.logs.removed) return s;
	const all = s.logs.lines.concat(lines);
	return {...s, logs: {...s.logs, lines: all.length > LOG_LIMIT ? all.slice(all.length - LOG_LIMIT) : all}};
}

/** A reloaded tail in place of the lines shown (following again after a pause). */
export function replaceLogLines(s: ContainersState, target: string, lines: readonly LogLine[]): ContainersState {
	if (!s.logs || s.logs.target !== target || lines.length === 0 || s.logs.removed) return s;
	return {...s, logs: {...s.logs, lines: lines.length > LOG_LIMIT ? lines.slice(lines.length - LOG_LIMIT) : [...lines]}};
}

export function setLogError(s: ContainersState, target: string, error: string | null): ContainersState {
	// A removed container's stream ends with an error: the note says it already.
	if (!s.logs || s.logs.target !== target || s.logs.removed) return s;
	return {...s, logs: {...s.logs, error}};
}

export function patchLogs(s: ContainersState, patch: Partial<LogView>): ContainersState {
	return s.logs ? {...s, logs: {...s.logs, ...patch}} : s;
}
