// Every command: panel commands first (they are more specific), then the global ones.
import {PANELS} from '../panels/registry.js';
import {globalCommands} from './global.js';
import type {Command} from './registry.js';

export function allCommands(): Command[] {
	return [...PANELS.flatMap(p => p.commands), ...globalCommands(PANELS)];
}
