// Sessions panel: session list → Enter → event list (roles, inline findings) → Enter → event JSON.

import React from 'react';
import {Box} from 'ink';
import {useAppState} from '../../ui/context.js';
import type {PanelProps} from '../types.js';
import {SessionList} from './SessionList.js';
import {EventList} from './EventList.js';
import {EventDetail} from './EventDetail.js';

export function SessionsPanel({width, height}: PanelProps) {
	const s = useAppState(state => state.sessions);
	let body: React.ReactNode;
	if (s.view === 'detail' && s.detail) body = <EventDetail detail={s.detail} height={height} />;
	else if (s.view !== 'list' && s.open) body = <EventList s={s} open={s.open} width={width} height={height} />;
	else body = <SessionList s={s} width={width} height={height} />;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{body}
		</Box>
	);
}
