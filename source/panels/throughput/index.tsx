// Throughput panel: tokens per second per model server, with TTFT, queue and expected rate.

import {throughputList} from './list.js';
import type {PanelDef} from '../types.js';
import {engineList, rowCommands} from '../engines-common.js';
import {ThroughputPanel} from './ThroughputPanel.js';
import {throughputStatus} from './status.js';

import {throughputRows} from './rows.js';

export const throughputPanel: PanelDef = {
	id: 'throughput',
	title: 'Throughput',
	lists: [throughputList],
	Component: ThroughputPanel,
	rows: throughputRows,
	commands: rowCommands('throughput', 'Throughput'),
	badge: s => {
		const down = s.engines.rows.filter(r => r.state === 'unreachable').length;
		return s.engines.rows.length ? `${s.engines.rows.length - down}/${s.engines.rows.length}` : undefined;
	},
	alert: s => {
		const down = s.engines.rows.filter(r => r.state === 'unreachable');
		return down.length ? {count: down.length, level: 'error', text: `${down.map(r => r.name).join(', ')} down`} : undefined;
	},
	status: throughputStatus,
};
