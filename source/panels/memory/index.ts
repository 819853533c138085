import {memoryList} from './list.js';
import type {PanelDef} from '../types.js';
import {MemoryPanel} from './MemoryPanel.js';
import {memoryStatus} from './selectors.js';
import {engineMemoryLines, gpuLines} from './engine-lines.js';
import {currentMemory} from '../../store/slices/host.js';

export const memoryPanel: PanelDef = {
	id: 'memory',
	title: 'Memory',
	Component: MemoryPanel,
	lists: [memoryList],
	// The host figures (6 lines), then the Engines heading and its lines: the layout gives space by it.
	rows: s => {
		const extra = gpuLines(s.engines).length + engineMemoryLines(s.engines).length;
		return 6 + (extra ? extra + 1 : 0) + (currentMemory(s).error ? 1 : 0);
	},
	commands: [],
	status: memoryStatus,
};
