// The overlays' lists: help and the notice log scroll (and filter) with the same keys as every
// panel's list.

import {update} from '../store/index.js';
import type {ListAdapter} from './list.js';
import {helpLines, helpLineText} from './help-lines.js';
import type {Command} from './registry.js';

export function overlayLists(commands: () => readonly Command[]): ListAdapter[] {
	return [
		{
			id: 'help',
			mode: 'scroll',
			active: s => s.ui.overlay === 'help' && s.ui.confirm === null,
			texts: () => helpLines(commands()).map(helpLineText),
			position: s => s.ui.helpOffset,
			moveTo: (store, index) => update(store, 'ui', ui => (ui.helpOffset === index ? ui : {...ui, helpOffset: index})),
		},
		{
			id: 'log',
			mode: 'scroll',
			active: s => s.ui.overlay === 'log' && s.ui.confirm === null,
			texts: s => [...s.ui.notices].reverse().map(n => n.text),
			position: s => s.ui.logOffset,
			moveTo: (store, index) => update(store, 'ui', ui => (ui.logOffset === index ? ui : {...ui, logOffset: index})),
		},
	];
}
