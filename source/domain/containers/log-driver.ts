// Log driver checks: a json-file (or local-less) driver without max-size grows until the disk is full,
// the incident the seed stack's compose file was changed for.

import type {LogConfigCheck} from './types.js';

export function checkLogConfig(type: string | null | undefined, config: Record<string, string> | null | undefined): LogConfigCheck {
	const driver = type || 'json-file';
	const maxSize = config?.['max-size'] ?? null;
	const maxFile = config?.['max-file'] ?? null;
	let warning: string | null = null;
	if (driver === 'json-file' && !maxSize) {
		warning = 'json-file log without max-size grows until the disk is full: add logging.options.max-size (e.g. "10m") and max-file';
	}
	return {driver, maxSize, maxFile, warning};
}
