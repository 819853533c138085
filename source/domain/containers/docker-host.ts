// DOCKER_HOST read the way the docker CLI reads it: unix://path, tcp://host[:port] (bare host:port
// means tcp; the port defaults to 2375, or 2376 with TLS), ssh://[user@]host[:port]. Pure: no I/O.

export type DockerHostSpec =
	| {kind: 'unix'; socketPath: string; endpoint: string}
	| {kind: 'tcp'; host: string; port: number; tls: boolean; verify: boolean; endpoint: string}
	/** port and username null when the address gives none: ~/.ssh/config or ssh's defaults (22, the local user) decide. */
	| {kind: 'ssh'; host: string; port: number | null; username: string | null; endpoint: string}
	| {kind: 'invalid'; message: string};

export const DEFAULT_SOCKET = '/var/run/docker.sock';
const FORMS = 'use unix:///var/run/docker.sock, tcp://host:2375 or ssh://user@host';

/** `tlsVerify`: DOCKER_TLS_VERIFY is set (to anything but the empty string), as the CLI reads it. */
export function parseDockerHost(raw: string, tlsVerify: boolean): DockerHostSpec {
	const value = raw.trim();
	if (value.startsWith('unix://')) {
		const socketPath = value.slice('unix://'.length) || DEFAULT_SOCKET;
		return {kind: 'unix', socketPath, endpoint: `unix://${socketPath}`};
	}
	const withScheme = value.includes('://') ? value : `tcp://${value}`;
	const scheme = withScheme.slice(0, withScheme.indexOf('://')).toLowerCase();
	if (scheme === 'npipe') return {kind: 'invalid', message: `DOCKER_HOST="${raw}": Windows named pipes (npipe://) do not exist on this system; ${FORMS}`};
	if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https' && scheme !== 'ssh')
		return {kind: 'invalid', message: `DOCKER_HOST="${raw}": unsupported scheme ${scheme}://; ${FORMS}`};
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return {kind: 'invalid', message: `DOCKER_HOST="${raw}" is not a valid address (host or port): ${FORMS}`};
	}
	const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
	if (!host) return {kind: 'invalid', message: `DOCKER_HOST="${raw}" names no host: ${FORMS}`};
	const shownHost = host.includes(':') ? `[${host}]` : host;
	if (scheme === 'ssh') {
		if (url.password) return {kind: 'invalid', message: `DOCKER_HOST="${raw}": a password in the address is not supported (as with the docker CLI); use an SSH key or agent`};
		if (url.pathname && url.pathname !== '/') return {kind: 'invalid', message: `DOCKER_HOST="${raw}": an ssh:// address takes no path; use ssh://user@host[:port]`};
		const port = url.port ? Number(url.port) : null;
		const username = url.username ? decodeURIComponent(url.username) : null;
		return {kind: 'ssh', host, port, username, endpoint: `ssh://${username ? `${username}@` : ''}${shownHost}${port === null ? '' : `:${port}`}`};
	}
	const tls = scheme === 'https' || tlsVerify;
	const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
	return {kind: 'tcp', host, port, tls, verify: tlsVerify, endpoint: `tcp://${shownHost}:${port}`};
}
