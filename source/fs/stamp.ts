// A file's or folder's version as stat sees it, for a reader that re-reads only what changed: its
// device, inode, size, mtime and ctime (a chmod or an edit with its old mtime put back still moves
// the ctime; a file added to or removed from a folder moves the folder's mtime).
//
// A path changed within RECENT_MS of now is not trusted to its stamp: file times advance in clock
// ticks of a few milliseconds, so a same-size edit right after a read can keep the stamp the read
// saw (git's "racy" index entries). Such a path is read again until it has been quiet.

import {statSync, type BigIntStats} from 'node:fs';
import {stat} from 'node:fs/promises';
import {fsPath} from './raw-names.js';

export const RECENT_MS = 2000;
export const MISSING = 'missing';

/**
 * The stamp; MISSING when nothing is there (a file that appears later gets a stamp of its own); null
 * when it cannot be trusted: not the `kind` asked for, changed just now, or stat failed otherwise.
 */
export async function stampOf(file: string, nowMs: number, kind: 'file' | 'folder' = 'file'): Promise<string | null> {
	try {
		return stampFrom(await stat(fsPath(file), {bigint: true}), nowMs, kind);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : null;
	}
}

/** The same, synchronously (the V1 listing reads its small files synchronously too). */
export function stampOfSync(file: string, nowMs: number, kind: 'file' | 'folder' = 'file'): string | null {
	try {
		return stampFrom(statSync(fsPath(file), {bigint: true}), nowMs, kind);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : null;
	}
}

function stampFrom(s: BigIntStats, nowMs: number, kind: 'file' | 'folder'): string | null {
	if (kind === 'file' ? !s.isFile() : !s.isDirectory()) return null;
	const changedMs = Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
	if (nowMs - changedMs < RECENT_MS) return null;
	return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}
