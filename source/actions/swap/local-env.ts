// The SwapEnv for this machine from the config: Docker through dockerode on the configured
// endpoint, `sh -c` through execa, global fetch, and the Memory panel's meminfo file.

import {readRegularText} from '../../fs/read-regular.js';
import path from 'node:path';
import os from 'node:os';
import {parseMeminfo} from '../../domain/meminfo.js';
import type {Config} from '../../config/schema.js';
import {dockerTarget} from '../../hosts/docker.js';
import {dockerode} from '../../hosts/client-modules.js';
import type {SwapDocker, SwapEnv} from '../../sources/swap/env.js';

export function swapStateDir(env: NodeJS.ProcessEnv): string {
	return path.join(env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state'), 'stackdeck');
}

export function localSwapEnv(config: Config, env: NodeJS.ProcessEnv = process.env): SwapEnv & {close(): void} {
	// Made on first use: the cockpit builds this before its first frame, and dockerode takes ~0.4 s to load.
	let docker: SwapDocker | null | undefined;
	let closeTarget = () => undefined as void;
	const connect = (): SwapDocker | null => {
		if (!config.docker.enabled) return null;
		try {
			const target = dockerTarget(env, config.docker);
			closeTarget = () => target.close();
			return new (dockerode())(target.options) as unknown as SwapDocker;
		} catch {
			return null;
		}
	};
	// The Memory panel's file ([memory] meminfo_path; the demo's simulated Spark), unless overridden.
	const meminfo = env['STACKDECK_MEMINFO'] ?? config.memory.meminfo_path;
	return {
		get docker() {
			if (docker === undefined) docker = connect();
			return docker;
		},
		async exec(command, signal) {
			const result = await (await import('execa')).execa('sh', ['-c', command], {all: true, reject: false, cancelSignal: signal, stdin: 'ignore', env});
			return {exitCode: result.exitCode ?? 1, output: result.all ?? ''};
		},
		// Read when called: Node loads its fetch (undici, ~0.1 s) on the global's first read.
		fetch: (input, init) => globalThis.fetch(input, init),
		async readMemory() {
			try {
				// Only a regular file (or /proc's), and a bounded one: a FIFO named as the meminfo file must not hold the swap.
				const read = await readRegularText(meminfo, 64 * 1024);
				if (!read.ok) return null;
				const m = parseMeminfo(read.text, meminfo);
				return {totalBytes: m.totalBytes, availableBytes: m.availableBytes, cachedBytes: m.cachedBytes};
			} catch {
				return null;
			}
		},
		stateDir: swapStateDir(env),
		pollMs: Number(env['STACKDECK_SWAP_POLL_MS']) > 0 ? Number(env['STACKDECK_SWAP_POLL_MS']) : 1000,
		now: Date.now,
		close: () => closeTarget(),
	};
}
