// Shared pieces of the engine panels: row state text ("unreachable since 12:03:07 (ECONNREFUSED)"),
// the engine list each panel moves with the shared list keys, and bench.

import type {Command} from '../commands/registry.js';
import type {PanelId} from '../domain/panel-ids.js';
import {formatClock} from '../domain/format.js';
import {update} from '../store/index.js';
import {selectedRow, type EngineRow, type EnginesState} from '../store/slices/engines.js';
import {filterIndices} from '../domain/list/filter.js';
import type {ListAdapter} from '../commands/list.js';
import type {AppState} from '../store/index.js';
import {hostScope, inScope, type HostScope} from '../store/slices/host.js';

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

/**
 * The engines of the hosts a layout shows (hostScope), the selection mapped into them (-1 when the
 * selected engine is another host's); `at` maps back to the slice's indices.
 */
export function scopedEngines(s: EnginesState, scope: HostScope): EnginesState & {at: number[]} {
	if (scope.only === null) return {...s, at: s.rows.map((_, i) => i)};
	const at = s.rows.flatMap((r, i) => (inScope(scope, r.hostId) ? [i] : []));
	return {...s, rows: at.map(i => s.rows[i]!), selected: at.indexOf(s.selected), at};
}

/** The selected engine, when it is on screen (of a shown host). */
export function selectedShown(state: AppState): EngineRow | undefined {
	const shown = scopedEngines(state.engines, hostScope(state));
	return shown.selected < 0 ? undefined : selectedRow(shown);
}

/** `fields`: the selected engine's every figure, for Enter (see engine-fields.ts). */
export function engineList(panel: PanelId, fields?: ListAdapter['fields']): ListAdapter {
	return {
		fields,
		id: panel,
		mode: 'cursor',
		active: s => s.ui.focused === panel && s.ui.overlay === null,
		texts: s => scopedEngines(s.engines, hostScope(s)).rows.map(engineText),
		position: s => Math.max(0, scopedEngines(s.engines, hostScope(s)).selected),
		moveTo: (store, index) => {
			const global = scopedEngines(store.getState().engines, hostScope(store.getState())).at[index];
			if (global !== undefined) update(store, 'engines', s => (s.selected === global ? s : {...s, selected: global}));
		},
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
				const row = selectedShown(state);
				if (row) services.bench.start(row);
			},
		},
	];
}
