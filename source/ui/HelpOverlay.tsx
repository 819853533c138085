// Help, generated from the command registry: what each key does, grouped; scrolled and filtered
// with the keys every list shares.

import React, {useEffect, useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useCockpit} from './context.js';
import {update} from '../store/index.js';
import {Line, Span} from './widgets/Line.js';
import {helpLines, helpLineText, type HelpLine} from '../commands/help-lines.js';
import {useScroll} from './list/use-list.js';
import {FilterLine} from './list/FilterLine.js';

const textOf = (l: HelpLine) => helpLineText(l);

export function HelpOverlay({width, height}: {width: number; height: number}) {
	const {registry, panels, store} = useCockpit();
	const offset = useAppState(s => s.ui.helpOffset);
	const lines = useMemo(() => helpLines(registry.commands), [registry]);
	// A header and a footer line around the keys.
	const view = useScroll('help', lines, textOf, offset, Math.max(1, height - 2));
	// A section near the end cannot start at the top: the offset the keys move from is what is shown.
	useEffect(() => {
		if (!view.filter && view.top !== offset) update(store, 'ui', ui => ({...ui, helpOffset: view.top}));
	}, [store, view.top, view.filter, offset]);
	const keyWidth = Math.min(14, Math.floor(width / 3));
	const last = view.top + view.shown.length;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone="accent" bold>{`Keys ${view.matched ? view.top + 1 : 0}-${last} of ${view.matched} · ↑↓ scroll · / find`}</Line>
			{view.shown.map(i => {
				const l = lines[i]!;
				return l.group ? (
					<Line key={i} tone="title" bold>
						{l.group}
					</Line>
				) : (
					<Line key={i}>
						<Span tone="accent">{(l.keys ?? '').padEnd(keyWidth)}</Span>
						{` ${l.text}`}
					</Line>
				);
			})}
			<FilterLine width={width} view={view} noun="keys" />
			<Line tone="muted">{`1-${panels.length} a panel's keys · PgDn PgUp · Esc close`}</Line>
		</Box>
	);
}
