// A host reached over SSH: commands and files go over channels of the one shared, host-key-checked
// SSH connection (ssh-channels.ts), and its Docker client over `docker system dial-stdio` on the same
// connection. Nothing is installed there: commands are the box's own (head, stat, GNU find).

import type Docker from 'dockerode';
import {dockerode} from '../client-modules.js';
import {DEFAULT_MAX_BYTES, fetchWithDeadline, tooLarge, type DirEntry, type DockerLink, type ExecOptions, type ExecResult, type FileCallOptions, type Host, type HostId, fileError} from '../host.js';
import type {SshChannels} from './ssh-channels.js';
import type {TreeEntry, TreeListing} from '../../fs/tree.js';

export interface SshHostOptions {
	id: HostId;
	label: string;
	/** "ssh://me@box:2222", for messages. */
	endpoint: string;
	ssh: SshChannels;
}

/** One word for a POSIX shell, as ssh hands the command line to the remote user's shell. */
export function shellWord(word: string): string {
	return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An error with the code a local call would give, from the remote command's words. */
function remoteError(path: string, result: ExecResult): NodeJS.ErrnoException {
	const said = result.stderr.trim().split('\n')[0] ?? '';
	const error: NodeJS.ErrnoException = new Error(`${path}: ${said || `exit ${result.exitCode}`}`);
	error.code = /No such file/i.test(said) ? 'ENOENT' : /Permission denied/i.test(said) ? 'EACCES' : 'EIO';
	return error;
}

/**
 * Reads each file named after it: a record per file, `ok`, `big` (over the limit), `bad` (not a
 * regular file or unreadable) or `none` (missing), then its bytes in base64 (any bytes survive the
 * text channel), NUL-ended. POSIX sh, head and coreutils' base64: nothing to install.
 */
const READ_FILES = [
	'max=$1; shift',
	'for f; do',
	'  if [ ! -e "$f" ]; then printf "none\\0"',
	'  elif [ ! -f "$f" ] || [ ! -r "$f" ]; then printf "bad\\0"',
	'  elif [ "$(head -c $((max + 1)) -- "$f" | wc -c)" -gt "$max" ]; then printf "big\\0"',
	'  else printf "ok\\0"; head -c "$max" -- "$f" | base64 | tr -d "\\n"; fi',
	'  printf "\\0"',
	'done',
].join('\n');

/** READ_FILES' output, one result per path. */
export function parseReadFiles(stdout: string, paths: readonly string[], maxBytes: number): Array<string | NodeJS.ErrnoException> {
	const fields = stdout.split('\0');
	return paths.map((p, i) => {
		const status = fields[i * 2];
		if (status === 'ok') return Buffer.from(fields[i * 2 + 1] ?? '', 'base64').toString('utf8');
		if (status === 'big') return tooLarge(p, maxBytes);
		if (status === 'none') return fileError(p, 'ENOENT', 'No such file or directory');
		if (status === 'bad') return fileError(p, 'EINVAL', 'not a readable regular file; not read');
		return fileError(p, 'EIO', 'no answer for it (the command stopped early)');
	});
}

/**
 * The box's clock (GNU date), then each path under the roots down to a depth: its root, then its
 * type, stamp (device, inode, size, mtime, ctime) and path below the root, all NUL-ended (a name
 * may hold anything else). A missing root is said on stderr and the rest still listed.
 */
const TREE = ['depth=$1; shift', 'date +%s.%N', 'printf "\\0"', 'exec find -L "$@" -mindepth 1 -maxdepth "$depth" -printf "%H\\0%y %D:%i:%s:%T@:%C@ %P\\0"'].join('\n');

/** TREE's output; a root that could not be read for another reason than being missing throws. */
export function parseTree(result: ExecResult, roots: readonly string[]): TreeListing {
	const fields = result.stdout.split('\0');
	const nowMs = Math.round(Number(fields[0]) * 1000);
	if (!Number.isFinite(nowMs) || fields.length < 2) throw remoteError(roots[0] ?? '', result);
	for (const line of result.stderr.split('\n')) {
		// find: ‘/path’: Permission denied (the quotes are the locale's).
		const match = /^find: [‘'`"](.*)[’'"]: (.*)$/.exec(line);
		if (match && roots.includes(match[1]!) && !/No such file/i.test(match[2]!)) throw remoteError(match[1]!, {...result, stderr: `${match[2]}`});
	}
	const entries: TreeEntry[] = [];
	for (let i = 1; i + 1 < fields.length; i += 2) {
		const record = /^(\S) (\d+):(\d+):(\d+):([\d.]+):([\d.]+) ([\s\S]+)$/.exec(fields[i + 1]!);
		if (!record) continue;
		const changed = Math.max(Number(record[5]), Number(record[6]));
		entries.push({root: fields[i]!, path: record[7]!, isDirectory: record[1] === 'd', isFile: record[1] === 'f', stamp: `${record[2]}:${record[3]}:${record[4]}:${record[5]}:${record[6]}`, changedMs: Math.round(changed * 1000)});
	}
	return {nowMs, entries};
}

function callOptions(opts: FileCallOptions): ExecOptions {
	return {...(opts.signal ? {signal: opts.signal} : {}), ...(opts.timeoutMs ? {timeoutMs: opts.timeoutMs} : {})};
}

/** `find -printf '%y %s %T@ %f\0'` output as entries. */
export function parseFindList(stdout: string): DirEntry[] {
	const out: DirEntry[] = [];
	for (const record of stdout.split('\0')) {
		const match = /^(\S) (\d+) ([\d.]+) ([\s\S]+)$/.exec(record);
		if (!match) continue;
		out.push({name: match[4]!, isDirectory: match[1] === 'd', isFile: match[1] === 'f', size: Number(match[2]), mtimeMs: Math.round(Number(match[3]) * 1000)});
	}
	return out;
}

export function createSshHost(options: SshHostOptions): Host {
	const {ssh, endpoint} = options;
	let link: DockerLink | null = null;
	const exec: Host['exec'] = async (file, args, opts = {}) => {
		const result = await ssh.exec([file, ...args].map(shellWord).join(' '), opts);
		// 127: the shell found no such command, which a local spawn reports as ENOENT.
		if (result.exitCode === 127) throw Object.assign(new Error(`${file}: not found on ${endpoint}`), {code: 'ENOENT'});
		return result;
	};
	return {
		id: options.id,
		label: options.label,
		kind: 'ssh',
		docker() {
			// Plain HTTP over the channels; the host name only fills the Host header, as the docker CLI's "docker" does.
			link ??= {docker: new (dockerode())({protocol: 'http', host: 'docker', agent: ssh.agent} as unknown as Docker.DockerOptions), endpoint, local: false};
			return link;
		},
		exec,
		files: {
			async readFile(path, opts = {}) {
				const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
				const result = await exec('head', ['-c', String(maxBytes + 1), '--', path], callOptions(opts));
				if (result.exitCode !== 0) throw remoteError(path, result);
				if (Buffer.byteLength(result.stdout) > maxBytes) throw tooLarge(path, maxBytes);
				return result.stdout;
			},
			async stat(path, opts = {}) {
				// %f: st_mode in hex; %F last, as it may hold spaces ("regular file").
				const result = await exec('stat', ['-L', '-c', '%s %Y %u %g %f %F', '--', path], callOptions(opts));
				if (result.exitCode !== 0) throw remoteError(path, result);
				const [size, mtime, uid, gid, mode, ...kind] = result.stdout.trim().split(' ');
				return {size: Number(size), mtimeMs: Number(mtime) * 1000, isDirectory: kind.join(' ') === 'directory', uid: Number(uid), gid: Number(gid), mode: parseInt(mode ?? '0', 16)};
			},
			async linkTarget(path) {
				const kind = await exec('stat', ['-c', '%F', '--', path]);
				if (kind.exitCode !== 0) throw remoteError(path, kind);
				if (kind.stdout.trim() !== 'symbolic link') return null;
				const target = await exec('readlink', ['--', path]);
				if (target.exitCode !== 0) throw remoteError(path, target);
				return target.stdout.replace(/\n$/, '');
			},
			async statfs(path) {
				// %a blocks free to non-root, %b total blocks, %S their size (GNU stat --file-system).
				const result = await exec('stat', ['-f', '-c', '%a %b %S', '--', path]);
				if (result.exitCode !== 0) throw remoteError(path, result);
				const [free, total, size] = result.stdout.trim().split(' ').map(Number);
				return {free: free! * size!, total: total! * size!};
			},
			async readFiles(paths, opts = {}) {
				if (paths.length === 0) return [];
				const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
				const result = await exec('sh', ['-c', READ_FILES, 'sh', String(maxBytes), ...paths], callOptions(opts));
				if (result.exitCode !== 0 && result.stdout === '') throw remoteError(paths[0]!, result);
				return parseReadFiles(result.stdout, paths, maxBytes);
			},
			async tree(roots, depth, opts = {}) {
				// find with no folder named lists the working folder.
				if (roots.length === 0) return {nowMs: Date.now(), entries: []};
				const result = await exec('sh', ['-c', TREE, 'sh', String(depth), ...roots], callOptions(opts));
				return parseTree(result, roots);
			},
			async list(dir, opts = {}) {
				// One command for the whole folder: type, size, mtime and name, NUL-ended (a name may hold a newline).
				const result = await exec('find', ['-L', dir, '-mindepth', '1', '-maxdepth', '1', '-printf', '%y %s %T@ %f\\0'], callOptions(opts));
				// find says 1 for an entry it could not read and still lists the rest; a missing folder lists nothing.
				if (result.exitCode !== 0 && result.stdout === '') throw remoteError(dir, result);
				return parseFindList(result.stdout);
			},
		},
		http: {fetch: fetchWithDeadline},
		close() {
			ssh.close();
			link = null;
		},
	};
}
