// Bottom row: every panel with its digit; the focused one highlighted, off-screen ones dimmed.
// Titles shrink to fit a phone's width ("3 Memory" -> "3 Mem" -> "3").

import React from 'react';
import {Box, Text} from 'ink';
import {useAppState, useTheme} from './context.js';
import type {PanelDef} from '../panels/types.js';

export function tabLabels(titles: readonly string[], width: number): string[] {
	for (const len of [Infinity, 6, 4, 3, 0]) {
		const labels = titles.map((t, i) => (len === 0 ? `${i + 1}` : `${i + 1} ${t.slice(0, len)}`));
		const total = labels.reduce((n, l) => n + l.length + 2, 0);
		if (total <= width) return labels;
	}
	return titles.map((_, i) => `${i + 1}`);
}

export function TabStrip({panels, width}: {panels: readonly PanelDef[]; width: number}) {
	const ui = useAppState(s => s.ui);
	const {theme} = useTheme();
	const labels = tabLabels(
		panels.map(p => p.title),
		width,
	);
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end">
				{panels.map((p, i) => {
					const focused = p.id === ui.focused;
					const shown = ui.visible.includes(p.id);
					return (
						<Text
							key={p.id}
							color={focused ? theme.colors.selectionText : shown ? theme.colors.text : theme.colors.muted}
							backgroundColor={focused ? theme.colors.selection : undefined}
							inverse={focused && theme.mono}
							bold={focused}
						>
							{` ${labels[i]} `}
						</Text>
					);
				})}
			</Text>
		</Box>
	);
}
