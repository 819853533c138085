// Shared pieces of the engine panels: row state text ("unreachable since 12:03:07 (ECONNREFUSED)"),
// the selection window, and the up/down/bench commands.

import type {Command} from '../commands/registry.js';
import type {PanelId} from '../domain/panel-ids.js';
import {formatClock} from '../domain/format.js';
import {update} from '../store/index.js';
import {selectRow, selectedRow, type EngineRow} from '../store/slices/engines.js';

export function downText(r: EngineRow): string | null {
	if (r.state !== 'unreachable') return null;
	return `unreachable since ${r.downSince !== null ? formatClock(r.downSince) : '?'} (${r.downReason ?? 'no answer'})`;
}

/** First index of a `height`-row window over `count` items that keeps `selected` visible. */
export function windowStart(count: number, height: number, selected: number): number {
	if (count <= height) return 0;
	return Math.max(0, Math.min(count - height, selected - Math.floor(height / 2)));
}

export function rowCommands(panel: PanelId, group: string): Command[] {
	const when = (s: {ui: {focused: PanelId}}) => s.ui.focused === panel;
	return [
		{id: `${panel}.up`, keys: ['up', 'k'], description: 'Select the engine above', group, when, run: ({store}) => update(store, 'engines', s => selectRow(s, -1))},
		{id: `${panel}.down`, keys: ['down', 'j'], description: 'Select the engine below', group, when, run: ({store}) => update(store, 'engines', s => selectRow(s, 1))},
		{
			id: `${panel}.bench`,
			keys: ['b'],
			description: 'Benchmark the selected engine (one streamed request: TTFT, tok/s)',
			group,
			when,
			run: ({state, services}) => {
				const row = selectedRow(state.engines);
				if (row) services.bench.start(row);
			},
		},
	];
}
