// The session list: newest first, one row per session (updated, events, agent state, findings
// badge, model on a wide panel, title), the state folder in use on top and the selected session's
// id/model/created below. Rows, window and `/` filter come from the shared list mechanism.

import {wrapCells} from '../../domain/list/cells.js';
import React from 'react';
import {Line} from '../../ui/widgets/Line.js';
import {useList} from '../../ui/list/use-list.js';
import {ListRows} from '../../ui/list/ListRows.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import type {SessionRow, SessionsState} from '../../store/slices/sessions.js';
import {shortDate} from './window.js';
import {sessionColumns, sessionText} from './list.js';

const keyOf = (r: SessionRow) => r.id;

export function SessionList({s, width, height}: {s: SessionsState; width: number; height: number}) {
	const rows: React.ReactNode[] = [];
	const ext = `prompt extensions ${s.promptExtensions ? 'on' : 'off'}`;
	rows.push(
		<Line key="dir" tone={s.stateDir ? 'muted' : 'warn'}>
			{s.stateDir ? `${s.stateDir} (${s.stateDirOrigin}) · ${ext}` : (s.error ?? 'looking for the OpenHands state folder…')}
		</Line>,
	);
	// Messages wrap: their end says what to do.
	const say = (key: string, tone: 'error' | 'muted', text: string) => wrapCells(text, width).forEach((t, i) => rows.push(<Line key={`${key}${i}`} tone={tone}>{t}</Line>));
	if (s.stateDir && s.error) say('err', 'error', s.error);
	if (s.stateDir && s.sessions.length === 0) say('none', 'muted', `no OpenHands sessions yet in ${s.stateDir} (sessions/, conversations/, v1/events/)`);
	const footer = s.sessions.length > 0 ? 2 : 0;
	// The header row, then the rows (the filter line, when there is one, comes out of them).
	const room = Math.max(0, height - rows.length - 1 - footer);
	const view = useList('sessions', s.sessions, sessionText, s.cursor, room);
	const sel = s.sessions[s.cursor];
	return (
		<>
			{rows.slice(0, height)}
			{s.sessions.length > 0 ? (
				<ListRows items={s.sessions} shown={view.shown} selected={s.cursor} columns={sessionColumns} width={width} keyOf={keyOf} height={view.rows + 1} />
			) : null}
			<FilterLine width={width} view={view} noun="sessions" />
			{sel && height - rows.length - 1 - view.rows > 0 ? <Line tone="muted">{`${sel.id} · ${sel.model ?? 'model ?'}`}</Line> : null}
			{sel && height - rows.length - 1 - view.rows > 1 ? (
				<Line tone={sel.error ? 'error' : 'muted'}>{sel.error ?? `created ${shortDate(sel.createdAt)} · ${sel.findings ? [...new Set(sel.rules)].join(', ') : 'Enter: events'}`}</Line>
			) : null}
		</>
	);
}
