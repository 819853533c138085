// Shared pieces of the engine panels: row state text ("unreachable since 12:03:07 (ECONNREFUSED)"),
// the engine list each panel moves with the shared list keys, and bench.

import type {Command} from '../commands/registry.js';
import type {PanelId} from '../domain/panel-ids.js';
import {formatClock} from '../domain/format.js';
import {update} from '../store/index.js';
import {selectedRow, type EngineRow, type EnginesState} from '../store/slices/engines.js';
import {filterIndices} from '../domain/list/filter.js';
import type {ListAdapter} from '../commands/list.js';

export function downText(r: EngineRow): string | null {
	if (r.state !== 'unreachable') return null;
	return `unreachable since ${r.downSince !== null ? formatClock(r.downSince) : '?'} (${r.downReason ?? 'no answer'})`;
}

export function engineText(r: EngineRow): string {
	return `${r.name} ${r.kind ?? ''} ${r.model ?? ''} ${r.url}`;
}

/** The engines a panel's `/` filter keeps (all without one), the selection mapped into them. */
export function filteredEngines(s: EnginesState, filter: string): EnginesState {
	const kept = filterIndices(s.rows.length, i => engineText(s.rows[i]!), filter);
	if (kept === null) return s;
	return {...s, rows: kept.map(i => s.rows[i]!), selected: kept.indexOf(s.selected)};
}

/** `fields`: the selected engine's every figure, for Enter (see engine-fields.ts). */
export function engineList(panel: PanelId, fields?: ListAdapter['fields']): ListAdapter {
	return {
		fields,
		id: panel,
		mode: 'cursor',
		active: s => s.ui.focused === panel && s.ui.overlay === null,
		texts: s => s.engines.rows.map(engineText),
		position: s => s.engines.selected,
		moveTo: (store, index) => update(store, 'engines', s => (s.selected === index ? s : {...s, selected: index})),
	};
}

export function rowCommands(panel: PanelId, group: string): Command[] {
	const when = (s: {ui: {focused: PanelId}}) => s.ui.focused === panel;
	return [
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
