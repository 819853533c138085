// Shown below the minimum size: what is needed and what there is.

import React from 'react';
import {Box, Text} from 'ink';
import {MIN_COLS, MIN_ROWS} from '../domain/layout.js';

export function tooSmallText(cols: number, rows: number): string {
	return `terminal too small: need ${MIN_COLS}x${MIN_ROWS}, have ${cols}x${rows}`;
}

/** The message as lines that fit the width (a 10x5 terminal still reads it). */
export function tooSmallLines(cols: number, rows: number): string[] {
	const need = `need ${MIN_COLS}x${MIN_ROWS}`;
	const have = `have ${cols}x${rows}`;
	const candidates = [[tooSmallText(cols, rows)], ['terminal too small:', `${need}, ${have}`], ['too small', need, have]];
	const room = Math.max(1, rows - 1);
	const chosen = candidates.find(c => c.length <= room && c.every(l => l.length <= cols)) ?? candidates[2]!;
	return chosen.slice(0, room).map(l => l.slice(0, Math.max(1, cols)));
}

export function TooSmall({cols, rows}: {cols: number; rows: number}) {
	const lines = tooSmallLines(cols, rows);
	return (
		<Box width={Math.max(1, cols)} height={lines.length} flexDirection="column" overflow="hidden">
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
