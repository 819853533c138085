// Derived data for the Containers panel and `stackdeck status`: rows grouped by stack role, detail
// lines and the filtered, folded log rows.

import {ROLE_ORDER, ROLE_TITLES} from '../../domain/containers/roles.js';
import {classifyLogLine, foldedRows, foldLine} from '../../domain/containers/log-lines.js';
import type {ContainerInfo, ContainerStats} from '../../domain/containers/types.js';
import {formatBytes} from '../../domain/format.js';
import type {ContainerSort, ContainersState, LogView} from '../../store/slices/containers.js';
import {inScope, type HostScope} from '../../store/slices/host.js';
import type {Token} from '../../theme/tokens.js';

export type ListRow = {kind: 'group'; key: string; title: string; count: number} | {kind: 'container'; key: string; info: ContainerInfo};

const STATE_RANK: Record<string, number> = {running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5};

/** Stopped: exited, created or dead (what `a` hides). */
export function isStopped(info: ContainerInfo): boolean {
	return info.state === 'exited' || info.state === 'created' || info.state === 'dead';
}

/** The order inside a group: by name, by state (running first), or the busiest CPU / memory first. */
export function containerOrder(sort: ContainerSort, stats: ContainersState['stats']): (a: ContainerInfo, b: ContainerInfo) => number {
	const byName = (a: ContainerInfo, b: ContainerInfo) => a.name.localeCompare(b.name);
	const figure = (info: ContainerInfo) => (info.state !== 'running' ? -1 : sort === 'cpu' ? (stats[info.id]?.cpuPercent ?? -0.5) : (stats[info.id]?.memUsage ?? -0.5));
	if (sort === 'state') return (a, b) => (STATE_RANK[a.state] ?? 9) - (STATE_RANK[b.state] ?? 9) || byName(a, b);
	if (sort === 'cpu' || sort === 'memory') return (a, b) => figure(b) - figure(a) || byName(a, b);
	return byName;
}

/** Containers grouped by role in ROLE_ORDER (unrecognised ones last, as "Other"), in `order` (names). */
export function groupedRows(byId: ContainersState['byId'], order: (a: ContainerInfo, b: ContainerInfo) => number = (a, b) => a.name.localeCompare(b.name), keep: (info: ContainerInfo) => boolean = () => true): ListRow[] {
	const groups = new Map<string, ContainerInfo[]>();
	for (const info of Object.values(byId)) {
		if (!keep(info)) continue;
		const key = info.role ?? 'other';
		const list = groups.get(key) ?? [];
		list.push(info);
		groups.set(key, list);
	}
	const rows: ListRow[] = [];
	for (const key of [...ROLE_ORDER, 'other']) {
		const list = groups.get(key);
		if (!list) continue;
		list.sort(order);
		rows.push({kind: 'group', key: `g:${key}`, title: key === 'other' ? 'Other' : ROLE_TITLES[key as keyof typeof ROLE_TITLES], count: list.length});
		for (const info of list) rows.push({kind: 'container', key: info.id, info});
	}
	return rows;
}

export function containerIds(rows: readonly ListRow[]): string[] {
	return rows.flatMap(r => (r.kind === 'container' ? [r.info.id] : []));
}

export function cpuText(stats: ContainerStats | undefined): string {
	return stats?.cpuPercent === null || stats?.cpuPercent === undefined ? '–' : `${stats.cpuPercent.toFixed(stats.cpuPercent < 10 ? 1 : 0)}%`;
}

export function memText(stats: ContainerStats | undefined): string {
	return stats?.memUsage === null || stats?.memUsage === undefined ? '–' : formatBytes(stats.memUsage, 0);
}

export function stateTone(info: ContainerInfo): Token {
	if (info.health === 'unhealthy' || info.state === 'dead') return 'error';
	if (info.state === 'restarting' || info.health === 'starting' || info.state === 'paused') return 'warn';
	if (info.state === 'running') return 'ok';
	return 'muted';
}

export function stateWord(info: ContainerInfo): string {
	const base = info.state === 'exited' && info.exitCode !== null ? `exited (${info.exitCode})` : info.state;
	return info.health ? `${base}, ${info.health}` : base;
}

export interface TextRow {
	text: string;
	tone: Token;
}

