// The event list of one session: id, time, source, kind, role and one-line message, with finding
// markers inline. Rows, columns, window and `/` filter come from the shared list mechanism: only the
// rows that fit are built. Findings are summarised on top, the selected event's finding (the
// server's words and the fix, wrapped) below.

import React, {useMemo} from 'react';
import {findingsByEvent} from '../../domain/openhands/check.js';
import {SERVER_LABELS} from '../../domain/openhands/finding.js';
import {Line, Span} from '../../ui/widgets/Line.js';
import {useList} from '../../ui/list/use-list.js';
import {ListRows} from '../../ui/list/ListRows.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {openRow, type EventRow, type OpenSession, type SessionsState} from '../../store/slices/sessions.js';
import {findingFooter} from './finding-lines.js';
import {eventColumns, eventText} from './list.js';

const keyOf = (r: EventRow) => `e-${r.id}`;
const rowTone = (r: EventRow, selected: boolean) => (r.problem ? 'warn' : selected ? 'selectionText' : 'text') as 'warn' | 'selectionText' | 'text';

export function EventList({s, open, width, height}: {s: SessionsState; open: OpenSession; width: number; height: number}) {
	const marks = useMemo(() => findingsByEvent(open.findings), [open.findings]);
	const title = openRow(s)?.title ?? open.id.slice(0, 12);
	const rows: React.ReactNode[] = [];
	const timing = open.loadMs !== null ? ` · loaded in ${open.loadMs} ms` : '';
	rows.push(
		<Line key="title" bold>
			{`${title}${open.hostId !== s.hostId ? ` · on ${open.hostId}` : ''} · ${open.rows.length} events · `}
			<Span tone={open.findings.length ? 'error' : 'ok'} bold>{`${open.findings.length} finding${open.findings.length === 1 ? '' : 's'}`}</Span>
			<Span tone="muted">{`${timing}${s.watchMode ? ` · ${s.watchMode}` : ''}`}</Span>
		</Line>,
	);
	const rulesNote = openRow(s)?.rulesNote;
	if (rulesNote && height >= 12) rows.push(<Line key="sdk" tone="muted">{`V1 · ${rulesNote}`}</Line>);
	if (open.loading) {
		const done = open.progress ? ` ${open.progress.read.toLocaleString('en')}/${open.progress.total.toLocaleString('en')}; roles and findings when all are in` : '';
		rows.push(<Line key="loading" tone="muted">{`reading ${open.dir}/events…${done}`}</Line>);
	}
	if (open.error) rows.push(<Line key="error" tone="error">{open.error}</Line>);
	const summaryRows = Math.min(open.findings.length, height >= 14 ? 3 : 1);
	for (const f of open.findings.slice(0, summaryRows)) {
		rows.push(
			<Line key={`f-${f.rule}-${f.eventIds.join()}`} tone="error">
				{`! ${f.rule} ${f.eventIds.map(id => `#${id}`).join(',')} · ${f.servers.map(x => SERVER_LABELS[x].split(' ')[0]).join(', ')}`}
			</Line>,
		);
	}
	if (open.findings.length > summaryRows) rows.push(<Line key="more" tone="muted">{`  … ${open.findings.length - summaryRows} more (n: next finding)`}</Line>);

	const selected = open.rows[open.cursor];
	const selectedFindings = selected ? (marks.get(selected.id) ?? []) : [];
	// The selected event's finding gets up to a third of a tall panel (two rows on a short one), so
	// the server's words and the fix read whole where they fit; the rest is one Enter away.
	const footerRows = height >= 14 ? Math.max(2, Math.floor(height / 3)) : 2;
	const footerLines = selected && !selected.problem ? findingFooter(selectedFindings, width, footerRows) : [];
	const footer = selected?.problem ? 2 : footerLines.length;
	const columns = useMemo(() => eventColumns(new Set(marks.keys())), [marks]);
	// The header row, then the rows (the filter line, when there is one, comes out of them).
	const room = Math.max(0, height - rows.length - 1 - footer);
	const view = useList('events', open.rows, eventText, open.cursor, room);
	rows.push(
		<ListRows key="rows" items={open.rows} shown={view.shown} selected={open.cursor} columns={columns} width={width} keyOf={keyOf} height={view.rows + 1} rowTone={rowTone} />,
		<FilterLine key="filter" width={width} view={view} noun="events" />,
	);
	if (footer && selected) {
		if (selected.problem) {
			rows.push(<Line key="p1" tone="warn">{selected.problem}</Line>, <Line key="p2" tone="muted">{'shown as it is; read again on every change'}</Line>);
		} else {
			footerLines.forEach((line, i) => rows.push(<Line key={`s${i}`} tone={line.tone}>{line.text}</Line>));
		}
	}
	return <>{rows.slice(0, height)}</>;
}
