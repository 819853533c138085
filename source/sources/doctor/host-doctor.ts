// One host's Doctor run, the same for the cockpit's panel and `stackdeck doctor`: that host's io
// (this machine's for the implicit host, the Host's own files for a [[hosts]] entry), its facts,
// and the checks that belong to it. A host reached over ssh that does not answer is one failure
// saying so, not a list of checks that could not run. A fix that would write a file on another
// host is not offered as an automatic fix: the finding carries the commands to run there instead.

import type {Config} from '../../config/schema.js';
import {entrySshCommand, hostConfig} from '../../config/host-config.js';
import type {HostEntry} from '../../config/sections/hosts.js';
import type {DoctorFacts, HostScope} from '../../domain/doctor/facts.js';
import {unreachableResult} from '../../domain/doctor/host-scope.js';
import type {CheckResult} from '../../domain/doctor/types.js';
import {shellWord} from '../../hosts/ssh/ssh-host.js';
import {LOCAL_HOST_ID, type Host} from '../../hosts/host.js';
import {collectFacts, type CollectOptions} from './collect.js';
import {createHostIo} from './host-io.js';
import type {DoctorIo} from './io.js';
import {openLocalIo} from './local-io.js';

/** How long an ssh host may take to run `true` before it counts as unreachable. */
const REACH_TIMEOUT_MS = 15_000;

export interface HostDoctorRun {
	/** Null when the host could not be reached. */
	facts: DoctorFacts | null;
	results: CheckResult[];
}

/** The config a host's Doctor reads: its [[hosts]] entry's engines, Docker, memory and state folder. */
export function doctorConfig(config: Config, host: Host): {config: Config; entry: HostEntry | undefined} {
	const entry = config.hosts.find(h => h.name === host.id);
	return {config: entry ? hostConfig(config, entry) : config, entry};
}

/** Its files are readable: over ssh, or this machine's for a unix:// daemon here. */
function filesReachable(entry: HostEntry): boolean {
	const scheme = entry.docker_host?.trim().split('://')[0]?.toLowerCase();
	return Boolean(entry.ssh) || scheme === 'ssh' || scheme === 'unix';
}

export function doctorIo(host: Host, config: Config, env: NodeJS.ProcessEnv): DoctorIo {
	return host.id === LOCAL_HOST_ID ? openLocalIo(host, config, env) : createHostIo(host, config);
}

/** Why an ssh host does not answer a command, or null when it does. */
async function unreachable(host: Host): Promise<string | null> {
	if (host.kind !== 'ssh') return null;
	try {
		await host.exec('true', [], {timeoutMs: REACH_TIMEOUT_MS});
		return null;
	} catch (error) {
		return (error as Error).message;
	}
}

/** The commands that apply a file fix on the host itself, from this machine. */
function commandsThere(entry: HostEntry | undefined, facts: DoctorFacts): string[] {
	const ssh = entry ? entrySshCommand(entry) : null;
	const file = facts.openhandsConfig?.path;
	const out: string[] = [];
	if (file) out.push(ssh ? `${ssh.replace(/^ssh /, 'ssh -t ')} vi ${shellWord(file)}` : `vi ${shellWord(file)} (on that host)`);
	if (facts.openhandsContainer) out.push(entry?.docker_host ? `docker -H ${shellWord(entry.docker_host)} restart ${shellWord(facts.openhandsContainer)}` : `docker restart ${shellWord(facts.openhandsContainer)} (on that host)`);
	return out;
}

export interface HostDoctorOptions extends Pick<CollectOptions, 'sessionsRejected' | 'onlyContainers'> {
	/** The first host runs every check; the others HOST_CHECKS, their ids prefixed "host/". */
	first: boolean;
	meminfoPath: string;
}

export async function runHostDoctor(host: Host, io: DoctorIo, config: Config, entry: HostEntry | undefined, options: HostDoctorOptions): Promise<HostDoctorRun> {
	const down = await unreachable(host);
	if (down !== null) return {facts: null, results: [unreachableResult(host.id, down)]};
	const scope: HostScope | null = entry ? {name: host.id, files: filesReachable(entry)} : null;
	const facts = await collectFacts(io, config, {
		meminfoPath: options.meminfoPath,
		hostOnly: !options.first,
		host: scope,
		...(entry?.openhands_config ? {openhandsConfig: entry.openhands_config} : {}),
		...(options.sessionsRejected !== undefined ? {sessionsRejected: options.sessionsRejected} : {}),
		...(options.onlyContainers ? {onlyContainers: options.onlyContainers} : {}),
	});
	// The automatic fixes write this machine's files: only for the first host's, when they are here.
	const here = options.first && host.kind !== 'ssh';
	// The checks (and the YAML parser Aider's config needs) load with the first run, after the first frame.
	const {CHECKS, HOST_CHECKS, runChecks} = await import('../../domain/doctor/registry.js');
	const results = runChecks(facts, options.first ? CHECKS : HOST_CHECKS).map(r => {
		const named = {...r, id: options.first ? r.id : `${host.id}/${r.id}`, hostId: host.id};
		if (!r.autofix || here) return named;
		return {...named, autofix: null, applyOn: {host: host.id, commands: commandsThere(entry, facts)}};
	});
	return {facts, results};
}
