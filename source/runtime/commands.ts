// Every command: panel commands first (they are more specific), then the global ones, except zoom.
import {PANELS} from '../panels/registry.js';
import {globalCommands} from '../commands/global.js';
import type {Command} from '../commands/registry.js';

export function allCommands(): Command[] {
	const global = globalCommands(PANELS);
	// In a grid, Enter first zooms the focused panel; only then do the panel's own Enter keys apply.
	const zoom = global.filter(c => c.id === 'panel.zoom');
	return [...zoom, ...PANELS.flatMap(p => p.commands), ...global.filter(c => c.id !== 'panel.zoom')];
}
