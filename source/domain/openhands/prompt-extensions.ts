// `[agent] enable_prompt_extensions` as an OpenHands config.toml sets it. Pure: the caller reads the file.

import {readTomlValue} from '../text/toml-edit.js';

/** What OpenHands does when the key is not set. */
export const PROMPT_EXTENSIONS_DEFAULT = true;

/** The value the text sets, or null when it sets none (no such key, not a boolean, not TOML). */
export function promptExtensionsIn(text: string): boolean | null {
	const value = readTomlValue(text, 'agent', 'enable_prompt_extensions');
	return value === 'true' ? true : value === 'false' ? false : null;
}
