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

// A panel draws all its rows again when any figure in it changes, and most rows are the same as the
// last time: a Line or Span given what it drew last time is not drawn again (React skips it).
export const Line = React.memo(function Line({children, tone = 'text', bold, inverse, dim}: LineProps) {
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
}, drawsTheSame);

/** A coloured run inside a Line. */
export const Span = React.memo(function Span({children, tone = 'text', bold, inverse}: LineProps) {
	const {theme, glyphs} = useTheme();
	return (
		<Text color={theme.colors[tone]} bold={bold} inverse={inverse}>
			{safe(children, glyphs.ascii)}
		</Text>
	);
}, drawsTheSame);

/** The same tone and styles, and children that are the same strings, or elements of the same type and props. */
function drawsTheSame(a: LineProps, b: LineProps): boolean {
	return a.tone === b.tone && a.bold === b.bold && a.inverse === b.inverse && a.dim === b.dim && sameNode(a.children, b.children);
}

function sameNode(a: React.ReactNode, b: React.ReactNode): boolean {
	if (Object.is(a, b)) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameNode(x as React.ReactNode, b[i] as React.ReactNode));
	if (React.isValidElement(a) && React.isValidElement(b)) return a.type === b.type && a.key === b.key && sameProps(a.props as Record<string, unknown>, b.props as Record<string, unknown>);
	return false;
}

function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every(k => (k === 'children' ? sameNode(a[k] as React.ReactNode, b[k] as React.ReactNode) : Object.is(a[k], b[k])));
}
