// Doctor panel: placeholder until its source exists (no issue filed yet). It says so; it shows no made-up data.

import React from 'react';
import type {PanelDef} from '../types.js';
import {NotBuilt} from '../../ui/widgets/NotBuilt.js';

export const doctorPanel: PanelDef = {
	id: 'doctor',
	title: 'Doctor',
	Component: () => <NotBuilt what="Doctor checks" />,
	commands: [],
};
