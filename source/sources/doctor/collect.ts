// Gathers everything the Doctor's checks read (domain/doctor/facts.ts) in one pass: Docker, engines,
// files, memory, disks, Tor, git and Aider. Never throws: what could not be read is said in the fact.

import {homedir} from 'node:os';
import {join} from 'node:path';
import type {Config} from '../../config/schema.js';
import type {DoctorFacts, HostScope, PrivacyRequirements, ProfileFact} from '../../domain/doctor/facts.js';
import {collectDocker} from './collect-docker.js';
import {collectEngines, engineUrls} from './collect-engines.js';
import {diskFact, folderFact, memoryFact, pathFact, readFact} from './collect-files.js';
import {findRepos, repoFact} from './collect-git.js';
import type {DoctorIo} from './io.js';

export interface CollectOptions {
	/** Found by the Sessions panel, in the cockpit. */
	sessionsRejected?: {count: number; example: string} | null;
	/** The host memory file (the demo writes its own). */
	meminfoPath?: string;
	/** Only these containers count (one compose project's on a shared daemon). */
	onlyContainers?: (name: string) => boolean;
	/** A host after the first: only its Docker, engines, OpenHands files and memory (HOST_CHECKS' facts). */
	hostOnly?: boolean;
	/** A [[hosts]] entry's: its name, and whether its files can be read. */
	host?: HostScope | null;
	/** OpenHands' config.toml as a [[hosts]] entry names it (openhands_config). */
	openhandsConfig?: string;
}

const PROXY_NAMES = ['ALL_PROXY', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'PIP_INDEX_URL'];

function privacyOf(config: Config): PrivacyRequirements {
	return {
		tor: config.privacy.tor,
		socks: config.privacy.socks,
		gitName: config.privacy.git_name ?? null,
		gitEmail: config.privacy.git_email ?? null,
		normalizeTimezone: config.privacy.normalize_timezone,
	};
}

function profilesOf(config: Config): ProfileFact[] {
	return Object.entries(config.profiles).map(([name, p]) => ({name, served: p.served_model_name, memoryGb: p.memory_gb ?? null, engine: p.engine ?? null, container: p.container ?? null}));
}

export async function collectFacts(io: DoctorIo, config: Config, options: CollectOptions = {}): Promise<DoctorFacts> {
	const all = await collectDocker(io);
	const docker = all && options.onlyContainers ? {...all, containers: all.containers.filter(c => options.onlyContainers!(c.name))} : all;
	const engines = await collectEngines(engineUrls(config, docker));
	const containers = docker?.containers ?? [];
	const oh = containers.filter(c => c.role === 'openhands').sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running'))[0] ?? null;
	const stateMount = oh?.mounts.find(m => /^\/\.openhands(-state)?\/?$/.test(m.destination));
	const tomlMount = oh?.mounts.find(m => m.destination.endsWith('/config.toml'));
	const stateDir = config.openhands.state_dir ?? stateMount?.source ?? null;
	const tomlPath = options.openhandsConfig ?? config.openhands.config_toml ?? tomlMount?.source ?? (stateDir ? join(stateDir, 'config.toml') : null);
	const workspaceBase = oh?.env['WORKSPACE_BASE'] ?? null;

	const gitea = containers.find(c => c.role === 'gitea');
	const giteaData = gitea?.mounts.find(m => m.destination.replace(/\/$/, '') === '/data' && m.type === 'bind');
	const giteaIniPath = config.doctor.gitea_app_ini ?? (giteaData ? join(giteaData.source, 'gitea', 'conf', 'app.ini') : null);

	const projectDirs = config.doctor.project_dirs.length > 0 ? config.doctor.project_dirs : workspaceBase ? [workspaceBase] : [];
	const hostOnly = options.hostOnly === true;
	const repos = hostOnly ? [] : await findRepos(projectDirs);
	const needGit = Boolean(config.privacy.git_name || config.privacy.git_email || config.privacy.normalize_timezone);

	const [host, port] = [config.privacy.socks.slice(0, config.privacy.socks.lastIndexOf(':')), Number(config.privacy.socks.split(':').pop())];
	const torWanted = config.privacy.tor || containers.some(c => c.role === 'tor');
	const socks = torWanted && !hostOnly
		? await io.socksHello(host, port).then(
				reply => ({address: config.privacy.socks, reply, error: null}),
				(error: Error) => ({address: config.privacy.socks, reply: null, error: error.message}),
			)
		: null;

	const aiderConf = config.doctor.aider_conf ?? join(io.home || homedir(), '.aider.conf.yml');
	const aiderVersion = hostOnly ? {stdout: '', code: 127} : await io.run(config.aider.command, [...config.aider.command_args, '--version'], {timeoutMs: 10_000});
	const versionLine = aiderVersion.stdout.split('\n').find(l => /\d+\.\d+/.test(l))?.trim() ?? null;

	const disks = hostOnly ? [] : [await diskFact(io, 'Docker data', docker?.rootDir ?? '/var/lib/docker').then(d => (d.error ? diskFact(io, 'Docker data (/var)', '/var') : d))];
	if (stateDir && !hostOnly) disks.push(await diskFact(io, 'OpenHands state', stateDir));
	const folderPaths = hostOnly ? [] : [...new Set([...config.cache.dirs, ...(stateDir ? [join(stateDir, 'logs')] : [])])];

	const proxyEnv: Record<string, string> = {};
	for (const name of PROXY_NAMES) for (const v of [name, name.toLowerCase()]) if (io.env[v]) proxyEnv[v] = io.env[v]!;

	return {
		at: Date.now(),
		host: options.host ?? null,
		docker,
		openhandsConfig: tomlPath ? await readFact(io, tomlPath) : null,
		openhandsContainer: oh?.name ?? null,
		stateDir: stateDir ? await pathFact(io, stateDir) : null,
		workspace: workspaceBase ? await pathFact(io, workspaceBase) : null,
		engines,
		profiles: profilesOf(config),
		memory: await memoryFact(io, options.meminfoPath ?? '/proc/meminfo'),
		disks,
		folders: await Promise.all(folderPaths.map(folderFact)).then(list => list.filter(f => f.error === null)),
		warnFolderBytes: config.cache.warn_gb * 1024 ** 3,
		privacy: privacyOf(config),
		socks,
		proxyEnv,
		giteaIni: giteaIniPath && !hostOnly ? await readFact(io, giteaIniPath) : null,
		repos: needGit ? await Promise.all(repos.map(r => repoFact(io, r))) : [],
		projectPaths: [...projectDirs, ...repos, ...(config.aider.default_repo ? [config.aider.default_repo] : [])],
		aider: {
			command: config.aider.command,
			version: aiderVersion.code === 0 ? versionLine : null,
			error: aiderVersion.code === 0 ? null : aiderVersion.code === 127 ? `${config.aider.command}: not found` : `exit ${aiderVersion.code}`,
			conf: hostOnly ? null : await readFact(io, aiderConf),
		},
		sessionsRejected: options.sessionsRejected ?? null,
	};
}
