// Cache panel view.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import type {PanelProps} from '../types.js';
import {cacheLines} from './lines.js';

export function CachePanel({width, height}: PanelProps) {
	const engines = useAppState(s => s.engines);
	const lines = useMemo(() => {
		const all = cacheLines(engines, width);
		if (all.length <= height) return all;
		// Keep the selected engine in view; the disk part follows as room allows.
		const at = Math.max(0, all.findIndex(l => l.selected));
		const start = Math.max(0, Math.min(all.length - height, at - Math.floor(height / 2)));
		return all.slice(start, start + height);
	}, [engines, width, height]);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.map(l => (
				<Line key={l.key} tone={l.tone} bold={l.selected}>
					{l.text}
				</Line>
			))}
		</Box>
	);
}
