// Cache panel view.

import {RowDetail} from '../../ui/list/RowDetail.js';
import {listState} from '../../store/slices/lists.js';
import {cacheList} from './list.js';
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import type {PanelProps} from '../types.js';
import {cacheLines} from './lines.js';
import {useList} from '../../ui/list/use-list.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {engineText, filteredEngines, scopedEngines} from '../engines-common.js';
import {hostScope} from '../../store/slices/host.js';

export function CachePanel({width, height}: PanelProps) {
	const all = useAppState(s => s.engines);
	const column = useAppState(s => hostScope(s).column);
	const only = useAppState(s => hostScope(s).only);
	const engines = useMemo(() => scopedEngines(all, {column, only}), [all, column, only]);
	const detail = useAppState(s => listState(s.lists, 'cache').detail && s.engines.rows.length > 0);
	const view = useList('cache', engines.rows, engineText, engines.selected, height);
	const room = height - (view.filter || view.editing ? 1 : 0);
	const lines = useMemo(() => {
		const all = cacheLines(filteredEngines(engines, view.filter), width, {column, only});
		if (all.length <= room) return all;
		// Keep the selected engine in view; the disk part follows as room allows.
		const at = Math.max(0, all.findIndex(l => l.selected));
		const start = Math.max(0, Math.min(all.length - room, at - Math.floor(room / 2)));
		return all.slice(start, start + room);
	}, [engines, width, room, view.filter, column, only]);
	if (detail) return <RowDetail list={cacheList} width={width} height={height} noun="engine" />;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.map(l => (
				<Line key={l.key} tone={l.tone} bold={l.selected}>
					{l.text}
				</Line>
			))}
			<FilterLine width={width} view={view} noun="engines" />
		</Box>
	);
}
