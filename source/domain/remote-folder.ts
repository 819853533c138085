// One folder sized on another host with that box's own tools: `find -type f -printf '%s\n'` summed
// by awk under `timeout` (the walk's time budget), then `stat -c %d` and `df -Pk` for its filesystem.
// This reads what they printed into the same figures the local walker gives. Pure. The output is
// another machine's: anything unexpected is ignored or said, never trusted, and text kept from it is
// made printable.

import {printable} from './text/printable.js';

export interface RemoteFolder {
	bytes: number;
	files: number;
	/** `timeout` stopped the walk: bytes is a lower bound. */
	partial: boolean;
	/** Subfolders find could not read, relative to the folder, with the code ("private (EACCES)"). */
	unreadable: string[];
	/** No size at all: "does not exist", "cannot read (EACCES)", "cannot walk (…)". */
	error: string | null;
	/** Its filesystem: free and total bytes, and the device number (null when unread). */
	fs: {free: number; total: number; dev: string} | null;
}

/** Exit codes of `timeout`: 124 the budget ran out (TERM), 137 it had to KILL. */
const TIMED_OUT = new Set([124, 137]);
/** find, timeout or awk could not run there. */
const CANNOT_RUN = new Set([125, 126, 127]);

const count = (word: string | undefined): number | null => (word !== undefined && /^\d{1,16}$/.test(word) ? Number(word) : null);

/** "Permission denied" -> EACCES, as the local walker names them; other words kept, short and printable. */
function codeOf(message: string): string | null {
	if (/No such file or directory/i.test(message)) return null; // vanished while walking
	if (/Permission denied/i.test(message)) return 'EACCES';
	if (/Input\/output error/i.test(message)) return 'EIO';
	if (/Too many levels of symbolic links/i.test(message)) return 'ELOOP';
	return printable(message).trim().slice(0, 40) || 'error';
}

/** find's path as it quoted it ('…' in the C locale), relative to the folder. */
function relative(quoted: string, root: string): string {
	const path = /^'[^']*'$/.test(quoted) ? quoted.slice(1, -1) : quoted;
	const trimmed = root.replace(/\/+$/, '');
	const rel = path === root || path === trimmed ? '.' : path.startsWith(`${trimmed}/`) ? path.slice(trimmed.length + 1) : path;
	return printable(rel);
}

/** find's complaints ("find: '/x/private': Permission denied") as "private (EACCES)"; other lines apart. */
export function parseWalkErrors(stderr: string, root: string): {unreadable: string[]; other: string[]} {
	const unreadable = new Set<string>();
	const other: string[] = [];
	for (const line of stderr.split('\n')) {
		if (!line.trim()) continue;
		// LC_ALL=C: GNU find quotes every path it names ('…'); an unquoted word is a warning, not a path.
		const m = /^find: ('.*'): ([^:]+)$/.exec(line);
		if (!m) {
			other.push(printable(line).trim().slice(0, 120));
			continue;
		}
		const code = codeOf(m[2]!);
		if (code) unreadable.add(`${relative(m[1]!, root)} (${code})`);
	}
	return {unreadable: [...unreadable], other};
}

/** The last line of `df -Pk` ("fs 1024-blocks used available capacity% mount") as bytes. */
export function parseDfPk(lines: readonly string[]): {free: number; total: number} | null {
	for (let i = lines.length - 1; i >= 0; i--) {
		// The file system's name and the mount point may hold spaces: the four numbers and the % anchor it.
		const m = /\s(\d{1,16})\s+(\d{1,16})\s+(\d{1,16})\s+(\d{1,3})%\s/.exec(` ${lines[i]} `);
		if (m) return {total: Number(m[1]) * 1024, free: Number(m[3]) * 1024};
	}
	return null;
}

/**
 * What the walk script printed for one folder: "missing", or "walk FILES BYTES EXIT" (EXIT being
 * timeout's or find's status), then "dev N" and df -Pk's output for the folder or its nearest
 * existing parent.
 */
export function parseRemoteFolder(stdout: string, stderr: string, root: string): RemoteFolder {
	const lines = stdout.split('\n').map(l => l.replace(/\r$/, ''));
	const dev = lines.map(l => /^dev (\d{1,20})$/.exec(l)?.[1]).find(d => d !== undefined);
	const space = parseDfPk(lines);
	const fs = space && dev !== undefined ? {...space, dev} : null;
	const result = (fields: Partial<RemoteFolder>): RemoteFolder => ({bytes: 0, files: 0, partial: false, unreadable: [], error: null, fs, ...fields});
	if (lines.includes('missing')) return result({error: 'does not exist'});
	const walk = lines.map(l => /^walk (\S+) (\S+) (\S*)$/.exec(l)).find(m => m !== null);
	const errors = parseWalkErrors(stderr, root);
	const said = errors.other[0];
	if (!walk) return result({error: `cannot walk (${said ?? 'no answer from find'})`});
	const [files, bytes, exit] = [count(walk[1]), count(walk[2]), count(walk[3])];
	if (files === null || bytes === null) return result({error: `cannot walk (${said ?? 'unreadable answer from find'})`});
	if (exit !== null && CANNOT_RUN.has(exit)) return result({error: `cannot walk (${said ?? `exit ${exit}`}): needs find, timeout and awk there`});
	const root_ = errors.unreadable.find(u => u.startsWith('. ('));
	if (root_ && files === 0) return result({error: `cannot read (${root_.slice(3, -1)})`});
	// No exit status: the pipe ended early (the channel closed): what was summed is a lower bound.
	const partial = exit === null || TIMED_OUT.has(exit);
	return result({bytes, files, partial, unreadable: errors.unreadable.filter(u => u !== root_)});
}

/** The awk program that sums find's sizes and passes its status on. */
export const SUM_PROGRAM = '$1 == "end" { e = $2; next } { n++; s += $1 } END { printf "walk %.0f %.0f %s\\n", n, s, e }';

/**
 * The script, for `sh -c SCRIPT sh BUDGET_S FOLDER AWK`: one line, no single quotes and no "!", so
 * the remote login shell (sh, bash, zsh, fish) hands it to sh unchanged inside single quotes.
 * `find -H` follows the folder itself when it is a symlink (a cache folder moved to another disk).
 */
export const WALK_SCRIPT = [
	'LC_ALL=C; export LC_ALL',
	'if [ -e "$2" ]; then { timeout -k 2 "$1" find -H "$2" -type f -printf "%s\\n"; echo "end $?"; } | awk "$3"; else echo missing; fi',
	'p=$2; until [ -e "$p" ] || [ "$p" = / ] || [ "$p" = . ]; do p=$(dirname -- "$p"); done',
	'stat -L -c "dev %d" -- "$p"; df -Pk -- "$p"',
].join('; ');
