// The filter's line under a list's rows: what is being typed, how many rows it keeps, and, when it
// keeps none, that nothing matches and how to clear it. The cockpit's one text field: on a narrow
// panel the end of what is typed stays in view (the start scrolls left) and the hints go first.

import React from 'react';
import {Line} from '../widgets/Line.js';
import {fieldLine} from '../../domain/text/field.js';
import type {ListView} from './use-list.js';

export function FilterLine({view, width, noun = 'rows'}: {view: ListView; width: number; noun?: string}) {
	if (!view.filter && !view.editing) return null;
	if (view.matched === 0 && view.filter) {
		const line = fieldLine({before: `no ${noun} match "`, text: view.filter, after: view.editing ? '"_' : '"', extras: [' (Esc clears)', '']}, width);
		return <Line tone="warn">{line}</Line>;
	}
	const counts = `${view.matched} of ${view.total}`;
	if (view.editing) {
		const extras = [`  ${counts} · Enter keeps · Esc clears`, `  ${counts} · Enter keeps`, `  ${counts}`];
		return (
			<Line tone="accent" bold>
				{fieldLine({before: '/', text: view.filter, after: '_', extras}, width)}
			</Line>
		);
	}
	return <Line tone="muted">{fieldLine({before: 'filter "', text: view.filter, after: '"', extras: [`: ${counts} · / edit · Esc clears`, `: ${counts}`]}, width)}</Line>;
}
