// A list's selected row opened into its detail (Enter): every field as "label value", long values
// wrapped, so what a narrow list drops can be read on a phone. ↑↓ move to the next row's detail
// (the list keys still move the selection), Esc goes back to the list.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {fieldLines} from '../../domain/list/fields.js';
import type {ListAdapter} from '../../commands/list.js';
import {Line} from '../widgets/Line.js';
import {useAppState, useTheme} from '../context.js';

export function RowDetail({list, width, height, noun = 'row'}: {list: ListAdapter; width: number; height: number; noun?: string}) {
	const {glyphs} = useTheme();
	const state = useAppState(s => s);
	const fields = list.fields?.(state, glyphs) ?? null;
	const lines = useMemo(() => (fields ? fieldLines(fields, width) : []), [fields, width]);
	const room = Math.max(0, height - 1);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{fields === null ? <Line tone="muted">{`no ${noun} selected`}</Line> : null}
			{lines.slice(0, room).map((l, i) => (
				<Line key={i} tone={l.tone ?? 'text'}>
					{l.text}
				</Line>
			))}
			{height > 1 ? <Line tone="muted">{`Esc back  ↑↓ other ${noun}s`}</Line> : null}
		</Box>
	);
}
