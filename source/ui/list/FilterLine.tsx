// The filter's line under a list's rows: what is being typed, how many rows it keeps, and, when it
// keeps none, that nothing matches and how to clear it.

import React from 'react';
import {Line} from '../widgets/Line.js';
import type {ListView} from './use-list.js';

export function FilterLine({view, noun = 'rows'}: {view: ListView; noun?: string}) {
	if (!view.filter && !view.editing) return null;
	if (view.matched === 0 && view.filter) {
		return <Line tone="warn">{`no ${noun} match "${view.filter}"${view.editing ? '_' : ''} (Esc clears)`}</Line>;
	}
	const counts = `${view.matched} of ${view.total}`;
	return view.editing ? (
		<Line tone="accent" bold>{`/${view.filter}_  ${counts} · Enter keeps · Esc clears`}</Line>
	) : (
		<Line tone="muted">{`filter "${view.filter}": ${counts} · / edit · Esc clears`}</Line>
	);
}
