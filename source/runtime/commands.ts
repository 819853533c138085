// Every command, in the order keys are matched: the running job's cancel, the list keys (for the
// list on screen), zoom, panel commands (more specific), then the global ones.
import {PANELS} from '../panels/registry.js';
import {globalCommands} from '../commands/global.js';
import {jobCommands} from '../commands/jobs.js';
import {listCommands, typingInList, type ListAdapter} from '../commands/list.js';
import {overlayLists} from '../commands/overlay-lists.js';
import {swapCommands, type SwapKeysTarget} from '../commands/swap.js';
import type {AppState} from '../store/index.js';
import type {Command} from '../commands/registry.js';

export function allCommands(): Command[] {
	const global = globalCommands(PANELS);
	// In a grid, Enter first zooms the focused panel; only then do the panel's own Enter keys apply.
	const zoom = global.filter(c => c.id === 'panel.zoom');
	const lists: ListAdapter[] = [...overlayLists(() => every), ...PANELS.flatMap(p => p.lists ?? [])];
	const typing = (s: AppState) => typingInList(lists, s);
	const every: Command[] = [
		...jobCommands(typing),
		...listCommands(lists),
		...zoom,
		...PANELS.flatMap(p => p.commands),
		...global.filter(c => c.id !== 'panel.zoom'),
	];
	return every;
}

/** The registry's commands as the cockpit binds them: the swap keys first (inside the `m` window
 * they take Enter, arrows and Esc), then every other command. */
export function cockpitCommands(swap: SwapKeysTarget): Command[] {
	return [...swapCommands(swap), ...allCommands()];
}
