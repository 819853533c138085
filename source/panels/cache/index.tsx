// Cache panel: prefix-cache hit rates, radix/KV usage, cache folder sizes; `f` flushes SGLang's cache.

import {cacheList} from './list.js';
import type {PanelDef} from '../types.js';
import type {Command} from '../../commands/registry.js';
import {engineList, rowCommands, scopedEngines} from '../engines-common.js';
import {hostScope} from '../../store/slices/host.js';
import {update} from '../../store/index.js';
import {selectedShown} from '../engines-common.js';
import {showNotice} from '../../store/slices/ui.js';
import {flushJob} from '../../actions/flush-cache.js';
import {CachePanel} from './CachePanel.js';
import {cacheStatus} from './status.js';
import {cacheLines} from './lines.js';

const flush: Command = {
	id: 'cache.flush',
	keys: ['f'],
	description: 'Flush the selected SGLang engine’s prefix cache (asks first)',
	group: 'Cache',
	mutating: true,
	when: s => s.ui.focused === 'cache',
	run: ({store, state, jobs}) => {
		const row = selectedShown(state);
		if (!row || row.kind !== 'sglang') {
			update(store, 'ui', ui => showNotice(ui, `flush: select an SGLang engine (${row ? `${row.name} is ${row.kind ?? 'unidentified'}` : 'none found'})`, 'warn'));
			return;
		}
		jobs.confirm(flushJob(row), {title: `Flush ${row.name}'s prefix cache?`});
	},
};

export const cachePanel: PanelDef = {
	id: 'cache',
	title: 'Cache',
	lists: [cacheList],
	Component: CachePanel,
	// Every engine line and every folder: the layout gives space by it.
	rows: (s, width) => cacheLines(scopedEngines(s.engines, hostScope(s)), width, hostScope(s)).length,
	commands: [...rowCommands('cache', 'Cache').filter(c => c.id !== 'cache.bench'), flush],
	badge: s => {
		const over = s.engines.disk.filter(d => d.bytes !== null && d.bytes >= s.engines.warnBytes).length;
		return over ? `${over} over` : undefined;
	},
	status: cacheStatus,
};
