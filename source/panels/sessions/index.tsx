// Sessions panel: placeholder until its source exists (issue #6). It says so; it shows no made-up data.

import React from 'react';
import type {PanelDef} from '../types.js';
import {NotBuilt} from '../../ui/widgets/NotBuilt.js';

export const sessionsPanel: PanelDef = {
	id: 'sessions',
	title: 'Sessions',
	Component: () => <NotBuilt what="OpenHands session source" issue={6} />,
	commands: [],
};
