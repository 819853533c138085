// Containers panel: the connection state (and what to do when Docker is unreachable), then the list,
// the detail of one container or its logs.

import React from 'react';
import {Box} from 'ink';
import {useAppState} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import {formatClock, wrapWords} from '../../domain/format.js';
import type {PanelProps} from '../types.js';
import {ListView} from './ListView.js';
import {DetailView} from './DetailView.js';
import {LogsView} from './LogsView.js';

export function ContainersPanel({width, height}: PanelProps) {
	const connection = useAppState(s => s.containers.connection);
	const error = useAppState(s => s.containers.error);
	const downSince = useAppState(s => s.containers.downSince);
	const endpoint = useAppState(s => s.containers.endpoint);
	const view = useAppState(s => s.containers.view);
	const hasRows = useAppState(s => Object.keys(s.containers.byId).length > 0);
	const banner: React.ReactNode[] = [];
	if (connection === 'disabled' && error) {
		banner.push(
			<Line key="off" tone="muted">
				{error}
			</Line>,
		);
	} else if (connection === 'down' && error) {
		// The message ends with what to do: wrap it (up to 4 rows) rather than cut it on a phone.
		const rows = wrapWords(error, width, Math.max(1, Math.min(4, height - 2)));
		banner.push(
			...rows.map((text, i) => (
				<Line key={`err${i}`} tone="error">
					{text}
				</Line>
			)),
			<Line key="retry" tone="muted">
				{`down since ${downSince ? formatClock(downSince) : '–'}; retrying${hasRows ? ' (last known list below)' : ''}`}
			</Line>,
		);
	} else if (connection === 'connecting') {
		banner.push(
			<Line key="conn" tone="muted">
				{`Connecting to ${endpoint ?? 'Docker'}…`}
			</Line>,
		);
	}
	const rest = Math.max(0, height - banner.length);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{banner.slice(0, height)}
			{rest > 0 && (hasRows || connection === 'up') ? (
				view === 'detail' ? (
					<DetailView width={width} height={rest} />
				) : view === 'logs' ? (
					<LogsView width={width} height={rest} />
				) : (
					<ListView width={width} height={rest} />
				)
			) : null}
		</Box>
	);
}
