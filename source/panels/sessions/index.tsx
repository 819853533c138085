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
	commands: sessionsCommands,
	lists: [sessionsList, eventsList],
	badge: sessionsBadge,
	alert: sessionsAlert,
	status: sessionsStatus,
};
