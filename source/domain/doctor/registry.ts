// Every Doctor check, in the order the panel groups them, and the one function that runs them.

import {baseUrl, modelServed} from './checks/openhands-llm.js';
import {promptExtensions, stateWritable, versions, workspacePath} from './checks/openhands-setup.js';
import {imagesArch, imagesPinned, logRotation, socketMount} from './checks/docker.js';
import {engineVersions, memoryFit} from './checks/engines-memory.js';
import {gitIdentity, giteaWebhookOnion, proxyEnv, torSocks} from './checks/privacy.js';
import {aiderConfig, pathSpaces} from './checks/workstation.js';
import type {DoctorFacts} from './facts.js';
import {STATUS_ORDER, type Check, type CheckResult} from './types.js';

export const CHECKS: readonly Check[] = [
	modelServed,
	baseUrl,
	promptExtensions,
	workspacePath,
	stateWritable,
	versions,
	socketMount,
	logRotation,
	imagesPinned,
	imagesArch,
	engineVersions,
	memoryFit,
	torSocks,
	proxyEnv,
	giteaWebhookOnion,
	gitIdentity,
	pathSpaces,
	aiderConfig,
];

/**
 * The checks that read a host's Docker, engines, memory and OpenHands files, run on every host after
 * the first (whose Doctor runs them all). Privacy, Aider, git and paths belong to the machine the
 * cockpit and Aider run on: they stay on the first host.
 */
export const HOST_CHECKS: readonly Check[] = [modelServed, baseUrl, promptExtensions, workspacePath, stateWritable, versions, socketMount, logRotation, imagesPinned, imagesArch, engineVersions, memoryFit];

/** Every check over the facts, worst first (registry order within a status). A check that throws is `unknown`. */
export function runChecks(facts: DoctorFacts, checks: readonly Check[] = CHECKS): CheckResult[] {
	const results = checks.map((check, index): CheckResult & {index: number} => {
		try {
			return {id: check.id, title: check.title, group: check.group, ...check.run(facts), index};
		} catch (error) {
			return {id: check.id, title: check.title, group: check.group, status: 'unknown', summary: `the check failed: ${(error as Error).message}`, evidence: [], fix: null, autofix: null, index};
		}
	});
	return results.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.index - b.index).map(({index: _index, ...r}) => r);
}
