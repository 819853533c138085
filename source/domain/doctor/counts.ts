// Tallies of check results, for the Doctor panel, its tab and `stackdeck doctor`'s exit code: apart
// from the registry, so what only counts results does not load every check (and their parsers).

import type {CheckResult, CheckStatus} from './types.js';

export function countByStatus(results: readonly CheckResult[]): Record<CheckStatus, number> {
	const counts: Record<CheckStatus, number> = {fail: 0, warn: 0, unknown: 0, ok: 0};
	for (const r of results) counts[r.status]++;
	return counts;
}

/** `stackdeck doctor`'s exit code: 0 all ok, 1 any warn or fail. (2, could not run, is the command's.) */
export function doctorExitCode(results: readonly CheckResult[]): 0 | 1 {
	return results.some(r => r.status === 'warn' || r.status === 'fail') ? 1 : 0;
}
