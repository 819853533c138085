// Finds the OpenHands state folder (config, then the OpenHands container's mount, then the default
// locations) and its config.toml, and reads `[agent] enable_prompt_extensions` from it.

import {existsSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {MAX_CONFIG_BYTES} from '../../config/load.js';
import {readRegularTextSync} from '../../fs/read-regular.js';
import {PROMPT_EXTENSIONS_DEFAULT, promptExtensionsIn} from '../../domain/openhands/prompt-extensions.js';

export interface StateDirInputs {
	configStateDir?: string | undefined;
	configToml?: string | undefined;
	mountedStateDir?: string | null;
	mountedConfigToml?: string | null;
	home?: string;
}

export interface StateDirFound {
	dir: string | null;
	origin: string | null;
	tried: string[];
	configToml: string | null;
	promptExtensions: boolean;
	promptExtensionsFrom: string;
}

function isDir(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

function expand(p: string, home: string): string {
	return p === '~' ? home : p.startsWith('~/') ? path.join(home, p.slice(2)) : path.resolve(p);
}

/** Where OpenHands V1 keeps conversations under its persistence folder (app server; agent server and CLI). */
const V1_FOLDERS = [path.join('v1', 'events'), 'conversations'];

export function defaultStateDirs(home: string): string[] {
	return [path.join(home, '.openhands'), path.join(home, '.openhands-state'), '/data/openhands-state', '/.openhands-state'];
}

export function findStateDir(inputs: StateDirInputs): StateDirFound {
	const home = inputs.home ?? os.homedir();
	const candidates: Array<{dir: string; origin: string}> = [];
	if (inputs.configStateDir) candidates.push({dir: expand(inputs.configStateDir, home), origin: 'config [openhands] state_dir'});
	if (inputs.mountedStateDir) candidates.push({dir: inputs.mountedStateDir, origin: 'OpenHands container mount'});
	for (const dir of defaultStateDirs(home)) candidates.push({dir, origin: 'default location'});
	const tried: string[] = [];
	let found: {dir: string; origin: string} | null = null;
	for (const c of candidates) {
		tried.push(c.dir);
		// A configured folder is used even before OpenHands creates sessions/ in it.
		if (isDir(path.join(c.dir, 'sessions')) || (c.origin !== 'default location' && isDir(c.dir))) {
			found = c;
			break;
		}
	}
	// No V0 sessions anywhere: a default place with only V1 conversations, so the panel can say they
	// are there and not checked (a V0 folder further down the list wins over a V1 CLI's ~/.openhands).
	found ??= candidates.find(c => c.origin === 'default location' && V1_FOLDERS.some(sub => isDir(path.join(c.dir, sub)))) ?? null;
	const tomlCandidates = [
		inputs.configToml ? expand(inputs.configToml, home) : null,
		inputs.mountedConfigToml ?? null,
		found ? path.join(found.dir, 'config.toml') : null,
	].filter((p): p is string => p !== null);
	const configToml = tomlCandidates.find(p => existsSync(p)) ?? tomlCandidates[0] ?? null;
	let promptExtensions = PROMPT_EXTENSIONS_DEFAULT;
	let promptExtensionsFrom = 'OpenHands default';
	if (configToml && existsSync(configToml)) {
		try {
			const read = readRegularTextSync(configToml, MAX_CONFIG_BYTES);
			const value = read.ok ? promptExtensionsIn(read.text) : null;
			if (value !== null) {
				promptExtensions = value;
				promptExtensionsFrom = configToml;
			}
		} catch {
			// Unreadable config: keep the OpenHands default; the fix action reports the read error.
		}
	}
	return {dir: found?.dir ?? null, origin: found?.origin ?? null, tried, configToml, promptExtensions, promptExtensionsFrom};
}
