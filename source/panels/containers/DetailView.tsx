// Detail of one container: image and pinning, state, health, restarts, platform, log driver check,
// log file size, ports, mounts with host paths and the environment with secrets masked.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import {detailRows} from './selectors.js';
import {wrapCells} from '../../domain/list/cells.js';
import {useStatsFor} from './use-stats-for.js';

export function DetailView({width, height}: {width: number; height: number}) {
	const s = useAppState(st => st.containers);
	const info = s.selected ? s.byId[s.selected] : undefined;
	useStatsFor(info ? [info.id] : [], s.listOffset);
	// Long values (a model name in LLM_MODEL, a mount's path) wrap under themselves instead of being cut.
	const rows = useMemo(
		() => (info ? detailRows(info, s.stats[info.id], s.logSize[info.id]) : []).flatMap(r => wrapCells(r.text, width, `${/^ */.exec(r.text)![0]}    `).map(text => ({text, tone: r.tone}))),
		[info, s.stats, s.logSize, width],
	);
	if (!info) return <Line tone="muted">Container gone (removed)</Line>;
	const body = Math.max(0, height - 1);
	const offset = Math.min(s.detailOffset, Math.max(0, rows.length - body));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{rows.slice(offset, offset + body).map((r, i) => (
				<Line key={offset + i} tone={r.tone}>
					{r.text}
				</Line>
			))}
			<Line tone="muted">{'Esc back  l logs  s start/stop  r restart  ↑↓'}</Line>
		</Box>
	);
}
