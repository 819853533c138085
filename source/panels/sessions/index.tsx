// Sessions panel: OpenHands sessions, their events with the role each takes in the LLM request,
// and where a Mistral-serving engine would reject the conversation (issue #6).

import type {PanelDef} from '../types.js';
import {SessionsPanel} from './SessionsPanel.js';
import {sessionsCommands} from './commands.js';
import {eventsList, sessionsList} from './list.js';
import {sessionsAlert, sessionsBadge, sessionsStatus} from './status.js';

export const sessionsPanel: PanelDef = {
	id: 'sessions',
	title: 'Sessions',
	Component: SessionsPanel,
	// The list: state folder, header, every session, the selected one's two lines. Events want all.
	rows: state => {
		const s = state.sessions;
		if (s.view !== 'list') return undefined;
		return 2 + (s.error ? 1 : 0) + (s.sessions.length ? s.sessions.length + 2 : 1);
	},
	commands: sessionsCommands,
	lists: [sessionsList, eventsList],
	badge: sessionsBadge,
	alert: sessionsAlert,
	status: sessionsStatus,
};
