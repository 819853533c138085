// Docker Engine connection: dockerode options from DOCKER_HOST (unix://, tcp://, ssh://) or the
// configured socket, and connection errors turned into what the user should do.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Docker from 'dockerode';

export interface DockerTarget {
	options: Docker.DockerOptions;
	/** Shown to the user: "unix:///var/run/docker.sock", "tcp://10.0.0.2:2375", "ssh://me@box". */
	endpoint: string;
	local: boolean;
}

export function dockerTarget(env: NodeJS.ProcessEnv, config: {host?: string | undefined; socket_path: string}): DockerTarget {
	const host = env['DOCKER_HOST'] || config.host || '';
	if (!host) return {options: {socketPath: config.socket_path}, endpoint: `unix://${config.socket_path}`, local: true};
	if (host.startsWith('unix://')) {
		const socketPath = host.slice('unix://'.length) || '/var/run/docker.sock';
		return {options: {socketPath}, endpoint: host, local: true};
	}
	let url: URL;
	try {
		url = new URL(host);
	} catch {
		throw new Error(`DOCKER_HOST="${host}" is not a URL: use unix:///var/run/docker.sock, tcp://host:2375 or ssh://user@host`);
	}
	if (url.protocol === 'ssh:') {
		return {
			options: {protocol: 'ssh', host: url.hostname, port: url.port ? Number(url.port) : 22, username: url.username || undefined, sshOptions: {agent: env['SSH_AUTH_SOCK']}} as Docker.DockerOptions,
			endpoint: host,
			local: false,
		};
	}
	if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
		const tls = url.protocol === 'https:' || (env['DOCKER_TLS_VERIFY'] ?? '') !== '';
		const options: Docker.DockerOptions = {host: url.hostname, port: url.port ? Number(url.port) : tls ? 2376 : 2375, protocol: tls ? 'https' : 'http'};
		if (tls && env['DOCKER_CERT_PATH']) {
			const dir = env['DOCKER_CERT_PATH'];
			options.ca = readFileSync(join(dir, 'ca.pem'));
			options.cert = readFileSync(join(dir, 'cert.pem'));
			options.key = readFileSync(join(dir, 'key.pem'));
		}
		const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
		return {options, endpoint: host, local};
	}
	throw new Error(`DOCKER_HOST="${host}": unsupported scheme ${url.protocol}; use unix://, tcp:// or ssh://`);
}

/** What went wrong talking to the daemon, and what to do about it. */
export function describeDockerError(error: unknown, endpoint: string): string {
	const e = error as NodeJS.ErrnoException & {statusCode?: number; reason?: string; json?: {message?: string}};
	const code = e?.code ?? '';
	const socket = endpoint.startsWith('unix://') ? endpoint.slice(7) : null;
	if (code === 'ENOENT' && socket) return `Docker daemon not running: ${socket} does not exist. Start it (sudo systemctl start docker) or set DOCKER_HOST`;
	if ((code === 'EACCES' || code === 'EPERM') && socket)
		return `Permission denied on ${socket}: join the docker group (sudo usermod -aG docker $USER, then log in again) or set DOCKER_HOST`;
	if (code === 'ECONNREFUSED')
		return socket
			? `Docker daemon not answering on ${socket} (connection refused): start it (sudo systemctl start docker)`
			: `Docker daemon at ${endpoint} refused the connection: start it there or fix DOCKER_HOST`;
	if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND') return `Docker daemon at ${endpoint} unreachable (${code}): check the host and DOCKER_HOST`;
	if (e?.statusCode) return `Docker daemon at ${endpoint}: HTTP ${e.statusCode} ${e.json?.message ?? e.reason ?? ''}`.trim();
	const message = e?.message ?? String(error);
	if (/ssh|authentication|handshake/i.test(message)) return `Docker over SSH (${endpoint}) failed: ${message}; check your SSH key/agent and that the remote user can run docker`;
	return `Docker daemon at ${endpoint}: ${message}`;
}
