// `stackdeck status` records and the tab badge for the Containers panel. Environment values are
// already masked in the slice; status --json carries the same masked records.

import type {AppState} from '../../store/index.js';
import type {PanelAlert, StatusSection} from '../types.js';
import {cpuText, groupedRows, memText, stateWord} from './selectors.js';
import {linkOf, staleAge} from '../../store/slices/containers.js';
import {hostScope, inScope} from '../../store/slices/host.js';
import {formatDuration} from '../../domain/format.js';

export function containersStatus(state: AppState): StatusSection {
	const s = state.containers;
	const lines: string[] = [];
	const several = state.host.list.length > 1;
	const links = state.host.list.map(h => ({hostId: h.id, ...linkOf(s, h.id)}));
	for (const l of links) if (l.error && l.connection !== 'disabled') lines.push(`error: ${several ? `${l.hostId}: ` : ''}${l.error}`);
	const first = links[0] ?? {hostId: '', ...linkOf(s)};
	const rows = groupedRows(s.byId).flatMap(r => (r.kind === 'container' ? [r.info] : []));
	const data = rows.map(c => {
		const st = s.stats[c.id];
		return {
			hostId: c.hostId,
			name: c.name,
			id: c.id.slice(0, 12),
			role: c.role,
			state: c.state,
			health: c.health,
			image: c.image,
			tag: c.tag,
			pinned: c.pinned,
			restartCount: c.restartCount,
			cpuPercent: st?.cpuPercent ?? null,
			memUsageBytes: st?.memUsage ?? null,
			memLimitBytes: st?.memLimit ?? null,
			statsAgeMs: st && s.statsCheck ? s.statsCheck.at - st.at : null,
			statsStale: staleAge(s, st) !== null,
			ports: c.ports,
			logDriver: c.log,
			env: c.env,
		};
	});
	for (const c of rows) {
		const st = s.stats[c.id];
		const stale = staleAge(s, st);
		const figures = stale !== null ? `  cpu ${cpuText(st)} mem ${memText(st)} (stale: ${formatDuration(stale)} old)` : `  cpu ${cpuText(st)} mem ${memText(st)}`;
		lines.push(
			`${c.name.padEnd(20)} ${(c.role ?? '-').padEnd(17)} ${stateWord(c).padEnd(18)} ${c.tag}${c.pinned ? '' : ' (UNPINNED)'}${c.state === 'running' ? figures : ''}`,
		);
	}
	if (links.every(l => l.connection === 'disabled')) lines.push(several ? 'Docker disabled on every host' : 'Docker disabled in the config ([docker] enabled = false)');
	else if (rows.length === 0 && links.every(l => !l.error)) lines.push(links.some(l => l.connection === 'up') ? 'no containers' : 'not connected yet');
	return {
		title: 'Containers',
		lines,
		// connection/endpoint/error: the first host's; hosts: every host's daemon.
		data: {connection: first.connection, endpoint: first.endpoint, error: first.error, hosts: links, containers: data, discovery: state.discovery},
	};
}

export function containersBadge(state: AppState): string | undefined {
	const s = state.containers;
	const scope = hostScope(state);
	const links = state.host.list.filter(h => inScope(scope, h.id)).map(h => linkOf(s, h.id));
	if (links.length > 0 && links.every(l => l.connection === 'down')) return 'down';
	if (links.length > 0 && links.every(l => l.connection === 'disabled')) return 'off';
	const all = Object.values(s.byId).filter(c => inScope(scope, c.hostId));
	if (all.length === 0) return undefined;
	const bad = all.filter(c => c.health === 'unhealthy' || c.state === 'restarting' || c.state === 'dead').length;
	const running = all.filter(c => c.state === 'running').length;
	return bad > 0 ? `${running}/${all.length} up, ${bad} failing` : `${running}/${all.length} up`;
}

/** Containers that need the user: unhealthy, restarting, dead, or exited with an error code; or Docker unreachable. */
export function containersAlert(state: AppState): PanelAlert | undefined {
	const s = state.containers;
	const down = state.host.list.filter(h => linkOf(s, h.id).connection === 'down');
	if (down.length > 0) return {count: down.length, level: 'error', text: state.host.list.length > 1 ? `Docker unreachable on ${down.map(h => h.id).join(', ')}` : 'Docker unreachable'};
	const bad = Object.values(s.byId).filter(
		c => c.health === 'unhealthy' || c.state === 'restarting' || c.state === 'dead' || (c.state === 'exited' && c.exitCode !== null && c.exitCode !== 0),
	);
	if (bad.length === 0) return undefined;
	const names = bad.map(c => `${c.name} ${c.health === 'unhealthy' ? 'unhealthy' : c.state === 'exited' ? `exited (${c.exitCode})` : c.state}`);
	return {count: bad.length, level: 'error', text: names.join(', ')};
}
