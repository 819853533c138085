// Docker Engine connection: dockerode options from DOCKER_HOST (unix://, tcp://, ssh://, read as the
// docker CLI reads it) or the configured socket, and connection errors turned into what the user should do.
// tcp:// connects give up after CONNECT_TIMEOUT_MS; ssh:// goes over one shared, host-key-checked SSH
// connection (ssh-channels.ts) instead of dockerode's connection per request.

import {existsSync, readFileSync} from 'node:fs';
import {homedir, userInfo} from 'node:os';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {DEFAULT_SOCKET, parseDockerHost, type DockerHostSpec} from '../domain/containers/docker-host.js';
import {resolveSshRoute, type SshHop} from '../domain/containers/ssh-config.js';
import {CONNECT_TIMEOUT_MS, timedAgent, type ConnectTimeoutError} from './connect-timeout.js';
import {readKnownHosts} from './ssh/known-hosts-files.js';
import {SYSTEM_SSH_CONFIG, readSshConfig} from './ssh/ssh-config-file.js';
import {DIAL_STDIO, sshChannels, type SshChannels, type SshHopOptions} from './ssh/ssh-channels.js';

export interface DockerTarget {
	options: Docker.DockerOptions;
	/** Shown to the user: "unix:///var/run/docker.sock", "tcp://10.0.0.2:2375", "ssh://me@box". */
	endpoint: string;
	/** The daemon's files (container log files) are on this machine's filesystem: a unix socket only. A
	 * tcp:// address, even on 127.0.0.1, is as often a tunnel (ssh -L) or a proxy to another host. */
	local: boolean;
	/** ssh:// only: the shared SSH connection its requests go over. */
	ssh?: SshChannels;
	/** Let go of open connections (the shared SSH connection); the source calls it on stop. */
	close(): void;
}

export interface TargetOptions {
	connectTimeoutMs?: number;
	/** The system's ssh_config (default /etc/ssh/ssh_config; null: none). */
	systemSshConfig?: string | null;
	/** known_hosts files of the system (default /etc/ssh/ssh_known_hosts and ssh_known_hosts2). */
	systemKnownHosts?: readonly string[];
}

/** The connection to use, or an Error whose message names the setting at fault and what to do. */
export function dockerTarget(env: NodeJS.ProcessEnv, config: {host?: string | undefined; socket_path: string}, opts: TargetOptions = {}): DockerTarget {
	const raw = env['DOCKER_HOST'] || config.host || '';
	const none = () => undefined;
	if (!raw) {
		const socketPath = config.socket_path || DEFAULT_SOCKET;
		return {options: {socketPath}, endpoint: `unix://${socketPath}`, local: true, close: none};
	}
	const spec = parseDockerHost(raw, (env['DOCKER_TLS_VERIFY'] ?? '') !== '');
	const home = env['HOME'] || homedir();
	const timeout = opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
	switch (spec.kind) {
		case 'invalid':
			throw new Error(spec.message);
		case 'unix':
			return {options: {socketPath: spec.socketPath}, endpoint: spec.endpoint, local: true, close: none};
		case 'tcp': {
			const agent = timedAgent(spec.tls, timeout);
			const options = {host: spec.host, port: spec.port, protocol: spec.tls ? 'https' : 'http', agent} as Docker.DockerOptions;
			const certPath = env['DOCKER_CERT_PATH'] || '';
			if (spec.tls && (spec.verify || certPath)) Object.assign(options, readCerts(certPath || join(home, '.docker'), spec.verify, certPath !== ''));
			return {options, endpoint: spec.endpoint, local: false, close: () => agent.destroy()};
		}
		case 'ssh': {
			const ssh = sshChannels({...sshRoute(spec, env, home, opts), agentSocket: env['SSH_AUTH_SOCK'] || undefined, knownHosts: () => readKnownHosts(home, opts.systemKnownHosts), connectTimeoutMs: timeout});
			// Plain HTTP over the channels; the host name only fills the Host header, as the docker CLI's "docker" does.
			const options = {protocol: 'http', host: 'docker', port: undefined, agent: ssh.agent} as unknown as Docker.DockerOptions;
			return {options, endpoint: spec.endpoint, local: false, ssh, close: () => ssh.close()};
		}
	}
}

/** The Docker host and its jump hosts as ssh would reach them: the URL's user and port (the docker CLI
 * passes them as -l and -p) over ~/.ssh/config (and /etc/ssh/ssh_config), then ssh's defaults. */
