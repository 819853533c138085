// Draws a terminal pane session as Ink rows: one <Text> per row with styled spans. Re-renders when
// the session reports new output (throttled in the session), never more rows than it is given.

import React, {useSyncExternalStore} from 'react';
import {Box, Text} from 'ink';
import type {PaneSession} from './session.js';

export interface TerminalViewProps {
	session: PaneSession;
	width: number;
	height: number;
	/** Draw the cursor (the pane has the keyboard). */
	cursor: boolean;
}

export function TerminalView({session, width, height, cursor}: TerminalViewProps) {
	useSyncExternalStore(
		listener => session.onChange(listener),
		() => session.version,
	);
	const rows = session.view(width, height, cursor);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{rows.slice(0, height).map((row, y) => (
				<Text key={y} wrap="truncate-end">
					{row.map((span, i) => (
						<Text
							key={i}
							color={span.fg}
							backgroundColor={span.bg}
							bold={span.bold}
							dimColor={span.dim}
							italic={span.italic}
							underline={span.underline}
							inverse={span.inverse}
						>
							{span.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
