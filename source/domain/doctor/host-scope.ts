// A check's input that a [[hosts]] entry does not name, or a host whose files cannot be read: said
// as "not configured for HOST" with the key to set, never read as a pass or blamed on [openhands].

import {unknown} from './result.js';
import type {DoctorFacts} from './facts.js';
import type {CheckResult} from './types.js';

type Answer = Omit<CheckResult, 'id' | 'title' | 'group'>;

/**
 * For a [[hosts]] entry's facts: `what` is missing (or its files are out of reach), with the entry's
 * key that names it. Null on this machine's host, whose checks keep their own wording.
 */
export function notConfigured(facts: DoctorFacts, what: string, key: string): Answer | null {
	const host = facts.host;
	if (!host) return null;
	if (!host.files) return unknown(`not configured for ${host.name}: ${what} is on that host and it has no ssh to read files there`, `set ssh = "user@host" in the [[hosts]] entry named "${host.name}"`);
	return unknown(`not configured for ${host.name}: no ${what}`, `set ${key} in the [[hosts]] entry named "${host.name}"`);
}

/** True when the host's files cannot be read at all (a tcp:// host without ssh). */
export function filesOutOfReach(facts: DoctorFacts): boolean {
	return facts.host?.files === false;
}

/** The one finding for a host that could not be reached: its checks did not run, so none of them passes. */
export function unreachableResult(host: string, reason: string): CheckResult {
	return {
		id: `${host}/host.reachable`,
		title: 'Host reachable',
		group: 'Host',
		status: 'fail',
		summary: `${host} is unreachable (${reason}): none of its checks ran`,
		evidence: [],
		fix: `check that ${host} is up and reachable with the ssh or docker_host its [[hosts]] entry names, then run the Doctor again`,
		autofix: null,
		hostId: host,
	};
}
