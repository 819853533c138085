// The swap profiles the config describes, resolved against the configured engines: read by the
// contract source here and by the swap actions above.

import type {Config} from '../../config/schema.js';
import {resolveProfiles, type SwapProfile} from '../../domain/swap/profile.js';

export function swapProfiles(config: Config): {profiles: SwapProfile[]; errors: string[]} {
	return resolveProfiles(config.profiles, config.engines.list, {openhandsConfig: config.openhands.config_toml});
}
