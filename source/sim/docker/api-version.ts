// The Engine API version the demo daemon speaks, as Docker Engine 28.2 does: /_ping and every reply
// carry Api-Version, a /vX.Y/ path prefix picks the version, and a client asking for a newer one
// than the daemon knows gets the daemon's own 400 (the CLI negotiates down from /_ping first).

export const ENGINE_VERSION = '28.2.2';
export const API_VERSION = '1.50';
export const MIN_API_VERSION = '1.24';

/** "1.41" -> [1, 41]; null when not a version. */
function parts(version: string): [number, number] | null {
	const m = /^(\d+)\.(\d+)$/.exec(version);
	return m ? [Number(m[1]), Number(m[2])] : null;
}

export function compareVersions(a: string, b: string): number {
	const x = parts(a) ?? [0, 0];
	const y = parts(b) ?? [0, 0];
	return x[0] - y[0] || x[1] - y[1];
}

export interface VersionedPath {
	/** The path without its /vX.Y prefix. */
	path: string;
	/** The version asked for (the daemon's own when the path has none). */
	version: string;
	/** Set when the version cannot be served: the daemon's message. */
	error?: string;
}

export function splitVersion(pathname: string): VersionedPath {
	const m = /^\/v([0-9.]+)(\/.*)$/.exec(pathname);
	if (!m) return {path: pathname, version: API_VERSION};
	const version = m[1]!;
	const path = m[2]!;
	if (!parts(version)) return {path, version, error: `page not found`};
	if (compareVersions(version, API_VERSION) > 0) return {path, version, error: `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`};
	if (compareVersions(version, MIN_API_VERSION) < 0)
		return {path, version, error: `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`};
	return {path, version};
}

/** Headers every reply carries (the daemon's middleware sets them). */
export function daemonHeaders(): Record<string, string> {
	return {'Api-Version': API_VERSION, 'Docker-Experimental': 'false', Ostype: 'linux', Server: `Docker/${ENGINE_VERSION} (linux)`};
}

/** GET /_ping's extra headers. */
export function pingHeaders(): Record<string, string> {
	return {'Builder-Version': '2', 'Cache-Control': 'no-cache, no-store, must-revalidate', Pragma: 'no-cache', 'Swarm': 'inactive'};
}

/** GET /version, as Docker Engine 28.2.2 on an arm64 DGX Spark answers it. */
export function versionJson(kernel: string): Record<string, unknown> {
	const built = '2025-05-30T12:07:14.000000000+00:00';
	return {
		Platform: {Name: 'Docker Engine - Community'},
		Components: [
			{Name: 'Engine', Version: ENGINE_VERSION, Details: {ApiVersion: API_VERSION, Arch: 'arm64', BuildTime: built, Experimental: 'false', GitCommit: '45873be', GoVersion: 'go1.24.3', KernelVersion: kernel, MinAPIVersion: MIN_API_VERSION, Os: 'linux'}},
			{Name: 'containerd', Version: '1.7.27', Details: {GitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da'}},
			{Name: 'runc', Version: '1.2.5', Details: {GitCommit: 'v1.2.5-0-g59923ef'}},
			{Name: 'docker-init', Version: '0.19.0', Details: {GitCommit: 'de40ad0'}},
		],
		Version: ENGINE_VERSION,
		ApiVersion: API_VERSION,
		MinAPIVersion: MIN_API_VERSION,
		GitCommit: '45873be',
		GoVersion: 'go1.24.3',
		Os: 'linux',
		Arch: 'arm64',
		KernelVersion: kernel,
		BuildTime: built,
	};
}