function sshRoute(spec: Extract<DockerHostSpec, {kind: 'ssh'}>, env: NodeJS.ProcessEnv, home: string, opts: TargetOptions): SshHopOptions & {jumps: SshHopOptions[]} {
	const localUser = env['USER'] || safeUser() || 'root';
	const config = readSshConfig(home, opts.systemSshConfig === undefined ? SYSTEM_SSH_CONFIG : opts.systemSshConfig);
	const {hops} = resolveSshRoute(config.blocks, spec.host, {localUser, home, user: spec.username, port: spec.port});
	const files = config.problems.length > 0 ? ` (note: ${config.problems.join('; ')})` : '';
	const toOptions = (hop: SshHop, endpoint: string): SshHopOptions => ({
		host: hop.host,
		port: hop.port,
		username: hop.user,
		endpoint,
		privateKey: hop.identityFiles.length > 0 ? firstUsableKey(hop.identityFiles) : defaultIdentity(join(home, '.ssh')),
		unresolved:
			(hop.configured
				? `"${hop.name}" is a Host in ~/.ssh/config whose HostName ${hop.host} is not a host name DNS knows; fix its HostName`
				: `"${hop.name}" matches no Host in ~/.ssh/config and is not a host name DNS knows; add a "Host ${hop.name}" block with its HostName to ~/.ssh/config, or fix DOCKER_HOST`) + files,
		...(hop.proxyCommand
			? {unsupported: `Docker over SSH (${spec.endpoint}): ~/.ssh/config reaches "${hop.name}" through a ProxyCommand (${hop.proxyCommand}), which stackdeck does not run; use ProxyJump for it, or an ssh -L tunnel and DOCKER_HOST=tcp://`}
			: {}),
	});
	const target = hops[hops.length - 1]!;
	const jumps = hops.slice(0, -1).map(hop => toOptions(hop, `${spec.endpoint} (ProxyJump ${hop.name === hop.host ? '' : `${hop.name} = `}${hop.user}@${hop.host}:${hop.port})`));
	return {...toOptions(target, spec.endpoint), jumps};
}

/** ca.pem (required when verifying), cert.pem and key.pem (as a pair, when present), as the CLI reads them. */
function readCerts(dir: string, verify: boolean, fromEnv: boolean): {ca?: Buffer; cert?: Buffer; key?: Buffer} {
	const where = fromEnv ? `DOCKER_CERT_PATH=${dir}` : `${dir} (DOCKER_CERT_PATH unset)`;
	const fix = `put ca.pem, cert.pem and key.pem there${fromEnv ? '' : ' or set DOCKER_CERT_PATH'}${verify ? ' or unset DOCKER_TLS_VERIFY' : ''}`;
	const read = (name: string): Buffer | undefined => {
		try {
			return readFileSync(join(dir, name));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? '';
			if (code === 'ENOENT' && !(verify && name === 'ca.pem')) return undefined;
			const reason = code !== 'ENOENT' ? `${name} unreadable (${code || (error as Error).message})` : existsSync(dir) ? `has no ${name}` : `does not exist (need ${name})`;
			throw new Error(`Docker TLS: ${where} ${reason}; ${fix}`);
		}
	};
	const ca = read('ca.pem');
	const cert = read('cert.pem');
	const key = read('key.pem');
	if ((cert === undefined) !== (key === undefined)) throw new Error(`Docker TLS: ${where} has ${cert ? 'cert.pem but no key.pem' : 'key.pem but no cert.pem'}; ${fix}`);
	return {...(ca ? {ca} : {}), ...(cert ? {cert} : {}), ...(key ? {key} : {})};
}

function safeUser(): string | undefined {
	try {
		return userInfo().username;
	} catch {
		return undefined;
	}
}

/** The first IdentityFile that can be read and is not passphrase-protected (the agent covers the rest). */
function firstUsableKey(paths: readonly string[]): Buffer | undefined {
	for (const path of paths) {
		try {
			const key = readFileSync(path);
			if (!isEncryptedKey(key.toString('utf8'))) return key;
		} catch {
			// ssh too goes on to the next identity when one is missing
		}
	}
	return undefined;
}

/** The first default SSH identity (as ssh tries them) that is not passphrase-protected; the agent covers the rest. */
function defaultIdentity(dir: string): Buffer | undefined {
	for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
		let key: Buffer;
		try {
			key = readFileSync(join(dir, name));
		} catch {
			continue;
		}
		if (!isEncryptedKey(key.toString('utf8'))) return key;
	}
	return undefined;
}

