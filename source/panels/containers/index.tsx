// Containers panel (issue #5): the stack's containers by role with live stats, detail, logs and actions.

import type {PanelDef} from '../types.js';
import {ContainersPanel} from './ContainersPanel.js';
import {containersCommands} from './commands.js';
import {containersList, logsList} from './list.js';
import {containersRows} from './rows.js';
import {containersAlert, containersBadge, containersStatus} from './status.js';

export const containersPanel: PanelDef = {
	id: 'containers',
	title: 'Containers',
	Component: ContainersPanel,
	commands: containersCommands,
	lists: [containersList, logsList],
	rows: containersRows,
	badge: containersBadge,
	alert: containersAlert,
	status: containersStatus,
};
