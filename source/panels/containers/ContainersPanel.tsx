// Containers panel: the connection state (and what to do when Docker is unreachable), then the list,
// the detail of one container or its logs.

import React from 'react';
import {Box} from 'ink';
import {useAppState} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import {formatClock, formatDuration, wrapWords} from '../../domain/format.js';
import {linkOf} from '../../store/slices/containers.js';
import {hostScope} from '../../store/slices/host.js';
import type {PanelProps} from '../types.js';
import {ListView} from './ListView.js';
import {DetailView} from './DetailView.js';
import {LogsView} from './LogsView.js';

export function ContainersPanel({width, height}: PanelProps) {
	const links = useAppState(s => s.containers.links);
	const hosts = useAppState(s => s.host.list);
	const only = useAppState(s => hostScope(s).only);
	const view = useAppState(s => s.containers.view);
	const hasRows = useAppState(s => Object.keys(s.containers.byId).length > 0);
	const banner: React.ReactNode[] = [];
	// One host: its state as before. Several: each host shown that is not up, named.
	const shown = hosts.filter(h => only === null || h.id === only);
	const several = hosts.length > 1;
	for (const {id} of shown) {
		const {connection, error, downSince, endpoint} = linkOf({links}, id);
		const who = several ? `${id}: ` : '';
		if (connection === 'disabled' && error) {
			banner.push(
				<Line key={`off${id}`} tone="muted">
					{who + error}
				</Line>,
			);
		} else if (connection === 'down' && error) {
			// The message ends with what to do: wrap it (up to 4 rows, 2 with several hosts) rather than cut it on a phone.
			const rows = wrapWords(who + error, width, Math.max(1, Math.min(several ? 2 : 4, height - 2)));
			banner.push(
				...rows.map((text, i) => (
					<Line key={`err${id}${i}`} tone="error">
						{text}
					</Line>
				)),
				<Line key={`retry${id}`} tone="muted">
					{several && downSince
						? `${who}down ${formatDuration(Date.now() - downSince)} (since ${formatClock(downSince)}); retrying${hasRows ? ', last known list below' : ''}`
						: `down since ${downSince ? formatClock(downSince) : '–'}; retrying${hasRows ? ' (last known list below)' : ''}${downSince ? `, down ${formatDuration(Date.now() - downSince)}` : ''}`}
				</Line>,
			);
		} else if (connection === 'connecting') {
			banner.push(
				<Line key={`conn${id}`} tone="muted">
					{`${who}Connecting to ${endpoint ?? 'Docker'}…`}
				</Line>,
			);
		}
	}
	const anyUp = shown.some(h => linkOf({links}, h.id).connection === 'up');
	const rest = Math.max(0, height - banner.length);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{banner.slice(0, height)}
			{rest > 0 && (hasRows || anyUp) ? (
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
