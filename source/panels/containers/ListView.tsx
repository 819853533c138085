// The container list: grouped by role, live CPU and memory, the selection highlighted. Publishes the
// ids it shows so that the Docker source fetches stats for those alone.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useTheme} from '../../ui/context.js';
import {Line, Span} from '../../ui/widgets/Line.js';
import {fit, truncate} from '../../domain/format.js';
import {cpuText, groupedRows, memText, stateTone, windowStart} from './selectors.js';
import {useStatsFor} from './use-stats-for.js';
import {staleAge} from '../../store/slices/containers.js';
import {formatDuration} from '../../domain/format.js';

export function ListView({width, height}: {width: number; height: number}) {
	const {glyphs} = useTheme();
	const s = useAppState(st => st.containers);
	const rows = useMemo(() => groupedRows(s.byId), [s.byId]);
	const selected = s.selected ?? rows.find(r => r.kind === 'container')?.key ?? null;
	const bodyHeight = Math.max(0, height - 1);
	const start = windowStart(rows, selected, bodyHeight, s.listOffset);
	const shown = rows.slice(start, start + bodyHeight);
	const ids = shown.flatMap(r => (r.kind === 'container' ? [r.info.id] : []));
	useStatsFor(ids, start);

	const cpuW = 6;
	const memW = 8;
	const nameW = Math.max(6, width - 2 - cpuW - memW - 2);
	const running = Object.values(s.byId).filter(c => c.state === 'running').length;
	// A daemon on another host is named, so its containers are not mistaken for this machine's.
	const counts = `${running}/${Object.keys(s.byId).length} running  ${fit('CPU', cpuW, 'right')} ${fit('MEM', memW, 'right')}`;
	const room = width - counts.length - 3;
	const remote = s.endpoint && !s.endpoint.startsWith('unix://') && room >= 10 ? `${truncate(s.endpoint, room)} · ` : '';
	const header = remote + counts;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone="muted">{fit(header, width, 'right')}</Line>
			{rows.length === 0 ? <Line tone="muted">No containers (docker ps -a is empty)</Line> : null}
			{shown.map(row => {
				if (row.kind === 'group') return <Line key={row.key} tone="accent" bold>{`${row.title} (${row.count})`}</Line>;
				const c = row.info;
				const st = s.stats[c.id];
				const busy = s.busy[c.id];
				const label = `${c.name}:${c.tag}${c.pinned ? '' : ' !'}${busy ? ` ${busy}` : ''}`;
				const isSel = c.id === selected;
				const stale = c.state === 'running' ? staleAge(s, st) : null;
				if (stale !== null) {
					// The daemon stopped answering: old figures are not shown as live.
					return (
						<Line key={row.key} inverse={isSel}>
							<Span tone={stateTone(c)}>{glyphs.barFull}</Span>
							{' '}
							<Span tone={c.pinned ? 'text' : 'warn'} inverse={isSel}>{fit(label, nameW)}</Span>
							<Span tone="warn">{` ${fit('stale', cpuW, 'right')} ${fit(`${formatDuration(stale)} ago`, memW, 'right')}`}</Span>
						</Line>
					);
				}
				return (
					<Line key={row.key} inverse={isSel}>
						<Span tone={stateTone(c)}>{c.state === 'running' ? glyphs.barFull : '·'}</Span>
						{' '}
						<Span tone={c.pinned ? 'text' : 'warn'} inverse={isSel}>{fit(label, nameW)}</Span>
						{` ${fit(c.state === 'running' ? cpuText(st) : c.state, cpuW, 'right')} ${fit(c.state === 'running' ? memText(st) : '', memW, 'right')}`}
					</Line>
				);
			})}
		</Box>
	);
}
