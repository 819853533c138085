// A host from a [[hosts]] entry: its Docker client from docker_host (ssh://, tcp:// with the entry's
// TLS files, unix://), its commands and files over `ssh` (else over the ssh:// Docker connection, else
// this machine's when the daemon's socket is here), its HTTP from this machine with deadlines.

import {readFileSync} from 'node:fs';
import type {HostEntry} from '../config/sections/hosts.js';
import {parseDockerHost} from '../domain/containers/docker-host.js';
import {CONNECT_TIMEOUT_MS, timedAgent} from './connect-timeout.js';
import {dockerTarget, type DockerTarget, type TargetOptions} from './docker.js';
import type {DockerLink, Host} from './host.js';
import {createLocalHost} from './local.js';
import type Docker from 'dockerode';
import {dockerode} from './client-modules.js';
import {createSshHost} from './ssh/ssh-host.js';

/** The environment with no DOCKER_* of its own: the entry says where its daemon is, not the shell. */
function hostEnv(env: NodeJS.ProcessEnv, dockerHost: string): NodeJS.ProcessEnv {
	const {DOCKER_HOST: _h, DOCKER_TLS_VERIFY: _v, DOCKER_CERT_PATH: _c, ...rest} = env;
	return {...rest, DOCKER_HOST: dockerHost};
}

/** tcp:// with the entry's own certificate files (the CLI's --tlscacert, --tlscert, --tlskey). */
function tlsTarget(entry: HostEntry, raw: string, opts: TargetOptions): DockerTarget {
	const spec = parseDockerHost(raw, entry.tls_verify);
	if (spec.kind !== 'tcp') throw new Error(`[[hosts]] ${entry.name}: tls_* files go with a tcp:// docker_host, not ${raw}`);
	const read = (key: 'tls_ca' | 'tls_cert' | 'tls_key'): Buffer | undefined => {
		const file = entry[key];
		if (file === undefined) return undefined;
		try {
			return readFileSync(file);
		} catch (error) {
			throw new Error(`[[hosts]] ${entry.name}: ${key} = "${file}" unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); point it at the PEM file`);
		}
	};
	const [ca, cert, key] = [read('tls_ca'), read('tls_cert'), read('tls_key')];
	const agent = timedAgent(true, opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, {rejectUnauthorized: entry.tls_verify});
	const port = raw.match(/:\d+\/?$/) ? spec.port : 2376;
	const options = {host: spec.host, port, protocol: 'https', agent, ...(ca ? {ca} : {}), ...(cert ? {cert} : {}), ...(key ? {key} : {})} as Docker.DockerOptions;
	return {options, endpoint: `tcp://${spec.host.includes(':') ? `[${spec.host}]` : spec.host}:${port}`, local: false, close: () => agent.destroy()};
}

function entryTarget(entry: HostEntry, env: NodeJS.ProcessEnv, opts: TargetOptions): DockerTarget {
	const raw = entry.docker_host!;
	if (entry.tls_ca || entry.tls_cert || entry.tls_verify) return tlsTarget(entry, raw, opts);
	return dockerTarget(hostEnv(env, raw), {socket_path: ''}, opts);
}

export function createConfiguredHost(entry: HostEntry, env: NodeJS.ProcessEnv, opts: TargetOptions = {}): Host {
	const id = entry.name;
	// Made on first use, so a host whose settings are wrong says so in its panels instead of stopping the cockpit.
	let target: DockerTarget | null = null;
	let link: DockerLink | null = null;
	const docker = (): DockerLink => {
		if (link) return link;
		if (!entry.docker_host) throw new Error(`[[hosts]] ${id} has no docker_host: set it (ssh://user@${id}, tcp://${id}:2376 or unix:///path) to watch its containers`);
		target = entryTarget(entry, env, opts);
		link = {docker: new (dockerode())(target.options), endpoint: target.endpoint, local: target.local};
		return link;
	};

	// Commands and files: over `ssh`, else the ssh:// Docker connection, else here for a unix:// daemon.
	const dockerScheme = entry.docker_host?.trim().split('://')[0]?.toLowerCase();
	let shell: Host;
	let shellTarget: DockerTarget | null = null;
	if (entry.ssh || dockerScheme === 'ssh') {
		const sshUrl = entry.ssh ? `ssh://${entry.ssh.replace(/^ssh:\/\//, '')}` : entry.docker_host!;
		shellTarget = dockerTarget(hostEnv(env, sshUrl), {socket_path: ''}, opts);
		if (!shellTarget.ssh) throw new Error(`[[hosts]] ${id}: ssh = "${entry.ssh}" is not an SSH target; use user@host[:port]`);
		shell = createSshHost({id, label: id, endpoint: shellTarget.endpoint, ssh: shellTarget.ssh});
	} else {
		const local = createLocalHost({env: hostEnv(env, ''), docker: {socket_path: ''}});
		const none = () => Promise.reject(Object.assign(new Error(`[[hosts]] ${id}: no ssh set; set ssh = "user@host" to read its memory, folders and OpenHands sessions`), {code: 'ENOSYS'}));
		shell = dockerScheme === 'unix' ? local : {...local, exec: none, files: {readFile: none, stat: none, linkTarget: none, statfs: none, list: none, readFiles: none, tree: none}};
	}

	return {
		id,
		label: id,
		kind: shell.kind,
		docker: () => {
			// ssh:// daemon on the same SSH target: one connection for both.
			if (dockerScheme === 'ssh' && !entry.ssh) return shell.docker();
			return docker();
		},
		exec: shell.exec,
		files: shell.files,
		http: shell.http,
		close() {
			target?.close();
			target = null;
			link = null;
			shell.close();
			shellTarget?.close();
		},
	};
}