/** PEM keys say ENCRYPTED in a header; OpenSSH-format keys name their cipher ("none" when plain). */
export function isEncryptedKey(text: string): boolean {
	if (/ENCRYPTED/.test(text)) return true;
	const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
	if (!m) return false;
	const blob = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
	const magic = 'openssh-key-v1\0';
	if (blob.subarray(0, magic.length).toString('latin1') !== magic || blob.length < magic.length + 4) return true;
	const len = blob.readUInt32BE(magic.length);
	return blob.subarray(magic.length + 4, magic.length + 4 + len).toString('latin1') !== 'none';
}

/** What went wrong talking to the daemon, and what to do about it. */
export function describeDockerError(error: unknown, endpoint: string): string {
	const e = error as NodeJS.ErrnoException & Partial<ConnectTimeoutError> & {statusCode?: number; reason?: string; json?: {message?: string}; level?: string};
	const code = e?.code ?? '';
	if (code === 'SSH_HOST_KEY' || code === 'SSH_UNRESOLVED' || code === 'SSH_UNSUPPORTED') return e.message;
	if (code === 'SSH_JUMP') return `Docker over SSH (${endpoint}): ${e.message}; check the ProxyJump host and that its sshd allows forwarding (AllowTcpForwarding)`;
	if (code === 'SSH_DIAL_STDIO') return `Docker over SSH (${endpoint}): ${e.message}; check that dockerd runs there, that the docker CLI is installed there and that this user may use the Docker socket (docker group)`;
	const socket = endpoint.startsWith('unix://') ? endpoint.slice(7) : null;
	const ssh = endpoint.startsWith('ssh://');
	const message = e?.message ?? String(error);
	if (code === 'ENOENT' && socket) return `Docker daemon not running: ${socket} does not exist. Start it (sudo systemctl start docker) or set DOCKER_HOST`;
	if ((code === 'EACCES' || code === 'EPERM') && socket)
		return `Permission denied on ${socket}: join the docker group (sudo usermod -aG docker $USER, then log in again) or set DOCKER_HOST`;
	if (code === 'ECONNREFUSED')
		return socket
			? `Docker daemon not answering on ${socket} (connection refused): start it (sudo systemctl start docker)`
			: ssh
				? `Docker host ${endpoint} unreachable: nothing accepts SSH connections there (connection refused); check the host, the port and that sshd runs`
				: `Docker daemon at ${endpoint} unreachable: connection refused; start dockerd there listening on that port (-H tcp://…) or fix DOCKER_HOST`;
	if (code === 'ETIMEDOUT' && e.connectTimeoutMs) {
		const waited = `no answer within ${Math.round(e.connectTimeoutMs / 100) / 10} s (host down, or a firewall dropping packets)`;
		return ssh ? `Docker host ${endpoint} unreachable: ${waited}; check the host, the port and that sshd runs there` : `Docker daemon at ${endpoint} unreachable: ${waited}; check the host, the port and DOCKER_HOST`;
	}
	if (ssh && /Channel open failure/i.test(message))
		return `Docker host ${endpoint}: the SSH server refuses sessions (${message}), also after waiting for room; check MaxSessions and Match rules in its sshd_config`;
	if (ssh && /Timed out while waiting for handshake/i.test(message))
		return `Docker host ${endpoint}: no SSH handshake within 20 s; check that the port is sshd's (not another service) and the link`;
	if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
		return `Docker daemon at ${endpoint} unreachable (${code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'host name not found' : code}): check the host and DOCKER_HOST`;
	if (ssh && (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message)))
		return `Docker over SSH (${endpoint}): the remote end closed the connection; check that \`${DIAL_STDIO}\` works there (docker CLI installed, user may use the socket)`;
	if (ssh && /authentication methods failed/i.test(message))
		return `Docker over SSH (${endpoint}): the server accepted no key; add yours to the agent (ssh-add) or as ~/.ssh/id_ed25519, and to the remote authorized_keys`;
	if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message))
		return `Docker daemon at ${endpoint} dropped the connection (${code || message}); check that dockerd runs there and that DOCKER_HOST points at it`;
	if (/^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY))/.test(code) || /ssl|tls|certificate/i.test(message))
		return `Docker daemon at ${endpoint}: TLS failed (${code || message}); check DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and that the port serves TLS`;
	if (e?.statusCode === 400 && /HTTPS server/i.test(`${e.json?.message ?? ''} ${message}`))
		return `Docker daemon at ${endpoint} expects TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to its client certificates`;
	if (e?.statusCode) return `Docker daemon at ${endpoint}: HTTP ${e.statusCode} ${e.json?.message ?? e.reason ?? ''}`.trim();
	if (ssh || /ssh|authentication|handshake/i.test(message))
		return `Docker over SSH (${endpoint}) failed: ${message}; check your SSH key/agent and that the remote user can run docker`;
	return `Docker daemon at ${endpoint}: ${message}`;
}
