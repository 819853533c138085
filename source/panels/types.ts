// What a panel is: a view of store state at a given size, the commands it adds to the registry,
// and the records it contributes to `stackdeck status`.

import type React from 'react';
import type {PanelId} from '../domain/panel-ids.js';
import type {Command} from '../commands/registry.js';
import type {ListAdapter} from '../commands/list.js';
import type {AppState} from '../store/index.js';

export interface PanelProps {
	/** Inner size: the frame's border is already taken off. Render no more than this. */
	width: number;
	height: number;
	focused: boolean;
}

export interface StatusSection {
	title: string;
	/** Plain text for people. */
	lines: string[];
	/** The same records for `--json`. */
	data: unknown;
}

export interface PanelDef {
	id: PanelId;
	title: string;
	Component: React.ComponentType<PanelProps>;
	commands: Command[];
	/** Its lists: the shared list keys (↑↓ PgUp PgDn Home End g G /) move whichever is active. */
	lists?: ListAdapter[];
	/** Short text after the title, e.g. a count of findings. */
	badge?: (state: AppState) => string | undefined;
	status?: (state: AppState) => StatusSection;
}
