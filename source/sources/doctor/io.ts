// What the Doctor's collector needs from the machine, handed in so that tests (and later other
// hosts) can give their own. createLocalIo is this machine's.

import {execFile} from 'node:child_process';
import {constants} from 'node:fs';
import {lstat, open, readlink, stat, statfs} from 'node:fs/promises';
import {connect} from 'node:net';
import type Docker from 'dockerode';

export interface DoctorIo {
	docker: Docker | null;
	/** "unix:///var/run/docker.sock"; the reason when there is no client. */
	dockerEndpoint: string;
	dockerError: string | null;
	/** A regular file's text, at most `limit` bytes; throws naming the file and the reason. */
	readText(path: string, limit?: number): Promise<string>;
	stat(path: string): Promise<{uid: number; gid: number; mode: number; dir: boolean}>;
	/** The symlink's target when `path` itself is a symlink, else null. */
	linkTarget(path: string): Promise<string | null>;
	statfs(path: string): Promise<{free: number; total: number}>;
	run(command: string, args: string[], options?: {cwd?: string; timeoutMs?: number}): Promise<{stdout: string; code: number}>;
	fetchText(url: string, timeoutMs?: number): Promise<{status: number; body: string}>;
	/** Sends a SOCKS5 greeting (no authentication) and returns the reply's bytes as hex. */
	socksHello(host: string, port: number, timeoutMs?: number): Promise<string>;
	env: NodeJS.ProcessEnv;
	home: string;
}

const TEXT_LIMIT = 1024 * 1024;

export async function readRegularText(path: string, limit = TEXT_LIMIT): Promise<string> {
	// O_NONBLOCK: a FIFO named like a config file must not block the open.
	const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new Error('not a regular file');
		if (info.size > limit) throw new Error(`larger than ${Math.round(limit / 1024)} KB`);
		return await handle.readFile({encoding: 'utf8'});
	} finally {
		await handle.close();
	}
}

export function createLocalIo(docker: Docker | null, dockerEndpoint: string, dockerError: string | null, env: NodeJS.ProcessEnv): DoctorIo {
	return {
		docker,
		dockerEndpoint,
		dockerError,
		readText: readRegularText,
		async stat(path) {
			const s = await stat(path);
			return {uid: s.uid, gid: s.gid, mode: s.mode, dir: s.isDirectory()};
		},
		async linkTarget(path) {
			const s = await lstat(path);
			return s.isSymbolicLink() ? readlink(path) : null;
		},
		async statfs(path) {
			const s = await statfs(path);
			return {free: s.bavail * s.bsize, total: s.blocks * s.bsize};
		},
		run(command, args, options = {}) {
			return new Promise(resolve => {
				execFile(command, args, {cwd: options.cwd, timeout: options.timeoutMs ?? 5000, maxBuffer: 1024 * 1024, env}, (error, stdout) => {
					const code = error ? (typeof (error as {code?: unknown}).code === 'number' ? (error as {code: number}).code : 127) : 0;
					resolve({stdout: String(stdout), code});
				});
			});
		},
		async fetchText(url, timeoutMs = 2000) {
			const response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs), redirect: 'manual'});
			const body = await response.text();
			return {status: response.status, body: body.slice(0, TEXT_LIMIT)};
		},
		socksHello(host, port, timeoutMs = 2000) {
			return new Promise((resolve, reject) => {
				const socket = connect({host, port});
				const timer = setTimeout(() => {
					socket.destroy();
					reject(new Error(`no answer in ${timeoutMs} ms`));
				}, timeoutMs);
				socket.once('connect', () => socket.write(Buffer.from([0x05, 0x01, 0x00])));
				socket.once('data', data => {
					clearTimeout(timer);
					socket.destroy();
					resolve(data.subarray(0, 2).toString('hex'));
				});
				socket.once('error', error => {
					clearTimeout(timer);
					reject(new Error((error as NodeJS.ErrnoException).code ?? error.message));
				});
				socket.once('close', () => {
					clearTimeout(timer);
					reject(new Error('closed without a reply'));
				});
			});
		},
		env,
		home: env['HOME'] ?? '/root',
	};
}
