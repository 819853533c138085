// Cache panel: placeholder until its source exists (issue #4). It says so; it shows no made-up data.

import React from 'react';
import type {PanelDef} from '../types.js';
import {NotBuilt} from '../../ui/widgets/NotBuilt.js';

export const cachePanel: PanelDef = {
	id: 'cache',
	title: 'Cache',
	Component: () => <NotBuilt what="Cache metrics source" issue={4} />,
	commands: [],
};
