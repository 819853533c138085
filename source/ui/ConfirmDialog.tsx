// A yes/no question before an action changes the outside world.

import React from 'react';
import {Box} from 'ink';
import {useAppState} from './context.js';
import {Line} from './widgets/Line.js';

export function ConfirmDialog({width, height}: {width: number; height: number}) {
	const confirm = useAppState(s => s.ui.confirm);
	if (!confirm) return null;
	const body = confirm.body.slice(0, Math.max(0, height - 3));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone="warn" bold>
				{confirm.title}
			</Line>
			{body.map((line, i) => (
				<Line key={i}>{line}</Line>
			))}
			<Line tone="accent">y / Enter: yes   n / Esc: no</Line>
		</Box>
	);
}
