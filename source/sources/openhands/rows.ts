// Turns an events-folder snapshot and its role derivation into the rows the event list shows,
// with partial or malformed files as rows of their own (so a gap is visible, not silent).

import {checkEvents} from '../../domain/openhands/check.js';
import type {Finding} from '../../domain/openhands/finding.js';
import type {EventFacts} from '../../domain/openhands/event.js';
import {PENDING_ROLE, type EventRow} from '../../store/slices/sessions.js';
import type {EventDirSnapshot} from './event-dir.js';
import path from 'node:path';

export interface CheckedSnapshot {
	rows: EventRow[];
	findings: Finding[];
	agentState: string | null;
}

function eventRows(events: readonly EventFacts[], eventsDir: string, roleOf: (id: number) => string): EventRow[] {
	// One prefix for every row's file name (path.join per row is a measurable part of a 10k open).
	const dir = eventsDir.endsWith(path.sep) ? eventsDir : eventsDir + path.sep;
	return events.map(e => ({
		id: e.id,
		timestamp: e.timestamp,
		source: e.source,
		kind: e.kind,
		summary: e.summary,
		role: roleOf(e.id),
		problem: null,
		file: `${dir}${e.id}.json`,
	}));
}

/** Rows of a session still being read: shown at once, roles not derived yet ('…'). */
export function pendingRows(events: readonly EventFacts[], eventsDir: string): EventRow[] {
	return eventRows(events, eventsDir, () => PENDING_ROLE);
}

export function checkSnapshot(snapshot: EventDirSnapshot, eventsDir: string, promptExtensions: boolean): CheckedSnapshot {
	const {roles, findings} = checkEvents(snapshot.events, {promptExtensions});
	const roleById = new Map(roles.map(r => [r.eventId, r.label]));
	const rows = eventRows(snapshot.events, eventsDir, id => roleById.get(id) ?? '-');
	if (snapshot.problems.length > 0) {
		for (const p of snapshot.problems) {
			rows.push({id: p.id, timestamp: null, source: '?', kind: p.kind, summary: p.error, role: '?', problem: `${p.error} (retrying)`, file: p.file});
		}
		rows.sort((a, b) => a.id - b.id);
	}
	let agentState: string | null = null;
	for (let i = snapshot.events.length - 1; i >= 0; i--) {
		const e = snapshot.events[i]!;
		if (e.kind === 'agent_state_changed' && e.agentState) {
			agentState = e.agentState;
			break;
		}
	}
	return {rows, findings, agentState};
}
