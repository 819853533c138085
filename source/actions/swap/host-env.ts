// The SwapEnv for a host of the config: its Docker client, its shell (`sh -c` run there), HTTP from
// this machine, its memory file read there, and a lock and journal of its own. `stackdeck swap
// --host NAME` and profiles with `host = "NAME"` swap on that host.

import path from 'node:path';
import {parseMeminfo} from '../../domain/meminfo.js';
import {MEMINFO_READ_MS} from '../../sources/host/meminfo-source.js';
import type {Config} from '../../config/schema.js';
import {hostConfig} from '../../config/host-config.js';
import type {Host} from '../../hosts/host.js';
import type {SwapDocker, SwapEnv} from '../../sources/swap/env.js';
import {swapStateDir} from './local-env.js';

/** The profiles of one host: those naming it, and for the first host those naming none. */
export function profilesOn(config: Config, hostId: string, firstHostId: string): Config['profiles'] {
	return Object.fromEntries(Object.entries(config.profiles).filter(([, p]) => (p.host ?? firstHostId) === hostId));
}

/** The config a swap on `host` reads: that host's engines and memory file, its profiles only. */
export function swapConfigFor(config: Config, hostId: string, firstHostId: string): Config {
	const entry = config.hosts.find(h => h.name === hostId);
	return {...(entry ? hostConfig(config, entry) : config), profiles: profilesOn(config, hostId, firstHostId)};
}

export function hostSwapEnv(host: Host, config: Config, env: NodeJS.ProcessEnv = process.env): SwapEnv & {close(): void} {
	// Made on first use, as on this machine (the cockpit builds this before its first frame).
	let docker: SwapDocker | null | undefined;
	const connect = (): SwapDocker | null => {
		if (!config.docker.enabled) return null;
		try {
			return host.docker().docker as unknown as SwapDocker;
		} catch {
			return null;
		}
	};
	const meminfo = config.memory.meminfo_path;
	return {
		get docker() {
			if (docker === undefined) docker = connect();
			return docker;
		},
		async exec(command, signal) {
			const result = await host.exec('sh', ['-c', `${command} 2>&1`], {signal});
			return {exitCode: result.exitCode ?? 1, output: result.stdout};
		},
		// Read when called: Node loads its fetch (undici, ~0.1 s) on the global's first read.
		fetch: (input, init) => globalThis.fetch(input, init),
		async readMemory() {
			try {
				const m = parseMeminfo(await host.files.readFile(meminfo, {maxBytes: 64 * 1024, timeoutMs: MEMINFO_READ_MS}), meminfo);
				return {totalBytes: m.totalBytes, availableBytes: m.availableBytes, cachedBytes: m.cachedBytes};
			} catch {
				return null;
			}
		},
		// One lock and journal per host: swaps on two hosts do not wait for each other.
		stateDir: path.join(swapStateDir(env), 'hosts', host.id),
		pollMs: Number(env['STACKDECK_SWAP_POLL_MS']) > 0 ? Number(env['STACKDECK_SWAP_POLL_MS']) : 1000,
		now: Date.now,
		close: () => host.close(),
	};
}
