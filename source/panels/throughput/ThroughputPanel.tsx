// Throughput panel view: engine rows from the engines slice (those the `/` filter keeps), sliced to
// the panel's height.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useTheme} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import type {PanelProps} from '../types.js';
import {throughputLines, visibleLines} from './lines.js';
import {aiderTokenLines} from './aider-lines.js';
import {sessionTokenTotals} from '../../store/slices/aider.js';
import {useList} from '../../ui/list/use-list.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {engineText, filteredEngines} from '../engines-common.js';
import {contractShort} from '../../domain/swap/openhands-llm.js';
import {printable} from '../../domain/text/printable.js';

export function ThroughputPanel({width, height}: PanelProps) {
	const engines = useAppState(s => s.engines);
	const aider = useAppState(s => s.aider);
	const contract = useAppState(s => s.swap.contract);
	const {glyphs} = useTheme();
	// The OpenHands contract keeps the last row whenever profiles name an OpenHands config.
	const room = contract ? height - 1 : height;
	const view = useList('throughput', engines.rows, engineText, engines.selected, room);
	const filterRows = view.filter || view.editing ? 1 : 0;
	const lines = useMemo(() => {
		const sessions = aiderTokenLines(sessionTokenTotals(aider), width);
		if (engines.rows.length === 0) return sessions.slice(0, Math.max(0, room - 1));
		const shown = filteredEngines(engines, view.filter);
		return visibleLines([...throughputLines(shown, width, glyphs.spark, Date.now()), ...sessions], room - filterRows, shown.selected);
	}, [engines, aider, width, room, glyphs, view.filter, filterRows]);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{engines.rows.length === 0 ? (
				<Line tone="muted">No model server found: add engines.list to the config, or start one on 30000/8000/8001/8080/11434.</Line>
			) : null}
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
