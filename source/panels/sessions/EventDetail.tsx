// One event: the role it is sent as, its findings in full (wrapped: the server's words and the
// fix), then its pretty JSON with secrets masked; scrolled with the arrow and page keys, Esc goes back.

import {wrapCells} from '../../domain/list/cells.js';
import React, {useEffect, useMemo} from 'react';
import {wrapWords} from '../../domain/format.js';
import type {Finding} from '../../domain/openhands/finding.js';
import {update} from '../../store/index.js';
import {PENDING_ROLE, setDetailMaxOffset, type EventDetail as Detail} from '../../store/slices/sessions.js';
import {useCockpit} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import {eventFindingLines, type ToneLine} from './finding-lines.js';

/** Why an event is not in the request, by the label the derivation gave it. */
const NOT_SENT: Record<string, string> = {
	'-': 'not sent to the model (OpenHands leaves this kind of event out of the request: state changes, pauses, errors, condensations, logs)',
	hidden: 'not sent to the model: a hidden event',
	forgotten: 'not sent to the model: a later condensation forgot it',
	unanswered: 'not sent to the model: a tool call with no result yet (OpenHands drops it)',
	unmatched: 'not sent to the model: a tool result whose call is not in the request',
	'off-branch': 'not sent to the model: not on the conversation\'s active branch (base_state.json leaf_event_id)',
	'unknown-kind': 'not sent to the model: an event kind the SDK does not send (unknown to this release; skipped)',
};

function roleLine(role: string | undefined): ToneLine {
	if (role === undefined || role === '?') return {text: 'not read as an event: see the JSON below', tone: 'warn'};
	if (role === PENDING_ROLE) return {text: 'role: still reading the session', tone: 'muted'};
	const notSent = NOT_SENT[role];
	if (notSent) return {text: notSent, tone: 'muted'};
	// "assistant+tc" is this cockpit's own short form: said in words where it is read.
	if (role === 'assistant+tc') return {text: 'sent to the model as: assistant+tc (an assistant message carrying tool calls)', tone: 'info'};
	return {text: `sent to the model as: ${role}`, tone: 'info'};
}

export function EventDetail({detail, findings, role, width, height}: {detail: Detail; findings: readonly Finding[]; role: string | undefined; width: number; height: number}) {
	const {store} = useCockpit();
	const head = useMemo(() => {
		const said = roleLine(role);
		const lines = [...wrapWords(said.text, width).map(text => ({text, tone: said.tone})), ...eventFindingLines(findings, width)];
		return findings.length > 0 ? [...lines, {text: ' ', tone: 'text' as const}] : lines;
	}, [role, findings, width]);
	// Built once per event and width, not on every scroll key (a big event is thousands of lines).
	const body = useMemo(() => {
		const lines: ToneLine[] = [...head];
		if (!detail.error && detail.lines.length === 0) lines.push({text: 'reading…', tone: 'muted'});
		// Long JSON strings wrap under their key instead of running off the edge.
		for (const text of detail.lines) for (const row of wrapCells(text.replace(/\t/g, '  '), width, `${/^ */.exec(text)![0]}  `)) lines.push({text: row, tone: 'text'});
		return lines;
	}, [head, detail.lines, detail.error, width]);
	const rows: React.ReactNode[] = [<Line key="t" bold>{`event #${detail.eventId} · ${detail.file}`}</Line>];
	if (detail.error) rows.push(<Line key="e" tone="warn">{detail.error}</Line>);
	const room = Math.max(0, height - rows.length);
	const maxOffset = Math.max(0, body.length - room);
	useEffect(() => {
		update(store, 'sessions', s => setDetailMaxOffset(s, detail.eventId, maxOffset));
	}, [store, detail.eventId, maxOffset]);
	const offset = Math.min(detail.offset, maxOffset);
	body.slice(offset, offset + room).forEach((line, i) => rows.push(<Line key={`d${offset + i}`} tone={line.tone}>{line.text}</Line>));
	return <>{rows.slice(0, height)}</>;
}
