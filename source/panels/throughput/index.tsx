// Throughput panel: placeholder until its source exists (issue #4). It says so; it shows no made-up data.

import React from 'react';
import type {PanelDef} from '../types.js';
import {NotBuilt} from '../../ui/widgets/NotBuilt.js';

export const throughputPanel: PanelDef = {
	id: 'throughput',
	title: 'Throughput',
	Component: () => <NotBuilt what="Model-server metrics source" issue={4} />,
	commands: [],
};
