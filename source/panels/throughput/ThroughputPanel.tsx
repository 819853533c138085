// Throughput panel view: engine rows from the engines slice (those the `/` filter keeps), sliced to
// the panel's height.

import {RowDetail} from '../../ui/list/RowDetail.js';
import {listState} from '../../store/slices/lists.js';
import {throughputList} from './list.js';
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useTheme} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import type {PanelProps} from '../types.js';
import {NO_ENGINES, throughputLines, visibleLines} from './lines.js';
import {wrapCells} from '../../domain/list/cells.js';
import {aiderTokenLines} from './aider-lines.js';
import {sessionTokenTotals} from '../../store/slices/aider.js';
import {useList} from '../../ui/list/use-list.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {engineText, filteredEngines, scopedEngines} from '../engines-common.js';
import {hostScope} from '../../store/slices/host.js';
import {contractShort} from '../../domain/swap/openhands-llm.js';
import {printable} from '../../domain/text/printable.js';

export function ThroughputPanel({width, height}: PanelProps) {
	const all = useAppState(s => s.engines);
	const column = useAppState(s => hostScope(s).column);
	const only = useAppState(s => hostScope(s).only);
	const engines = useMemo(() => scopedEngines(all, {column, only}), [all, column, only]);
	const aider = useAppState(s => s.aider);
	const contract = useAppState(s => s.swap.contract);
	const {glyphs} = useTheme();
	const detail = useAppState(s => listState(s.lists, 'throughput').detail && s.engines.rows.length > 0);
	// The OpenHands contract keeps the last row whenever profiles name an OpenHands config.
	const room = contract ? height - 1 : height;
	const view = useList('throughput', engines.rows, engineText, engines.selected, room);
	const filterRows = view.filter || view.editing ? 1 : 0;
	const lines = useMemo(() => {
		const sessions = aiderTokenLines(sessionTokenTotals(aider), width);
		if (engines.rows.length === 0) return sessions.slice(0, Math.max(0, room - wrapCells(NO_ENGINES, width).length));
		const shown = filteredEngines(engines, view.filter);
		return visibleLines([...throughputLines(shown, width, glyphs.spark, Date.now(), column), ...sessions], room - filterRows, shown.selected);
	}, [engines, aider, width, room, glyphs, view.filter, filterRows, column]);
	if (detail) return <RowDetail list={throughputList} width={width} height={height} noun="engine" />;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{engines.rows.length === 0
				? wrapCells(NO_ENGINES, width).map((text, i) => (
						<Line key={`none${i}`} tone="muted">
							{text}
						</Line>
					))
				: null}
			{lines.map(l => (
				<Line key={l.key} tone={l.tone} bold={l.selected}>
					{l.text}
				</Line>
			))}
			<FilterLine width={width} view={view} noun="engines" />
			{contract && height > 1 ? <Line tone={contract.state === 'met' ? 'ok' : contract.state === 'differs' ? 'warn' : 'muted'}>{printable(contractShort(contract))}</Line> : null}
		</Box>
	);
}
