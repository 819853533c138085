// A host: one box the cockpit watches. Everything that reaches a machine goes through it: its Docker
// client, commands run there, files read there, its HTTP endpoints. The runtime creates one per
// configured host (today the implicit `local`) and hands it to the sources created for that host.

import type Docker from 'dockerode';
import type {HostId} from '../domain/host-id.js';
import type {TreeListing} from '../fs/tree.js';

export {LOCAL_HOST_ID, type HostId} from '../domain/host-id.js';

export interface DockerLink {
	docker: Docker;
	/** Shown to the user: "unix:///var/run/docker.sock", "tcp://10.0.0.2:2375", "ssh://me@box". */
	endpoint: string;
	/** The daemon's files (container log files) are on this host's filesystem: a unix socket only. */
	local: boolean;
}

export interface ExecOptions {
	signal?: AbortSignal;
	/** Killed (and the promise rejected) after this long. */
	timeoutMs?: number;
}

export interface ExecResult {
	exitCode: number | null;
	stdout: string;
	stderr: string;
}

export interface FileStat {
	size: number;
	mtimeMs: number;
	isDirectory: boolean;
	/** Owner, group and mode bits (st_mode), as the Doctor's permission checks read them. */
	uid: number;
	gid: number;
	mode: number;
}

export interface FsSpace {
	/** Bytes free to an unprivileged user, and the file system's size. */
	free: number;
	total: number;
}

/** One name in a folder, with what a listing view needs (symlinks followed). */
export interface DirEntry {
	name: string;
	isDirectory: boolean;
	isFile: boolean;
	size: number;
	mtimeMs: number;
}

/** A deadline for one call (a remote box that stops answering must not hold its reader forever). */
export interface FileCallOptions {
	signal?: AbortSignal;
	timeoutMs?: number;
}

export interface HostFiles {
	/** A text file, refused (error code EFBIG) when larger than maxBytes (default 4 MiB). */
	readFile(path: string, options?: FileCallOptions & {maxBytes?: number}): Promise<string>;
	/** Follows symlinks; rejects with code ENOENT when there is no such file. */
	stat(path: string, options?: FileCallOptions): Promise<FileStat>;
	/** The symlink's target when `path` itself is a symlink, else null; rejects with ENOENT when it does not exist. */
	linkTarget(path: string): Promise<string | null>;
	/** The file system holding `path`. */
	statfs(path: string): Promise<FsSpace>;
	/** A folder's entries with their type, size and mtime, in one call (one command over SSH); ENOENT when it is missing. */
	list(dir: string, options?: FileCallOptions): Promise<DirEntry[]>;
	/** Several small text files in one call (one command over SSH): each its text or its error (ENOENT, EFBIG, EINVAL: not a regular file). */
	readFiles(paths: readonly string[], options?: FileCallOptions & {maxBytes?: number}): Promise<Array<string | NodeJS.ErrnoException>>;
	/** Every path under the roots down to `depth` levels with its stamp, and the box's clock, in one call (../fs/tree.ts). */
	tree(roots: readonly string[], depth: number, options?: FileCallOptions): Promise<TreeListing>;
}

/** An error with the code a local call gives. */
export function fileError(path: string, code: string, words: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${path}: ${words}`), {code});
}

export interface HostHttp {
	/** fetch with a deadline (default 5 s), also cancelled by init.signal. */
	fetch(url: string, init?: RequestInit & {timeoutMs?: number}): Promise<Response>;
}

export interface Host {
	readonly id: HostId;
	/** For people: the machine's name. */
	readonly label: string;
	/** How commands and files reach it: this machine's own, or over SSH. */
	readonly kind: 'local' | 'ssh';
	/** Its Docker client, made on first use; throws an Error naming the setting at fault and what to do. */
	docker(): DockerLink;
	/**
	 * Runs a command there and resolves with its exit code and output, whatever the code; rejects when
	 * it cannot start (code ENOENT: no such command), times out, or is cancelled.
	 */
	exec(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
	readonly files: HostFiles;
	readonly http: HostHttp;
	/** Let go of its connections (Docker agents, the SSH connection). */
	close(): void;
}

export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
export const DEFAULT_HTTP_TIMEOUT_MS = 5000;

/** An error for a file over the size limit, with the code callers test. */
export function tooLarge(path: string, maxBytes: number): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(`${path}: larger than the ${maxBytes} bytes read at most`);
	error.code = 'EFBIG';
	return error;
}

/** The fetch every host kind uses: a deadline and the caller's signal, whichever ends first. */
export function fetchWithDeadline(url: string, init: RequestInit & {timeoutMs?: number} = {}): Promise<Response> {
	const {timeoutMs = DEFAULT_HTTP_TIMEOUT_MS, signal, ...rest} = init;
	const deadline = AbortSignal.timeout(timeoutMs);
	return fetch(url, {...rest, signal: signal ? AbortSignal.any([signal, deadline]) : deadline});
}
