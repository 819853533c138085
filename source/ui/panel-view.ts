// What the frame needs to draw a panel: its id, title, view and badge. Panels provide these (and more:
// commands, status) as a PanelDef; the runtime hands the list to the UI through the cockpit context.

import type React from 'react';
import type {PanelId} from '../domain/panel-ids.js';
import type {AppState} from '../store/index.js';

export interface PanelProps {
	/** Inner size: the frame's border is already taken off. Render no more than this. */
	width: number;
	height: number;
	focused: boolean;
}

export interface PanelView {
	id: PanelId;
	title: string;
	Component: React.ComponentType<PanelProps>;
	/**
	 * Rows of content the panel has to show now, at this inner width (borders excluded): the layout
	 * gives space by it. Undefined: as many as it can get (a log, a terminal, a long detail).
	 */
	rows?: (state: AppState, width: number) => number | undefined;
	/** Short text after the title, e.g. a count of findings. */
	badge?: (state: AppState) => string | undefined;
	/** Something here needs the user (an engine down, a finding, a failed check): marked on the tab strip. */
	alert?: (state: AppState) => PanelAlert | undefined;
}

export interface PanelAlert {
	/** How many things need attention. */
	count: number;
	level: 'warn' | 'error';
	/** Says what, for the notice when it first appears ("sglang down"). */
	text: string;
}
