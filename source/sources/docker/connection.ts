// Docker Engine connection: dockerode options from DOCKER_HOST (unix://, tcp://, ssh://, read as the
// docker CLI reads it) or the configured socket, and connection errors turned into what the user should do.

import {existsSync, readFileSync} from 'node:fs';
import {homedir, userInfo} from 'node:os';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {DEFAULT_SOCKET, parseDockerHost} from '../../domain/containers/docker-host.js';

export interface DockerTarget {
	options: Docker.DockerOptions;
	/** Shown to the user: "unix:///var/run/docker.sock", "tcp://10.0.0.2:2375", "ssh://me@box". */
	endpoint: string;
	/** The daemon's files (container log files) are on this machine's filesystem: a unix socket only. A
	 * tcp:// address, even on 127.0.0.1, is as often a tunnel (ssh -L) or a proxy to another host. */
	local: boolean;
}

/** The connection to use, or an Error whose message names the setting at fault and what to do. */
export function dockerTarget(env: NodeJS.ProcessEnv, config: {host?: string | undefined; socket_path: string}): DockerTarget {
	const raw = env['DOCKER_HOST'] || config.host || '';
	if (!raw) {
		const socketPath = config.socket_path || DEFAULT_SOCKET;
		return {options: {socketPath}, endpoint: `unix://${socketPath}`, local: true};
	}
	const spec = parseDockerHost(raw, (env['DOCKER_TLS_VERIFY'] ?? '') !== '');
	const home = env['HOME'] || homedir();
	switch (spec.kind) {
		case 'invalid':
			throw new Error(spec.message);
		case 'unix':
			return {options: {socketPath: spec.socketPath}, endpoint: spec.endpoint, local: true};
		case 'tcp': {
			const options: Docker.DockerOptions = {host: spec.host, port: spec.port, protocol: spec.tls ? 'https' : 'http'};
			const certPath = env['DOCKER_CERT_PATH'] || '';
			if (spec.tls && (spec.verify || certPath)) Object.assign(options, readCerts(certPath || join(home, '.docker'), spec.verify, certPath !== ''));
			return {options, endpoint: spec.endpoint, local: false};
		}
		case 'ssh': {
			const username = spec.username ?? (env['USER'] || safeUser());
			const privateKey = defaultIdentity(join(home, '.ssh'));
			const sshOptions: Record<string, unknown> = {agent: env['SSH_AUTH_SOCK'] || undefined};
			if (privateKey) sshOptions['privateKey'] = privateKey;
			return {
				options: {protocol: 'ssh', host: spec.host, port: spec.port, username, sshOptions} as Docker.DockerOptions,
				endpoint: spec.endpoint,
				local: false,
			};
		}
	}
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
	const e = error as NodeJS.ErrnoException & {statusCode?: number; reason?: string; json?: {message?: string}; level?: string};
	const code = e?.code ?? '';
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
	if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
		return `Docker daemon at ${endpoint} unreachable (${code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'host name not found' : code}): check the host and DOCKER_HOST`;
	if (ssh && (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message)))
		return `Docker over SSH (${endpoint}): the remote end closed the connection; check that \`docker system dial-stdio\` works there (docker CLI installed, user may use the socket)`;
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
