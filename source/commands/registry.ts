// The one command registry: every key the cockpit reacts to is a command here, with an id, default
// keys, a description and a when-enabled test. The help overlay and the keybindings file are both
// generated from / validated against it.

import type {AppState, AppStore} from '../store/index.js';
import type {JobsService} from '../jobs/service.js';
import type {Services} from '../services/types.js';
import {validateKeyName} from './keys.js';
import {typedChar} from '../domain/text/field.js';

export interface CommandContext {
	store: AppStore;
	state: AppState;
	/** Runs the jobs that change the world (progress in the jobs slice, result as a notice). */
	jobs: JobsService;
	/** The key name that chose this command ("a", "space"): typing commands read it. */
	key?: string;
	/** Hosts, the Aider manager, benchmarks: built by the runtime, never reached through globals. */
	services: Services;
	/** Ask the app to exit (restores the terminal). */
	quit(code?: number): void;
	/** Every command as bound (the registry's): help lays out its sections from them. */
	commands?: readonly Command[];
}

export interface Command {
	/** Stable id used in keybindings.json, e.g. "containers.restart". */
	id: string;
	keys: string[];
	description: string;
	/** "Global" or the panel title, for grouping in help. */
	group: string;
	/** When false the key falls through to the next command with the same key. */
	when?: (state: AppState) => boolean;
	/** A text field's typing: takes every printable character (and space) besides its `keys`. */
	typing?: boolean;
	/** Changes the outside world: refused in read-only mode. */
	mutating?: boolean;
	run: (ctx: CommandContext) => void | Promise<void>;
}

export type KeyOverrides = Record<string, string[]>;

export interface Registry {
	commands: readonly Command[];
	/** The text field being typed for a printable key, else the first enabled command bound to `key`. */
	resolve(key: string, state: AppState): Command | undefined;
	keysFor(id: string): string[];
}

export class KeybindingError extends Error {}

/** Check a user override table against the registry; every problem is listed, not just the first. */
export function validateOverrides(commands: readonly Command[], overrides: KeyOverrides, file: string): void {
	const ids = new Set(commands.map(c => c.id));
	const problems: string[] = [];
	for (const [id, keys] of Object.entries(overrides)) {
		if (!ids.has(id)) {
			const near = [...ids].filter(x => x.split('.')[0] === id.split('.')[0]).slice(0, 4);
			problems.push(`unknown command "${id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
			continue;
		}
		if (!Array.isArray(keys) || keys.some(k => typeof k !== 'string')) {
			problems.push(`"${id}": expected a list of key names, e.g. ["r", "ctrl+r"]`);
			continue;
		}
		if (keys.length === 0 && id === 'app.quit') {
			problems.push(`"${id}": an empty list would leave no key to quit; give at least one, e.g. ["q"]`);
			continue;
		}
		for (const key of keys) {
			const why = validateKeyName(key);
			if (why) problems.push(`"${id}": ${why}`);
		}
	}
	if (problems.length > 0) {
		throw new KeybindingError(`${file}:\n  ${problems.join('\n  ')}`);
	}
}

export function createRegistry(commands: readonly Command[], overrides: KeyOverrides = {}): Registry {
	const bound: Command[] = commands.map(c => (overrides[c.id] ? {...c, keys: [...overrides[c.id]!]} : c));
	return {
		commands: bound,
		resolve(key, state) {
			const enabled = (c: Command) => (c.when ? c.when(state) : true);
			// A text field being typed takes every printable character first, whatever the order of
			// the list: a paste's "m" or "?" is text, not the swap window or help.
			const field = typedChar(key) !== null ? bound.find(c => c.typing === true && enabled(c)) : undefined;
			return field ?? bound.find(c => c.keys.includes(key) && enabled(c));
		},
		keysFor(id) {
			return bound.find(c => c.id === id)?.keys ?? [];
		},
	};
}
