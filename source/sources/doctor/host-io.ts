// A [[hosts]] entry as the Doctor sees it: its Docker client, and its files read through the Host
// (over ssh on an ssh host, here for a unix:// daemon on this machine, refused for a host with no
// way to its files), never this machine's files at the same path. Engines and the SOCKS port are
// still reached from here, as the cockpit reaches them.

import type {Config} from '../../config/schema.js';
import type {Host} from '../../hosts/host.js';
import {createLocalIo, type DoctorIo} from './io.js';

/** A remote read that hangs (a FIFO, a stalled connection) ends here instead of holding the run. */
const FILE_TIMEOUT_MS = 10_000;

export function createHostIo(host: Host, config: Config): DoctorIo {
	let docker: DoctorIo['docker'] = null;
	let endpoint = 'disabled';
	let dockerError: string | null = null;
	if (config.docker.enabled) {
		try {
			const link = host.docker();
			docker = link.docker;
			endpoint = link.endpoint;
		} catch (error) {
			endpoint = `${host.id}'s docker_host`;
			dockerError = (error as Error).message;
		}
	}
	// The network parts (engines, SOCKS) stay this machine's; the environment is not the host's.
	const here = createLocalIo(docker, endpoint, dockerError, {});
	return {
		...here,
		readText: (path, limit) => host.files.readFile(path, {...(limit === undefined ? {} : {maxBytes: limit}), signal: AbortSignal.timeout(FILE_TIMEOUT_MS)}),
		async stat(path) {
			const s = await host.files.stat(path);
			return {uid: s.uid, gid: s.gid, mode: s.mode, dir: s.isDirectory};
		},
		linkTarget: path => host.files.linkTarget(path),
		statfs: path => host.files.statfs(path),
		async run(command, args, options = {}) {
			try {
				// A folder to run in: the remote shell changes to it first.
				const [file, argv] = options.cwd ? ['sh', ['-c', 'cd "$1" || exit 1; shift; exec "$@"', 'sh', options.cwd, command, ...args]] : [command, args];
				const r = await host.exec(file, argv, {timeoutMs: options.timeoutMs ?? 5000});
				return {stdout: r.stdout, code: r.exitCode ?? 1};
			} catch (error) {
				return {stdout: '', code: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 127 : 1};
			}
		},
		env: {},
		home: '',
	};
}
