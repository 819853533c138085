// A yes/no question before an action changes the outside world. The question and its prose are
// word-wrapped so they read whole on a phone; diff lines (starting with a space, + or -) keep their
// spacing and are cut into width-sized pieces instead. A job's confirmation adds its plan (what will
// change) and its steps, so nothing moves that the user did not see.

import React from 'react';
import {Box} from 'ink';
import {wrapWords} from '../domain/format.js';
import {useAppState} from './context.js';
import {Line} from './widgets/Line.js';

function bodyRows(line: string, width: number): string[] {
	if (!/^[ +-]/.test(line)) return wrapWords(line, width);
	const pieces: string[] = [];
	for (let i = 0; i < line.length; i += width) pieces.push(line.slice(i, i + width));
	return pieces.length ? pieces : [' '];
}

export function ConfirmDialog({width, height}: {width: number; height: number}) {
	const confirm = useAppState(s => s.ui.confirm);
	if (!confirm) return null;
	const title = wrapWords(confirm.title, width, Math.max(1, Math.min(3, height - 2)));
	const room = Math.max(0, height - title.length - 1);
	const lines = [
		...confirm.body,
		...(confirm.plan ?? []),
		// One step says nothing the plan has not said; several are worth their row.
		...(confirm.steps && confirm.steps.length > 1 ? [`Steps: ${confirm.steps.map((s, i) => `${i + 1}. ${s}`).join('; ')}`] : []),
	];
	let body = lines.flatMap(line => bodyRows(line, width));
	if (body.length > room) body = [...body.slice(0, Math.max(0, room - 1)), '…'].slice(0, room);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{title.map((line, i) => (
				<Line key={`t${i}`} tone="warn" bold>
					{line}
				</Line>
			))}
			{body.map((line, i) => (
				<Line key={i}>{line}</Line>
			))}
			<Line tone="accent">y / Enter: yes   n / Esc: no</Line>
		</Box>
	);
}
