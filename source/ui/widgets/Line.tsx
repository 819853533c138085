// One row of text that never wraps: the basic unit that keeps every frame inside the terminal.

import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../context.js';
import type {Token} from '../../theme/tokens.js';
import {safeText} from '../../domain/text/safe.js';
import {toAscii} from '../../domain/text/ascii.js';

/** Every string drawn goes through here: printable and masked, whoever built it; ASCII under LANG=C. */
function safe(children: React.ReactNode, ascii: boolean): React.ReactNode {
	const one = (text: string) => (ascii ? toAscii(safeText(text)) : safeText(text));
	if (typeof children === 'string') return one(children);
	if (Array.isArray(children)) return React.Children.map(children, c => (typeof c === 'string' ? one(c) : c));
	return children;
}

export interface LineProps {
	children?: React.ReactNode;
	tone?: Token;
	bold?: boolean;
	inverse?: boolean;
	dim?: boolean;
}

export function Line({children, tone = 'text', bold, inverse, dim}: LineProps) {
	const {theme, glyphs} = useTheme();
	const text = (
		<Text wrap={glyphs.ascii ? 'wrap' : 'truncate-end'} color={theme.colors[tone]} bold={bold} inverse={inverse} dimColor={dim}>
			{safe(children, glyphs.ascii)}
		</Text>
	);
	// Ink's truncation always adds "…"; in ASCII mode the row is cut by a one-row box instead.
	return glyphs.ascii ? (
		<Box height={1} overflow="hidden" flexShrink={0}>
			{text}
		</Box>
	) : (
		text
	);
}

/** A coloured run inside a Line. */
export function Span({children, tone = 'text', bold, inverse}: LineProps) {
	const {theme, glyphs} = useTheme();
	return (
		<Text color={theme.colors[tone]} bold={bold} inverse={inverse}>
			{safe(children, glyphs.ascii)}
		</Text>
	);
}
