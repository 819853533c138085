// Folders listed a few levels down in one call, each path with its stamp (device, inode, size, mtime,
// ctime: what moves when it is written, replaced or chmodded) and the clock of the box that listed
// it. A reader polling another box's folders lists them so once and reads again only what moved.

import {stat} from 'node:fs/promises';
import path from 'node:path';
import {fsPath, readdirRaw} from './raw-names.js';
import {RECENT_MS} from './stamp.js';

export interface TreeEntry {
	/** The root it was found under, as given, and its path below it ("<id>/metadata.json"). */
	root: string;
	path: string;
	isDirectory: boolean;
	isFile: boolean;
	stamp: string;
	/** The later of its mtime and ctime. */
	changedMs: number;
}

export interface TreeListing {
	/** The listing box's clock as it listed: a path changed just before is not trusted to its stamp. */
	nowMs: number;
	entries: TreeEntry[];
}

/** Whether an entry (or its absence) can be trusted to its stamp: not changed within RECENT_MS of the listing (stamp.ts says why). */
export function settled(listing: TreeListing, entry: TreeEntry | undefined): boolean {
	return !entry || listing.nowMs - entry.changedMs >= RECENT_MS;
}

/**
 * Every path under each root down to `depth` levels, symlinks followed (as `find -L`). A missing root,
 * or one that is not a folder, has none; one that cannot be read otherwise throws. Below the roots a
 * path gone or unreadable since its folder was listed is left out.
 */
export async function listTree(roots: readonly string[], depth: number): Promise<TreeListing> {
	const nowMs = Date.now();
	const entries: TreeEntry[] = [];
	const walk = async (root: string, under: string, level: number): Promise<void> => {
		let names: string[];
		try {
			names = (await readdirRaw(path.join(root, under))).map(e => e.name);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (level === 1 && code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
			return;
		}
		for (const name of names) {
			const rel = under === '' ? name : path.join(under, name);
			const st = await stat(fsPath(path.join(root, rel)), {bigint: true}).catch(() => null);
			if (!st) continue;
			const changedNs = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
			entries.push({root, path: rel, isDirectory: st.isDirectory(), isFile: st.isFile(), stamp: `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`, changedMs: Number(changedNs / 1_000_000n)});
			if (st.isDirectory() && level < depth) await walk(root, rel, level + 1);
		}
	};
	for (const root of roots) await walk(root, '', 1);
	return {nowMs, entries};
}
