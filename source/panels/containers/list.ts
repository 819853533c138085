// The container list as the list mechanism sees it: containers in role order (the rows the view
// draws, without their group headings), the words `/` searches, its columns, and the adapter the
// shared navigation keys move.

import type {ListAdapter} from '../../commands/list.js';
import type {Column} from '../../domain/list/columns.js';
import type {ContainerInfo, ContainerStats} from '../../domain/containers/types.js';
import {ROLE_TITLES} from '../../domain/containers/roles.js';
import {update, type AppState} from '../../store/index.js';
import {patchLogs, type ContainersState} from '../../store/slices/containers.js';
import type {Token} from '../../theme/tokens.js';
import {cpuText, memText, shownRows, stateTone, stateWord} from './selectors.js';
import {formatDuration} from '../../domain/format.js';
import {hostScope, inScope, type HostScope} from '../../store/slices/host.js';

export function orderedContainers(s: Pick<ContainersState, 'byId' | 'stats' | 'sort' | 'hideStopped'>, scope: HostScope = {column: false, only: null}): ContainerInfo[] {
	return shownRows(s, scope).flatMap(r => (r.kind === 'container' ? [r.info] : []));
}

/** Docker is turned off on every host (a host not tried yet counts as on). */
function dockerDisabled(s: AppState): boolean {
	const links = Object.values(s.containers.links);
	return links.length > 0 && links.every(l => l.connection === 'disabled');
}

export function containerText(c: ContainerInfo): string {
	return `${c.name} ${c.image} ${c.state} ${c.role ?? ''}`;
}

export function groupTitle(c: ContainerInfo): string {
	return c.role ? ROLE_TITLES[c.role] : 'Other';
}

export function selectedIndex(s: ContainersState, rows: readonly ContainerInfo[]): number {
	const at = s.selected ? rows.findIndex(c => c.id === s.selected) : -1;
	return Math.max(0, at);
}

export interface ContainerCells {
	info: ContainerInfo;
	stats: ContainerStats | undefined;
	/** The running job's step on this container ("stop gitea…"), if any. */
	busy: string | null;
	/** Milliseconds since the figures were read, when the daemon stopped answering: not live. */
	stale: number | null;
}

/** Mark, name (the job in progress after it), CPU, MEM: on a narrow panel MEM goes first, then CPU. */
export function containerColumns(mark: {running: string; other: string}, hostColumn = false): Column<ContainerCells, Token>[] {
	return [
		{id: 'mark', header: '', width: 1, priority: 0, cell: r => (r.info.state === 'running' ? mark.running : mark.other), tone: r => stateTone(r.info)},
		...(hostColumn ? [{id: 'host', header: 'HOST', width: 8, priority: 1, cell: (r: ContainerCells) => r.info.hostId, tone: () => 'muted' as Token}] : []),
		{
			id: 'name',
			header: 'NAME',
			width: {flex: 1, min: 6},
			priority: 0,
			// Sandbox names share a long prefix: cut in the middle so the distinguishing end and the tag stay.
			cut: 'middle',
			// A stopped container says how it ended ("exited (137)"): the figures columns have no room.
			cell: r => `${r.info.name}:${r.info.tag}`,
			// Kept whole: the unpinned-tag mark, a running job, or how a stopped container ended.
			suffix: r => `${r.info.pinned ? '' : ' !'}${r.busy ? ` ${r.busy}` : r.info.state !== 'running' ? `  ${stateWord(r.info)}` : ''}`,
			tone: r => (r.info.pinned ? 'text' : 'warn'),
		},
		// Figures older than two refreshes (the daemon stopped answering) say so instead of looking live.
		{id: 'cpu', header: 'CPU', width: 6, align: 'right', priority: 2, cell: r => (r.stale !== null ? 'stale' : r.info.state === 'running' ? cpuText(r.stats) : ''), tone: r => (r.stale !== null ? 'warn' : 'text')},
		{id: 'mem', header: 'MEM', width: 8, align: 'right', priority: 3, cell: r => (r.stale !== null ? `${formatDuration(r.stale)} ago` : r.info.state === 'running' ? memText(r.stats) : ''), tone: r => (r.stale !== null ? 'warn' : 'text')},
	];
}

export const containersList: ListAdapter = {
	id: 'containers',
	mode: 'cursor',
	active: (s: AppState) => s.ui.focused === 'containers' && s.ui.overlay === null && s.containers.view === 'list' && !dockerDisabled(s),
	texts: s => orderedContainers(s.containers, hostScope(s)).map(containerText),
	position: s => selectedIndex(s.containers, orderedContainers(s.containers, hostScope(s))),
	moveTo: (store, index) =>
		update(store, 'containers', c => {
			const id = orderedContainers(c, hostScope(store.getState()))[index]?.id;
			return id && id !== c.selected ? {...c, selected: id} : c;
		}),
};

/**
 * The log viewer: text counted from its newest line (`scroll` rows back), so it moves itself: up and
 * PgUp go back (and stop following), End returns to the newest line and follows again, Home goes to
 * the oldest. `/` filters its lines like any list.
 */
export const logsList: ListAdapter = {
	id: 'logs',
	mode: 'scroll',
	active: (s: AppState) => s.ui.focused === 'containers' && s.ui.overlay === null && s.containers.view === 'logs' && s.containers.logs !== null,
	texts: s => (s.containers.logs?.lines ?? []).map(l => l.text),
	position: s => s.containers.logs?.scroll ?? 0,
	moveTo: store => update(store, 'containers', c => patchLogs(c, {scroll: 0})),
	move: (store, _state, how, page) =>
		update(store, 'containers', c => {
			const logs = c.logs;
			if (!logs) return c;
			const step = Math.max(1, page - 1);
			const back =
				how === 'up' ? logs.scroll + 1
				: how === 'down' ? logs.scroll - 1
				: how === 'pageUp' ? logs.scroll + step
				: how === 'pageDown' ? logs.scroll - step
				: how === 'home' ? Number.MAX_SAFE_INTEGER
				: 0;
			// Home is not held to the last drawn maxScroll, which lags a line that just arrived: the
			// view shows the top and then brings the figure down to it.
			const scroll = how === 'home' ? back : Math.max(0, Math.min(logs.maxScroll, back));
			return patchLogs(c, {scroll, follow: how === 'end' ? true : scroll > 0 ? false : logs.follow});
		}),
};
