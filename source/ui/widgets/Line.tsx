// One row of text that never wraps: the basic unit that keeps every frame inside the terminal.

import React from 'react';
import {Text} from 'ink';
import {useTheme} from '../context.js';
import type {Token} from '../../theme/tokens.js';
import {safeText} from '../../domain/text/safe.js';

/** Every string drawn goes through here: printable and masked, whoever built it. */
function safe(children: React.ReactNode): React.ReactNode {
	if (typeof children === 'string') return safeText(children);
	if (Array.isArray(children)) return React.Children.map(children, c => (typeof c === 'string' ? safeText(c) : c));
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
	const {theme} = useTheme();
	return (
		<Text wrap="truncate-end" color={theme.colors[tone]} bold={bold} inverse={inverse} dimColor={dim}>
			{safe(children)}
		</Text>
	);
}

/** A coloured run inside a Line. */
export function Span({children, tone = 'text', bold, inverse}: LineProps) {
	const {theme} = useTheme();
	return (
		<Text color={theme.colors[tone]} bold={bold} inverse={inverse}>
			{safe(children)}
		</Text>
	);
}
