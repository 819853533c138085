// Containers panel: placeholder until its source exists (issue #5). It says so; it shows no made-up data.

import React from 'react';
import type {PanelDef} from '../types.js';
import {NotBuilt} from '../../ui/widgets/NotBuilt.js';

export const containersPanel: PanelDef = {
	id: 'containers',
	title: 'Containers',
	Component: () => <NotBuilt what="Docker source" issue={5} />,
	commands: [],
};
