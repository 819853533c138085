// Bottom row: every panel with its digit; the focused one highlighted, off-screen ones dimmed, and
// `!N` in the warning colour on every panel where N things need the user, at every width.
// Titles shrink to fit a phone's width ("3 Memory" -> "3 Mem" -> "3"); the marks never drop.

import React from 'react';
import {Box, Text} from 'ink';
import {toAscii} from '../domain/text/ascii.js';
import {truncate} from '../domain/format.js';
import {useAppState, useAppStateBy, useTheme} from './context.js';
import type {PanelView} from './panel-view.js';
import {panelAlerts, sameAlerts} from './alerts.js';

/** `alerts[i]`: how many things need attention on panel i, shown as `!N` after its label. */
export function tabLabels(titles: readonly string[], width: number, focusedIndex = -1, alerts: readonly number[] = []): string[] {
	const mark = (label: string, i: number) => (alerts[i] ? `${label} !${alerts[i]}` : label);
	const fits = (labels: string[]) => labels.reduce((n, l) => n + l.length + 2, 0) <= width;
	for (const len of [Infinity, 6, 4, 3]) {
		// A shortened name ends with "…", so it never reads as a different word.
		const labels = titles.map((t, i) => mark(`${i + 1} ${truncate(t, len)}`, i));
		if (fits(labels)) return labels;
	}
	// Phone portrait: the focused tab keeps its name, the others are digits.
	const mixed = titles.map((t, i) => mark(i === focusedIndex ? `${i + 1} ${t}` : `${i + 1}`, i));
	if (fits(mixed)) return mixed;
	return titles.map((_, i) => mark(`${i + 1}`, i));
}

export function TabStrip({panels, width}: {panels: readonly Pick<PanelView, 'id' | 'title' | 'alert'>[]; width: number}) {
	const ui = useAppState(s => s.ui);
	// The alerts alone, not the whole state: the strip renders again only when a mark changes.
	const alerts = useAppStateBy(s => panelAlerts(s, panels), sameAlerts);
	const {theme, glyphs} = useTheme();
	const labels = tabLabels(
		panels.map(p => p.title),
		width,
		panels.findIndex(p => p.id === ui.focused),
		panels.map(p => alerts.get(p.id)?.count ?? 0),
	);
	// A space each side when it fits; the narrowest strip keeps one between tabs.
	const pad = labels.reduce((n, l) => n + l.length + 2, 0) <= width ? ' ' : '';
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end">
				{panels.map((p, i) => {
					const focused = p.id === ui.focused;
					const shown = ui.visible.includes(p.id);
					const alert = alerts.get(p.id);
					const label = labels[i]!;
					const mark = alert ? ` !${alert.count}` : '';
					const name = label.slice(0, label.length - mark.length);
					const tone = alert ? (alert.level === 'error' ? theme.colors.error : theme.colors.warn) : undefined;
					return (
						<Text
							key={p.id}
							color={focused ? theme.colors.selectionText : tone ?? (shown ? theme.colors.text : theme.colors.muted)}
							backgroundColor={focused ? theme.colors.selection : undefined}
							inverse={focused && theme.mono}
							bold={focused || alert !== undefined}
						>
							{glyphs.ascii ? toAscii(`${pad}${name}`) : `${pad}${name}`}
							{alert ? <Text color={tone}>{mark}</Text> : null}
							{pad || ' '}
						</Text>
					);
				})}
			</Text>
		</Box>
	);
}
