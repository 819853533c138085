// The local host: this machine's processes and files; its Docker client from DOCKER_HOST or the
// configured socket (hosts/docker.ts), which may be another machine's daemon (tcp://, ssh://).

import {constants} from 'node:fs';
import {lstat, open, readdir, readlink, stat, statfs} from 'node:fs/promises';
import path from 'node:path';
import {hostname} from 'node:os';
import {listTree} from '../fs/tree.js';
import {dockerTarget, type DockerTarget, type TargetOptions} from './docker.js';
import {dockerode} from './client-modules.js';
import {DEFAULT_MAX_BYTES, LOCAL_HOST_ID, fetchWithDeadline, tooLarge, type DockerLink, type ExecOptions, type ExecResult, type Host} from './host.js';

export interface LocalHostOptions {
	env: NodeJS.ProcessEnv;
	/** The [docker] section: socket_path, and host (DOCKER_HOST wins over it). */
	docker: {host?: string | undefined; socket_path: string};
	targetOptions?: TargetOptions;
}

export function createLocalHost(options: LocalHostOptions): Host {
	let target: DockerTarget | null = null;
	let link: DockerLink | null = null;

	const docker = (): DockerLink => {
		if (link) return link;
		target = dockerTarget(options.env, options.docker, options.targetOptions);
		try {
			// dockerode reads DOCKER_HOST and DOCKER_CERT_PATH from process.env on its own, and throws on a missing cert folder.
			link = {docker: new (dockerode())(target.options), endpoint: target.endpoint, local: target.local};
		} catch (error) {
			const endpoint = target.endpoint;
			target.close();
			target = null;
			throw new Error(`Docker client for ${endpoint} could not be set up: ${(error as Error).message}; fix or unset DOCKER_CERT_PATH and check DOCKER_HOST`);
		}
		return link;
	};

	const exec = async (file: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> => {
		// execa is imported on the first command: the first frame does not wait for its 0.24 MB.
		const result = await (await import('execa')).execa(file, args, {
			reject: false,
			stdin: 'ignore',
			...(opts.timeoutMs ? {timeout: opts.timeoutMs} : {}),
			...(opts.signal ? {cancelSignal: opts.signal} : {}),
		});
		// Not started (ENOENT, EACCES), timed out or cancelled: there is no exit code to report.
		if (result.failed && result.exitCode === undefined) throw result.cause instanceof Error ? Object.assign(result.cause, {message: result.shortMessage}) : new Error(result.shortMessage);
		return {exitCode: result.exitCode ?? null, stdout: String(result.stdout), stderr: String(result.stderr)};
	};

	return {
		id: LOCAL_HOST_ID,
		label: safeHostname(),
		kind: 'local',
		docker,
		exec,
		files: {
			async readFile(path, opts = {}) {
				const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
				// O_NONBLOCK: a FIFO named like a config file must not hang the open.
				const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
				try {
					// Chunks until the end, never trusting the size (/proc files say 0) and never past the limit.
					// The first chunk is small and none is zero-filled (only what was read is kept): this reads
					// /proc/meminfo every second, and two zeroed 64 KB buffers a read were most of its cost.
					const chunks: Buffer[] = [];
					let length = 0;
					for (;;) {
						opts.signal?.throwIfAborted();
						const chunk = Buffer.allocUnsafe(Math.min(length === 0 ? 8 * 1024 : 64 * 1024, maxBytes + 1 - length));
						const {bytesRead} = await handle.read(chunk, 0, chunk.length);
						if (bytesRead === 0) break;
						chunks.push(chunk.subarray(0, bytesRead));
						length += bytesRead;
						if (length > maxBytes) throw tooLarge(path, maxBytes);
					}
					return Buffer.concat(chunks, length).toString('utf8');
				} finally {
					await handle.close();
				}
			},
			async stat(path) {
				const st = await stat(path);
				return {size: st.size, mtimeMs: st.mtimeMs, isDirectory: st.isDirectory(), uid: st.uid, gid: st.gid, mode: st.mode};
			},
			async linkTarget(path) {
				return (await lstat(path)).isSymbolicLink() ? readlink(path) : null;
			},
			async statfs(path) {
				const st = await statfs(path);
				return {free: st.bavail * st.bsize, total: st.blocks * st.bsize};
			},
			async readFiles(paths, opts = {}) {
				// Here a call is cheap: one by one, through the same size check.
				const out: Array<string | NodeJS.ErrnoException> = [];
				for (const p of paths) out.push(await this.readFile(p, opts).catch((error: NodeJS.ErrnoException) => error));
				return out;
			},
			tree: (roots, depth) => listTree(roots, depth),
			async list(dir) {
				const names = await readdir(dir);
				const entries = await Promise.all(
					names.map(name =>
						stat(path.join(dir, name)).then(
							st => ({name, isDirectory: st.isDirectory(), isFile: st.isFile(), size: st.size, mtimeMs: st.mtimeMs}),
							// Gone since the listing, or a dangling link: listed as neither file nor folder.
							() => ({name, isDirectory: false, isFile: false, size: 0, mtimeMs: 0}),
						),
					),
				);
				return entries;
			},
		},
		http: {fetch: fetchWithDeadline},
		close() {
			target?.close();
			target = null;
			link = null;
		},
	};
}

function safeHostname(): string {
	try {
		return hostname();
	} catch {
		return LOCAL_HOST_ID;
	}
}
