// Sessions panel: session list → Enter → event list (roles, inline findings) → Enter → the event's
// role, its findings in full and its JSON.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {findingsByEvent} from '../../domain/openhands/check.js';
import {useAppState} from '../../ui/context.js';
import {hostScope} from '../../store/slices/host.js';
import type {PanelProps} from '../types.js';
import {SessionList} from './SessionList.js';
import {EventList} from './EventList.js';
import {EventDetail} from './EventDetail.js';

export function SessionsPanel({width, height}: PanelProps) {
	const s = useAppState(state => state.sessions);
	const column = useAppState(state => hostScope(state).column);
	const only = useAppState(state => hostScope(state).only);
	const scope = useMemo(() => ({column, only}), [column, only]);
	const eventId = s.detail?.eventId;
	const findings = useMemo(() => (eventId === undefined ? [] : (findingsByEvent(s.open?.findings ?? []).get(eventId) ?? [])), [s.open?.findings, eventId]);
	let body: React.ReactNode;
	if (s.view === 'detail' && s.detail) {
		const role = s.open?.rows.find(r => r.id === s.detail!.eventId)?.role;
		body = <EventDetail detail={s.detail} findings={findings} role={role} width={width} height={height} />;
	} else if (s.view !== 'list' && s.open) body = <EventList s={s} open={s.open} width={width} height={height} />;
	else body = <SessionList s={s} width={width} height={height} scope={scope} />;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{body}
		</Box>
	);
}
