// A healthy box as the Doctor's collector would report it, for the check tests to break one thing at a time.

import type {ContainerFact, DoctorFacts, EngineFact} from '../../source/domain/doctor/facts.js';

export function container(over: Partial<ContainerFact> = {}): ContainerFact {
	return {
		name: 'openhands',
		image: 'docker.openhands.dev/openhands/openhands:0.48',
		state: 'running',
		role: 'openhands',
		imageArch: 'arm64',
		env: {
			LLM_MODEL: 'openai/mistral-small-4',
			LLM_BASE_URL: 'http://host.docker.internal:30000/v1',
			LLM_API_KEY: 'sk-local-secret-value-1234',
			WORKSPACE_BASE: '/data/projects',
			SANDBOX_RUNTIME_CONTAINER_IMAGE: 'docker.openhands.dev/openhands/runtime:0.48-nikolaik',
		},
		mounts: [
			{source: '/data/projects', destination: '/opt/workspace_base', readOnly: false, type: 'bind'},
			{source: '/data/openhands-state', destination: '/.openhands-state', readOnly: false, type: 'bind'},
			{source: '/data/openhands-state/config.toml', destination: '/app/config.toml', readOnly: true, type: 'bind'},
		],
		extraHosts: ['host.docker.internal:host-gateway'],
		networkMode: 'bridge',
		logDriver: 'json-file',
		logOptions: {'max-size': '10m', 'max-file': '3'},
		ports: [{container: 3000, host: 3001}],
		...over,
	};
}

export function engine(over: Partial<EngineFact> = {}): EngineFact {
	return {url: 'http://127.0.0.1:30000', kind: 'sglang', error: null, served: ['mistral-small-4'], version: '0.5.4', toolCallParser: 'mistral', metricsEnabled: true, ...over};
}

export const CONFIG_TOML = `[core]
workspace_base = "/data/projects"

[llm]
model = "openai/mistral-small-4"
base_url = "http://host.docker.internal:30000/v1"
native_tool_calling = true

[agent]
enable_prompt_extensions = false
`;

const GB = 1024 ** 3;

export function healthy(over: Partial<DoctorFacts> = {}): DoctorFacts {
	return {
		at: 0,
		docker: {
			endpoint: 'unix:///var/run/docker.sock',
			error: null,
			arch: 'arm64',
			defaultLogDriver: 'json-file',
			httpProxy: '',
			httpsProxy: '',
			rootDir: '/var/lib/docker',
			containers: [
				container(),
				container({name: 'sglang', image: 'lmsysorg/sglang:v0.5.4', role: 'sglang', env: {}, mounts: [], extraHosts: [], ports: [{container: 30000, host: 30000}]}),
			],
		},
		openhandsConfig: {path: '/data/openhands-state/config.toml', text: CONFIG_TOML, error: null},
		openhandsContainer: 'openhands',
		stateDir: {path: '/data/openhands-state', error: null, exists: true, symlink: null, uid: 1000, gid: 1000, mode: 0o40755},
		workspace: {path: '/data/projects', error: null, exists: true, symlink: null, uid: 1000, gid: 1000, mode: 0o40755},
		engines: [engine()],
		profiles: [{name: 'mistral-small-4', served: 'mistral-small-4', memoryGb: 70, engine: 'sglang', container: 'sglang'}],
		memory: {path: '/proc/meminfo', error: null, totalBytes: 128 * GB, availableBytes: 50 * GB, cachedBytes: 4 * GB, swapUsedBytes: 0},
		disks: [{label: 'Docker data', path: '/var/lib/docker', error: null, freeBytes: 500 * GB, totalBytes: 1000 * GB}],
		folders: [{path: '/data/openhands-state/logs', error: null, bytes: 100 * 1024 ** 2, partial: false}],
		warnFolderBytes: 2 * GB,
		privacy: {tor: false, socks: '127.0.0.1:9050', gitName: null, gitEmail: null, normalizeTimezone: false},
		socks: null,
		proxyEnv: {},
		giteaIni: null,
		repos: [],
		projectPaths: ['/data/projects', '/data/projects/app'],
		aider: {command: 'aider', version: 'aider 0.86.1', error: null, conf: {path: '/home/me/.aider.conf.yml', text: 'model: openai/mistral-small-4\nopenai-api-base: http://127.0.0.1:30000/v1\n', error: null}},
		sessionsRejected: null,
		...over,
	};
}

/** A private box: Tor everywhere, with every privacy setting right. */
export function privateBox(over: Partial<DoctorFacts> = {}): DoctorFacts {
	const base = healthy();
	return {
		...base,
		docker: {
			...base.docker!,
			httpsProxy: 'socks5://127.0.0.1:9050',
			containers: [
				...base.docker!.containers,
				container({name: 'tor', image: 'goldy/tor-hidden-service:0.4.8.12', role: 'tor', env: {GITEA_TOR_SERVICE_HOSTS: '80:gitea:3000'}, mounts: [], extraHosts: [], ports: []}),
				container({name: 'gitea', image: 'gitea/gitea:1.24.5', role: 'gitea', env: {}, mounts: [{source: '/data/gitea', destination: '/data', readOnly: false, type: 'bind'}], extraHosts: [], ports: [{container: 3000, host: 3000}]}),
			],
		},
		privacy: {tor: true, socks: '127.0.0.1:9050', gitName: 'anon', gitEmail: 'anon@example.invalid', normalizeTimezone: true},
		socks: {address: '127.0.0.1:9050', reply: '0500', error: null},
		proxyEnv: {ALL_PROXY: 'socks5h://127.0.0.1:9050', HTTPS_PROXY: 'socks5h://127.0.0.1:9050'},
		giteaIni: {path: '/data/gitea/gitea/conf/app.ini', text: '[server]\nDOMAIN = localhost\n\n[webhook]\nALLOWED_HOST_LIST = external,*.onion\nPROXY_URL = socks5://tor:9050\nPROXY_HOSTS = *.onion\n', error: null},
		repos: [{path: '/data/projects/app', error: null, commits: [{authorName: 'anon', authorEmail: 'anon@example.invalid', committerName: 'anon', committerEmail: 'anon@example.invalid', authorTz: '+0000', committerTz: '+0000'}]}],
		...over,
	};
}
