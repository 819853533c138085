// Folder sizes, walked off the render path: asynchronous, yielding to the event loop every few
// hundred entries, and bounded in time and entries so a 50k-file tree never freezes the UI (the
// size is then reported as a lower bound).

import {opendir, lstat, statfs, stat} from 'node:fs/promises';
import path from 'node:path';

export interface WalkResult {
	bytes: number;
	files: number;
	/** Stopped at the time or entry budget: bytes is a lower bound. */
	partial: boolean;
	error: string | null;
}

export interface WalkBudget {
	timeMs: number;
	maxEntries: number;
	/** Entries between yields to the event loop. */
	yieldEvery: number;
}

export const DEFAULT_BUDGET: WalkBudget = {timeMs: 1500, maxEntries: 200_000, yieldEvery: 256};

const yieldNow = () => new Promise<void>(resolve => setImmediate(resolve));

export async function walkSize(root: string, budget: WalkBudget = DEFAULT_BUDGET): Promise<WalkResult> {
	const started = Date.now();
	let bytes = 0;
	let files = 0;
	let seen = 0;
	let partial = false;
	try {
		const top = await lstat(root);
		if (!top.isDirectory()) return {bytes: top.size, files: 1, partial: false, error: null};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {bytes: 0, files: 0, partial: false, error: code === 'ENOENT' ? `${root}: does not exist` : `${root}: ${code ?? (error as Error).message}`};
	}
	const stack = [root];
	outer: while (stack.length > 0) {
		const dir = stack.pop()!;
		let handle;
		try {
			handle = await opendir(dir, {bufferSize: 128});
		} catch {
			continue; // unreadable subfolder: skip it, count the rest
		}
		for await (const entry of handle) {
			seen++;
			if (seen % budget.yieldEvery === 0) {
				await yieldNow();
				if (Date.now() - started > budget.timeMs || seen >= budget.maxEntries) {
					partial = true;
					break outer; // leaving for-await closes the handle
				}
			}
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) stack.push(full);
			else if (entry.isFile()) {
				try {
					bytes += (await lstat(full)).size;
					files++;
				} catch {
					// vanished while walking
				}
			}
		}
	}
	return {bytes, files, partial, error: null};
}

export interface FsSpace {
	free: number;
	total: number;
	/** Device id: folders with the same id share one filesystem. */
	id: string;
}

/** Free space of the filesystem holding `target` (or its nearest existing parent). */
export async function fsSpace(target: string): Promise<FsSpace | null> {
	let p = path.resolve(target);
	for (let i = 0; i < 64; i++) {
		try {
			const [s, st] = await Promise.all([statfs(p), stat(p)]);
			return {free: s.bavail * s.bsize, total: s.blocks * s.bsize, id: String(st.dev)};
		} catch {
			const parent = path.dirname(p);
			if (parent === p) return null;
			p = parent;
		}
	}
	return null;
}
