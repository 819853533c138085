// Folder sizes, walked off the render path: asynchronous, yielding to the event loop every few
// hundred entries, and bounded in time and entries so a 50k-file tree never freezes the UI (the
// size is then reported as a lower bound). Subfolders that cannot be read are named, not skipped
// silently: what they hold is not in the total.

import {opendir, lstat, statfs, stat} from 'node:fs/promises';
import path from 'node:path';

export interface WalkResult {
	bytes: number;
	files: number;
	/** Stopped at the time or entry budget: bytes is a lower bound. */
	partial: boolean;
	/** Which budget stopped the walk, when one did. */
	stoppedBy: 'time' | 'entries' | null;
	/** Subfolders that could not be read, relative to the root, with the error code: "private (EACCES)". */
	unreadable: string[];
	/** The folder itself could not be measured ("does not exist", "cannot read (EACCES)"). */
	error: string | null;
}

export interface WalkBudget {
	timeMs: number;
	maxEntries: number;
	/** Entries between yields to the event loop. */
	yieldEvery: number;
}

export const DEFAULT_BUDGET: WalkBudget = {timeMs: 1500, maxEntries: 200_000, yieldEvery: 256};

/** Files whose sizes are asked for at once: enough to keep libuv's 4 threads busy (32 was ~1.5x slower). */
const STAT_BATCH = 128;

const yieldNow = () => new Promise<void>(resolve => setImmediate(resolve));

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

export async function walkSize(root: string, budget: WalkBudget = DEFAULT_BUDGET): Promise<WalkResult> {
	const started = Date.now();
	let bytes = 0;
	let files = 0;
	let seen = 0;
	let stoppedBy: WalkResult['stoppedBy'] = null;
	const unreadable = new Set<string>();
	const done = (error: string | null = null): WalkResult => ({bytes, files, partial: stoppedBy !== null, stoppedBy, unreadable: [...unreadable], error});
	try {
		const top = await lstat(root);
		if (!top.isDirectory()) {
			bytes = top.size;
			files = 1;
			return done();
		}
	} catch (error) {
		const code = codeOf(error);
		return done(code === 'ENOENT' ? 'does not exist' : `cannot read (${code})`);
	}
	const name = (dir: string, code: string) => `${path.relative(root, dir) || '.'} (${code})`;
	let pending: string[] = [];
	let pendingDir = root;
	const statPending = async () => {
		const sizes = await Promise.allSettled(pending.map(p => lstat(p)));
		for (const s of sizes) {
			if (s.status === 'fulfilled') {
				bytes += s.value.size;
				files++;
			} else if (codeOf(s.reason) !== 'ENOENT') {
				// A folder listed but not searchable (r without x): its files cannot be sized.
				unreadable.add(name(pendingDir, codeOf(s.reason)));
			} // ENOENT: vanished while walking
		}
		pending = [];
	};
	const stack = [root];
	outer: while (stack.length > 0) {
		const dir = stack.pop()!;
		let handle;
		try {
			handle = await opendir(dir, {bufferSize: 256});
		} catch (error) {
			if (dir === root) return done(`cannot read (${codeOf(error)})`);
			if (codeOf(error) !== 'ENOENT') unreadable.add(name(dir, codeOf(error)));
			continue;
		}
		pendingDir = dir;
		try {
			for await (const entry of handle) {
				if (seen >= budget.maxEntries) {
					stoppedBy = 'entries';
					break outer; // leaving for-await closes the handle
				}
				seen++;
				if (seen % budget.yieldEvery === 0) {
					await statPending();
					await yieldNow();
					if (Date.now() - started > budget.timeMs) {
						stoppedBy = 'time';
						break outer;
					}
				}
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) stack.push(full);
				else if (entry.isFile()) {
					pending.push(full);
					if (pending.length >= STAT_BATCH) await statPending();
				}
			}
		} catch (error) {
			// The listing failed part way (folder removed, I/O error): keep what was counted, name it.
			unreadable.add(name(dir, codeOf(error)));
		}
		await statPending();
	}
	await statPending();
	return done();
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
