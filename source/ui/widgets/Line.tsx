// One row of text that never wraps: the basic unit that keeps every frame inside the terminal.

import React from 'react';
import {Text} from 'ink';
import {useTheme} from '../context.js';
import type {Token} from '../../theme/tokens.js';

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
			{children}
		</Text>
	);
}

/** A coloured run inside a Line. */
export function Span({children, tone = 'text', bold, inverse}: LineProps) {
	const {theme} = useTheme();
	return (
		<Text color={theme.colors[tone]} bold={bold} inverse={inverse}>
			{children}
		</Text>
	);
}
