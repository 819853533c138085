// Throughput panel view: engine rows from the engines slice, sliced to the panel's height.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useTheme} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import type {PanelProps} from '../types.js';
import {throughputLines, visibleLines} from './lines.js';

export function ThroughputPanel({width, height}: PanelProps) {
	const engines = useAppState(s => s.engines);
	const {glyphs} = useTheme();
	const lines = useMemo(() => {
		if (engines.rows.length === 0) return [];
		return visibleLines(throughputLines(engines, width, glyphs.spark, Date.now()), height, engines.selected);
	}, [engines, width, height, glyphs]);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{engines.rows.length === 0 ? (
				<Line tone="muted">No model server found: add engines.list to the config, or start one on 30000/8000/8001/8080/11434.</Line>
			) : (
				lines.map(l => (
					<Line key={l.key} tone={l.tone} bold={l.selected}>
						{l.text}
					</Line>
				))
			)}
		</Box>
	);
}
