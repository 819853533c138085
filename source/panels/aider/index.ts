// Aider panel: embedded Aider sessions (or any command) in real terminal panes.

import type {PanelDef} from '../types.js';
import {AiderPanel} from './AiderPanel.js';
import {aiderCommands} from './commands.js';
import {aiderStatus} from './summary.js';

export const aiderPanel: PanelDef = {
	id: 'aider',
	title: 'Aider',
	Component: AiderPanel,
	// Without a session it shows two hints; a session's terminal wants all the room it can get.
	rows: state => (state.aider.sessions.length === 0 ? 2 + (state.aider.error ? 1 : 0) : undefined),
	commands: aiderCommands,
	badge: state => {
		const running = state.aider.sessions.filter(s => s.status === 'running').length;
		return state.aider.sessions.length ? `${running}/${state.aider.sessions.length}` : undefined;
	},
	status: aiderStatus,
};
