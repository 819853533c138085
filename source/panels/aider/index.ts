// Aider panel: embedded Aider sessions (or any command) in real terminal panes.

import type {PanelDef} from '../types.js';
import {AiderPanel} from './AiderPanel.js';
import {aiderCommands} from './commands.js';
import {aiderStatus} from './summary.js';

export const aiderPanel: PanelDef = {
	id: 'aider',
	title: 'Aider',
	Component: AiderPanel,
	commands: aiderCommands,
	badge: state => {
		const running = state.aider.sessions.filter(s => s.status === 'running').length;
		return state.aider.sessions.length ? `${running}/${state.aider.sessions.length}` : undefined;
	},
	status: aiderStatus,
};
