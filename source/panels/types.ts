// What a panel is: a view of store state at a given size (ui/panel-view.ts), the commands it adds to
// the registry, and the records it contributes to `stackdeck status`.

import type {Command} from '../commands/registry.js';
import type {ListAdapter} from '../commands/list.js';
import type {AppState} from '../store/index.js';
import type {PanelProps, PanelView} from '../ui/panel-view.js';

export type {PanelProps};
export type {PanelAlert} from '../ui/panel-view.js';

export interface StatusSection {
	title: string;
	/** Plain text for people. */
	lines: string[];
	/** The same records for `--json`. */
	data: unknown;
}

export interface PanelDef extends PanelView {
	commands: Command[];
	/** Its lists: the shared list keys (↑↓ PgUp PgDn Home End g G /) move whichever is active. */
	lists?: ListAdapter[];
	status?: (state: AppState) => StatusSection;
}
