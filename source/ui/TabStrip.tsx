// Bottom row: every panel with its digit; the focused one highlighted, off-screen ones dimmed.
// Titles shrink to fit a phone's width ("3 Memory" -> "3 Mem" -> "3").

import React from 'react';
import {Box, Text} from 'ink';
import {toAscii} from '../domain/text/ascii.js';
import {useAppState, useTheme} from './context.js';
import type {PanelView} from './panel-view.js';

export function tabLabels(titles: readonly string[], width: number, focusedIndex = -1): string[] {
	const fits = (labels: string[]) => labels.reduce((n, l) => n + l.length + 2, 0) <= width;
	for (const len of [Infinity, 6, 4, 3]) {
		const labels = titles.map((t, i) => `${i + 1} ${t.slice(0, len)}`);
		if (fits(labels)) return labels;
	}
	// Phone portrait: the focused tab keeps its name, the others are digits.
	const mixed = titles.map((t, i) => (i === focusedIndex ? `${i + 1} ${t}` : `${i + 1}`));
	return fits(mixed) ? mixed : titles.map((_, i) => `${i + 1}`);
}

export function TabStrip({panels, width}: {panels: readonly Pick<PanelView, 'id' | 'title'>[]; width: number}) {
	const ui = useAppState(s => s.ui);
	const {theme, glyphs} = useTheme();
	const labels = tabLabels(
		panels.map(p => p.title),
		width,
		panels.findIndex(p => p.id === ui.focused),
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
							{glyphs.ascii ? toAscii(` ${labels[i]} `) : ` ${labels[i]} `}
						</Text>
					);
				})}
			</Text>
		</Box>
	);
}
