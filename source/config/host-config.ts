// The config one [[hosts]] entry's sources read: the shared settings, with that host's engines,
// Docker, memory file, OpenHands state folder, cache folders and Prometheus in place of the local host's. Pure.

import type {Config} from './schema.js';
import {runsCommands, type HostEntry} from './sections/hosts.js';

/** The host's name on the network: its probe_host, else its ssh or docker_host's host, else its name. */
export function entryHostName(entry: HostEntry): string {
	if (entry.probe_host) return entry.probe_host;
	for (const raw of [entry.ssh, entry.docker_host]) {
		if (!raw) continue;
		if (raw.startsWith('unix://')) return '127.0.0.1';
		try {
			const url = new URL(raw.includes('://') ? raw : `ssh://${raw}`);
			if (url.hostname) return url.hostname.replace(/^\[(.*)\]$/, '$1');
		} catch {
			// Not an address: no host name from it.
		}
	}
	return entry.name;
}

/** An engine's name in its row: ":port" on the host's own name (the row says which host), else host:port. */
function engineName(url: string, hostName: string): string {
	try {
		const u = new URL(url);
		return u.hostname.replace(/^\[(.*)\]$/, '$1') === hostName ? `:${u.port || (u.protocol === 'https:' ? 443 : 80)}` : u.host;
	} catch {
		return url;
	}
}

/**
 * The folders the Cache panel sizes there: its own cache_dirs, else the shared [cache] dirs (the same
 * stack's compose paths) when commands reach it, else none. HiCache's folder goes with the shared list.
 */
function entryCache(config: Config, entry: HostEntry): Config['cache'] {
	const cache = {...config.cache, warn_gb: entry.cache_warn_gb ?? config.cache.warn_gb};
	if (entry.cache_dirs) return {...cache, dirs: entry.cache_dirs, hicache_dir: undefined};
	return runsCommands(entry) ? cache : {...cache, dirs: [], hicache_dir: undefined};
}

export function hostConfig(config: Config, entry: HostEntry): Config {
	const hostName = entryHostName(entry);
	return {
		...config,
		engines: {
			...config.engines,
			list: entry.engines.map(url => ({name: engineName(url, hostName), url, kind: 'auto' as const})),
			probe: entry.probe,
			probe_host: hostName,
		},
		docker: {...config.docker, enabled: entry.docker_host !== undefined},
		memory: {...config.memory, meminfo_path: entry.meminfo_path},
		openhands: {...config.openhands, state_dir: entry.state_dir, config_toml: undefined, server_url: undefined},
		prometheus: {...config.prometheus, url: entry.prometheus ?? config.prometheus.url},
		cache: entryCache(config, entry),
	};
}

/** The user's own ssh command for the entry's box ("ssh -p 2222 me@spark2"), null when it has no SSH target. */
export function entrySshCommand(entry: HostEntry): string | null {
	const raw = entry.ssh ?? (entry.docker_host?.trim().toLowerCase().startsWith('ssh://') ? entry.docker_host.trim() : undefined);
	if (!raw) return null;
	try {
		const url = new URL(raw.includes('://') ? raw : `ssh://${raw}`);
		const who = `${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.hostname}`;
		return `ssh ${url.port ? `-p ${url.port} ` : ''}${who}`;
	} catch {
		return `ssh ${raw}`;
	}
}