/** Every line of the detail view; the view slices them to its height. */
export function detailRows(info: ContainerInfo, stats: ContainerStats | undefined, logSize: number | string | undefined): TextRow[] {
	const rows: TextRow[] = [];
	const push = (text: string, tone: Token = 'text') => rows.push({text, tone});
	push(`${info.name}  ${info.id.slice(0, 12)}`, 'title');
	// The image's own name and tag first (what a phone has room for), the registry path after it.
	const slash = info.image.lastIndexOf('/');
	push(`Image    ${info.image.slice(slash + 1)}${info.pinned ? '' : '  (unpinned tag: pin a version)'}`, info.pinned ? 'text' : 'warn');
	if (slash > 0) push(`  from ${info.image.slice(0, slash)}`, 'muted');
	push(`State    ${stateWord(info)}  restarts ${info.restartCount}`, stateTone(info));
	push(`Role     ${info.role ?? 'not recognised'}   platform ${info.platform ?? '–'}`);
	if (stats) {
		push(`CPU ${cpuText(stats)} of one core  memory ${memText(stats)} of ${formatBytes(stats.memLimit, 0)}`);
		push(`Network in ${formatBytes(stats.netRx)} out ${formatBytes(stats.netTx)}  disk read ${formatBytes(stats.blkRead)} written ${formatBytes(stats.blkWrite)}`, 'muted');
	}
	const log = info.log;
	push(`Logs     ${log.driver} max-size ${log.maxSize ?? 'none'} max-file ${log.maxFile ?? 'none'}`, log.warning ? 'warn' : 'text');
	if (log.warning) push(`  warning: ${log.warning}`, 'warn');
	push(`Log file ${typeof logSize === 'number' ? formatBytes(logSize) : (logSize ?? 'checking…')}`, 'muted');
	push('Ports', 'accent');
	if (info.ports.length === 0) push('  none', 'muted');
	for (const p of info.ports) push(`  ${p.hostPort === null ? 'not published' : `${p.hostIp && p.hostIp !== '0.0.0.0' ? `${p.hostIp}:` : ''}${p.hostPort}`} -> ${p.containerPort}/${p.protocol}`);
	push('Mounts', 'accent');
	if (info.mounts.length === 0) push('  none', 'muted');
	for (const m of info.mounts) push(`  ${m.source} -> ${m.destination}${m.readOnly ? ' (read-only)' : ''}${m.type !== 'bind' ? ` [${m.type}]` : ''}`);
	push('Environment', 'accent');
	for (const e of info.env) push(`  ${e.name}=${e.value}`, e.masked ? 'muted' : 'text');
	return rows;
}

export interface LogRow {
	key: string;
	text: string;
	tone: Token;
}

/** Lines that pass the filter, folded to `width`; only the last `height` rows above `scroll` are kept. */
export function logRows(logs: LogView, width: number, height: number, filter = ''): {rows: LogRow[]; matched: number; maxScroll: number; scroll: number} {
	const needle = filter.trim().toLowerCase();
	const kept = needle ? logs.lines.filter(l => l.text.toLowerCase().includes(needle)) : logs.lines;
	// Fold from the end backwards, stopping once the window (plus the scroll) is filled.
	const want = height + logs.scroll;
	const out: LogRow[] = [];
	const prefixOf = (line: LogView['lines'][number]) => (logs.timestamps && line.ts ? `${line.ts.slice(11, 19)} ` : '');
	let i = kept.length - 1;
	for (; i >= 0 && out.length < want; i--) {
		const line = kept[i]!;
		const failure = classifyLogLine(line.text);
		const tone: Token = failure ? 'error' : line.stream === 'stderr' ? 'warn' : 'text';
		const folded = foldLine(prefixOf(line) + line.text, width);
		for (let j = folded.length - 1; j >= 0; j--) out.push({key: `${i}:${j}`, text: folded[j]!, tone});
	}
	// The rows above the window are only counted, so g (home) reaches the first line in one press.
	let above = 0;
	for (; i >= 0; i--) above += foldedRows(prefixOf(kept[i]!) + kept[i]!.text, width);
	out.reverse();
	const maxScroll = Math.max(0, above + out.length - height);
	// Home asks for "the top" before the view knows how far that is (a line may have just arrived).
	const scroll = Math.min(logs.scroll, maxScroll);
	const end = Math.max(0, out.length - scroll);
	const rows = out.slice(Math.max(0, end - height), end);
	return {rows, matched: kept.length, maxScroll, scroll};
}

/** The list's rows as the panel shows them: its sort, its stopped-containers toggle and the hosts in view applied. */
export function shownRows(s: Pick<ContainersState, 'byId' | 'stats' | 'sort' | 'hideStopped'>, scope: HostScope = ALL_HOSTS): ListRow[] {
	const keep = (info: ContainerInfo) => inScope(scope, info.hostId) && !(s.hideStopped && isStopped(info));
	return groupedRows(s.byId, containerOrder(s.sort, s.stats), scope.only === null && !s.hideStopped ? undefined : keep);
}

const ALL_HOSTS: HostScope = {column: false, only: null};
