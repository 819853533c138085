// The session list: newest first, one row per session (updated, events, agent state, findings
// badge, model on a wide panel, title), the state folder in use on top and the selected session's
// id/model/created below. Rows, window and `/` filter come from the shared list mechanism.

import {wrapCells} from '../../domain/list/cells.js';
import React, {useMemo} from 'react';
import {Line} from '../../ui/widgets/Line.js';
import {useList} from '../../ui/list/use-list.js';
import {ListRows} from '../../ui/list/ListRows.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {rowHost, shownCursor, shownSessions, type SessionRow, type SessionsState} from '../../store/slices/sessions.js';
import type {HostScope} from '../../store/slices/host.js';
import {shortDate} from './window.js';
import {sessionColumnsFor, sessionText} from './list.js';

const ALL: HostScope = {column: false, only: null};

/** `scope`: every host's rows (with a HOST column on a wide layout) or one host's (a phone's, moved by `h`). */
export function SessionList({s, width, height, scope = ALL}: {s: SessionsState; width: number; height: number; scope?: HostScope}) {
	const rows: React.ReactNode[] = [];
	const ext = `prompt extensions ${s.promptExtensions ? 'on' : 'off'}`;
	const first = scope.only === null || scope.only === s.hostId;
	const several = Object.keys(s.hosts).length > 0;
	// Messages wrap: their end says what to do.
	const say = (key: string, tone: 'error' | 'muted', text: string) => wrapCells(text, width).forEach((t, i) => rows.push(<Line key={`${key}${i}`} tone={tone}>{t}</Line>));
	if (first) {
		rows.push(
			<Line key="dir" tone={s.stateDir ? 'muted' : 'warn'}>
				{`${several ? `${s.hostId}: ` : ''}${s.stateDir ? `${s.stateDir} (${s.stateDirOrigin}) · ${ext}` : (s.error ?? 'looking for the OpenHands state folder…')}`}
			</Line>,
		);
		if (s.stateDir && s.error) say('err', 'error', s.error);
	}
	// Further hosts' folders: where, and (wrapped, whole) why one is not read.
	for (const [id, h] of Object.entries(s.hosts)) {
		if (scope.only !== null && scope.only !== id) continue;
		if (h.error) say(`err-${id}`, 'error', `${id}: ${h.error}`);
		else rows.push(<Line key={`dir-${id}`} tone="muted">{`${id}: ${h.stateDir}${h.updatedAt === null ? ' (reading…)' : ''}`}</Line>);
	}
	const items = useMemo(() => shownSessions(s, scope.only), [s, scope.only]);
	const cursor = shownCursor(s, scope.only);
	if (first && s.stateDir && s.sessions.length === 0) say('none', 'muted', `no OpenHands sessions yet in ${s.stateDir} (sessions/, conversations/, v1/events/)`);
	const footer = items.length > 0 ? 2 : 0;
	// The header row, then the rows (the filter line, when there is one, comes out of them).
	const room = Math.max(0, height - rows.length - 1 - footer);
	const view = useList('sessions', items, sessionText, cursor, room);
	const sel = items[cursor];
	const columns = useMemo(() => sessionColumnsFor(scope.column, s.hostId), [scope.column, s.hostId]);
	const keyOf = (r: SessionRow) => `${rowHost(s, r)}/${r.id}`;
	return (
		<>
			{rows.slice(0, height)}
			{items.length > 0 ? (
				<ListRows items={items} shown={view.shown} selected={cursor} columns={columns} width={width} keyOf={keyOf} height={view.rows + 1} />
			) : null}
			<FilterLine width={width} view={view} noun="sessions" />
			{sel && height - rows.length - 1 - view.rows > 0 ? <Line tone="muted">{`${sel.id} · ${sel.model ?? 'model ?'}`}</Line> : null}
			{sel && height - rows.length - 1 - view.rows > 1 ? (
				<Line tone={sel.error ? 'error' : sel.checkError ? 'warn' : 'muted'}>{sel.error ?? sel.checkError ?? `created ${shortDate(sel.createdAt)} · ${sel.findings ? [...new Set(sel.rules)].join(', ') : 'Enter: events'}`}</Line>
			) : null}
		</>
	);
}
