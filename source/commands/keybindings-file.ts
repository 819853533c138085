// The user's keybindings file: keybindings.json beside config.toml, mapping command ids to keys,
// e.g. {"app.quit": ["q", "x"]}. Validated against the command registry.

import {readRegularTextSync} from '../fs/read-regular.js';
import path from 'node:path';
import {KeybindingError, validateOverrides, type Command, type KeyOverrides} from './registry.js';

export function keybindingsPath(configFile: string): string {
	return path.join(path.dirname(configFile), 'keybindings.json');
}

export function loadKeybindings(file: string, commands: readonly Command[]): KeyOverrides {
	const read = readRegularTextSync(file, 256 * 1024);
	if (!read.ok) {
		if (read.kind === 'missing') return {};
		throw new KeybindingError(read.error);
	}
	const text = read.text;
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		throw new KeybindingError(`${file}: not valid JSON: ${(error as Error).message}`);
	}
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new KeybindingError(`${file}: expected an object of command id -> list of keys, e.g. {"app.quit": ["q"]}`);
	}
	const overrides = raw as KeyOverrides;
	validateOverrides(commands, overrides, file);
	return overrides;
}
