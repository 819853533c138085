// Rows the container list has to show (the layout gives space by it): the header, every container
// and its group heading, the connection banner and the filter line. Detail and logs want all.

import type {AppState} from '../../store/index.js';
import {listState} from '../../store/slices/lists.js';
import {linkOf} from '../../store/slices/containers.js';
import {hostScope} from '../../store/slices/host.js';
import {groupTitle, orderedContainers} from './list.js';

export function containersRows(state: AppState): number | undefined {
	const s = state.containers;
	if (s.view !== 'list') return undefined;
	const rows = orderedContainers(s, hostScope(state));
	const groups = new Set(rows.map(groupTitle)).size;
	const {connection} = linkOf(s, state.host.current);
	const banner = connection === 'down' ? 4 : connection === 'up' ? 0 : 1;
	const {filter, editing} = listState(state.lists, 'containers');
	return banner + 1 + Math.max(1, rows.length + groups) + (filter || editing ? 1 : 0);
}
