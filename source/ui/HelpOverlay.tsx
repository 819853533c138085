// Help, generated from the command registry: what each key does, grouped, scrollable.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useCockpit} from './context.js';
import {Line, Span} from './widgets/Line.js';
import {displayKey} from '../commands/keys.js';
import type {Command} from '../commands/registry.js';

export function helpLines(commands: readonly Command[]): Array<{group?: string; keys?: string; text?: string}> {
	const lines: Array<{group?: string; keys?: string; text?: string}> = [];
	const groups = [...new Set(commands.map(c => c.group))];
	for (const group of groups) {
		lines.push({group});
		const inGroup = commands.filter(c => c.group === group);
		// Digit jumps collapse into one line.
		const jumps = inGroup.filter(c => c.id.startsWith('panel.') && /^\d$/.test(c.keys[0] ?? ''));
		if (jumps.length > 1) lines.push({keys: `${jumps[0]!.keys[0]}-${jumps.at(-1)!.keys[0]}`, text: 'Go to panel'});
		for (const c of inGroup) {
			if (jumps.length > 1 && jumps.includes(c)) continue;
			lines.push({keys: c.keys.map(displayKey).join(' '), text: c.description + (c.mutating ? ' (asks first)' : '')});
		}
	}
	return lines;
}

export function HelpOverlay({width, height}: {width: number; height: number}) {
	const {registry} = useCockpit();
	const offset = useAppState(s => s.ui.helpOffset);
	const lines = useMemo(() => helpLines(registry.commands), [registry]);
	const room = Math.max(1, height - 1);
	const start = Math.min(offset, Math.max(0, lines.length - room));
	const keyWidth = Math.min(14, Math.floor(width / 3));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone="accent" bold>{`Keys (${start + 1}-${Math.min(lines.length, start + room)} of ${lines.length}, ↑↓ scroll, Esc close)`}</Line>
			{lines.slice(start, start + room).map((l, i) =>
				l.group ? (
					<Line key={i} tone="title" bold>
						{l.group}
					</Line>
				) : (
					<Line key={i}>
						<Span tone="accent">{(l.keys ?? '').padEnd(keyWidth)}</Span>
						{` ${l.text}`}
					</Line>
				),
			)}
		</Box>
	);
}
