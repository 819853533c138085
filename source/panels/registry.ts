// The panels in tab order (digits 1-7). Each panel folder exports its definition.

import type {PanelDef} from './types.js';
import {containersPanel} from './containers/index.js';
import {throughputPanel} from './throughput/index.js';
import {memoryPanel} from './memory/index.js';
import {cachePanel} from './cache/index.js';
import {sessionsPanel} from './sessions/index.js';
import {aiderPanel} from './aider/index.js';
import {doctorPanel} from './doctor/index.js';

export const PANELS: readonly PanelDef[] = [
	containersPanel,
	throughputPanel,
	memoryPanel,
	cachePanel,
	sessionsPanel,
	aiderPanel,
	doctorPanel,
];

export function panelDef(id: string): PanelDef | undefined {
	return PANELS.find(p => p.id === id);
}
