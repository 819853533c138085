// The Sessions panel's badge (number of findings) and its records for `stackdeck status`.

import type {AppState} from '../../store/index.js';
import {rowHost, totalFindings} from '../../store/slices/sessions.js';
import type {PanelAlert, StatusSection} from '../types.js';

export function sessionsBadge(state: AppState): string | undefined {
	const n = totalFindings(state.sessions);
	return n > 0 ? `${n} finding${n === 1 ? '' : 's'}` : undefined;
}

export function sessionsAlert(state: AppState): PanelAlert | undefined {
	const n = totalFindings(state.sessions);
	return n > 0 ? {count: n, level: 'warn', text: `${n} finding${n === 1 ? '' : 's'} in OpenHands sessions`} : undefined;
}

export function sessionsStatus(state: AppState): StatusSection {
	const s = state.sessions;
	const lines: string[] = [];
	const several = Object.keys(s.hosts).length > 0;
	if (s.stateDir) lines.push(`${several ? `${s.hostId}: ` : ''}state folder ${s.stateDir} (${s.stateDirOrigin}); prompt extensions ${s.promptExtensions ? 'on' : 'off'} (${s.promptExtensionsFrom})`);
	for (const [id, h] of Object.entries(s.hosts)) lines.push(`${id}: state folder ${h.stateDir}; prompt extensions ${h.promptExtensions ? 'on' : 'off'} (${h.promptExtensionsFrom})${h.error ? `; ${h.error}` : ''}`);
	for (const r of s.sessions.slice(0, 20)) {
		const found = r.findings === null ? (r.checkError ? `not checked: ${r.checkError}` : 'not checked') : r.findings === 0 ? 'no findings' : `${r.findings} finding(s): ${[...new Set(r.rules)].join(', ')}`;
		lines.push(`${several ? `${rowHost(s, r)} ` : ''}${r.id} ${JSON.stringify(r.title ?? '')} ${r.eventCount} events, ${r.agentState ?? '?'}, ${found}`);
	}
	if (s.sessions.length > 20) lines.push(`… ${s.sessions.length - 20} more`);
	// No state folder on this host is a finding about the setup, not a read failure.
	if (s.error) lines.push(s.stateDir ? `error: ${s.error}` : s.error);
	return {
		title: 'Sessions',
		lines: lines.length ? lines : ['no sessions'],
		data: {
			hostId: s.hostId,
			stateDir: s.stateDir,
			stateDirOrigin: s.stateDirOrigin,
			tried: s.tried,
			configToml: s.configToml,
			promptExtensions: s.promptExtensions,
			promptExtensionsFrom: s.promptExtensionsFrom,
			hosts: Object.entries(s.hosts).map(([id, h]) => ({hostId: id, stateDir: h.stateDir, configToml: h.configToml, promptExtensions: h.promptExtensions, promptExtensionsFrom: h.promptExtensionsFrom, error: h.error, updatedAt: h.updatedAt})),
			sessions: s.sessions.map(r => ({hostId: rowHost(s, r), id: r.id, format: r.v1 ? 'v1' : 'v0', title: r.title, createdAt: r.createdAt, updatedAt: r.updatedAt, eventCount: r.eventCount, agentState: r.agentState, model: r.model, findings: r.findings, rules: r.rules, checkError: r.checkError ?? null})),
			error: s.error,
		},
	};
}
