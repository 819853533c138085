// A bordered panel with its number and title in the top border. Children get exactly
// (width - 2) x (height - 2) cells and are clipped to them.

import React from 'react';
import {Box, Text} from 'ink';
import {safeText} from '../domain/text/safe.js';
import {toAscii} from '../domain/text/ascii.js';
import {truncate} from '../domain/format.js';
import {useTheme} from './context.js';

export interface PanelFrameProps {
	index: number;
	title: string;
	width: number;
	height: number;
	focused: boolean;
	badge?: string;
	children: React.ReactNode;
}

export function PanelFrame({index, title, width, height, focused, badge, children}: PanelFrameProps) {
	const {theme, glyphs} = useTheme();
	const border = focused ? theme.colors.borderFocus : theme.colors.border;
	const [tl, h, tr] = glyphs.ascii ? ['+', '-', '+'] : ['╭', '─', '╮'];
	// Badges carry glyphs (… ✓ ·) and outside text: made safe, and ASCII under LANG=C, like every Line.
	const raw = safeText(` ${index} ${title}${badge ? ` ${badge}` : ''} `);
	const label = glyphs.ascii ? toAscii(raw) : raw;
	const room = Math.max(0, width - 2);
	const shown = truncate(label, room);
	const top = `${tl}${h}${shown}${h.repeat(Math.max(0, room - shown.length - 1))}`.slice(0, width - 1) + tr;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text wrap="truncate-end" color={border} bold={focused && theme.mono} inverse={focused && theme.mono}>
				{width >= 2 ? top : ''}
			</Text>
			<Box
				borderStyle={glyphs.borderStyle}
				borderTop={false}
				borderColor={border}
				width={width}
				height={Math.max(1, height - 1)}
				flexDirection="column"
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}
