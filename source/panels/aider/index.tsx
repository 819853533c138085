// Aider panel: placeholder until its source exists (issue #7). It says so; it shows no made-up data.

import React from 'react';
import type {PanelDef} from '../types.js';
import {NotBuilt} from '../../ui/widgets/NotBuilt.js';

export const aiderPanel: PanelDef = {
	id: 'aider',
	title: 'Aider',
	Component: () => <NotBuilt what="Aider terminal pane" issue={7} />,
	commands: [],
};
