// Top row: name, read-only badge, layout, and the latest notice.

import React from 'react';
import {Box} from 'ink';
import {useAppState} from './context.js';
import {Line, Span} from './widgets/Line.js';

export function Header({width}: {width: number}) {
	const ui = useAppState(s => s.ui);
	const notice = ui.notice;
	return (
		<Box width={width} height={1}>
			<Line>
				<Span tone="title" bold>
					stackdeck
				</Span>
				{ui.readOnly ? <Span tone="warn"> [read-only]</Span> : null}
				{notice ? <Span tone={notice.level === 'info' ? 'muted' : notice.level}>{`  ${notice.text}`}</Span> : <Span tone="muted">{'  ? help · q quit'}</Span>}
			</Line>
		</Box>
	);
}
