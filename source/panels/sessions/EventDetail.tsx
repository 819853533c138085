// One event as pretty JSON, secrets masked; scrolled with the arrow and page keys, Esc goes back.

import React from 'react';
import {Line} from '../../ui/widgets/Line.js';
import type {EventDetail as Detail} from '../../store/slices/sessions.js';

export function EventDetail({detail, height}: {detail: Detail; height: number}) {
	const rows: React.ReactNode[] = [<Line key="t" bold>{`event #${detail.eventId} · ${detail.file}`}</Line>];
	if (detail.error) rows.push(<Line key="e" tone="warn">{detail.error}</Line>);
	if (!detail.error && detail.lines.length === 0) rows.push(<Line key="l" tone="muted">reading…</Line>);
	const room = Math.max(0, height - rows.length);
	const offset = Math.min(detail.offset, Math.max(0, detail.lines.length - room));
	detail.lines.slice(offset, offset + room).forEach((text, i) => rows.push(<Line key={`d${offset + i}`}>{text.replace(/\t/g, '  ')}</Line>));
	return <>{rows.slice(0, height)}</>;
}
