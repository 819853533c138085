import type {PanelDef} from '../types.js';
import {MemoryPanel} from './MemoryPanel.js';
import {memoryStatus} from './selectors.js';

export const memoryPanel: PanelDef = {
	id: 'memory',
	title: 'Memory',
	Component: MemoryPanel,
	commands: [],
	status: memoryStatus,
};
