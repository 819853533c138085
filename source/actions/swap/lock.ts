// One swap at a time on a host: a lock file holding the pid of the swap that holds it. A lock whose
// pid is gone (the run crashed or was killed with SIGKILL) is stale and is taken over.

import {mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync} from 'node:fs';
import path from 'node:path';

export interface SwapLock {
	file: string;
	release(): void;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock, or says which swap holds it. */
export function acquireSwapLock(stateDir: string, what: string): SwapLock | {heldBy: string} {
	mkdirSync(stateDir, {recursive: true, mode: 0o700});
	const file = path.join(stateDir, 'swap.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(file, 'wx', 0o600);
			writeSync(fd, JSON.stringify({pid: process.pid, what, at: new Date().toISOString()}));
			closeSync(fd);
			let released = false;
			return {
				file,
				release() {
					if (released) return;
					released = true;
					rmSync(file, {force: true});
				},
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`${file}: cannot create the swap lock (${(error as Error).message})`);
		}
		let holder: {pid?: unknown; what?: unknown; at?: unknown} = {};
		try {
			holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
		} catch {
			// Empty or torn: written by a run killed between open and write.
		}
		if (typeof holder.pid === 'number' && holder.pid !== process.pid && alive(holder.pid)) {
			return {heldBy: `${String(holder.what ?? 'a swap')} (pid ${holder.pid}, since ${String(holder.at ?? '?')})`};
		}
		// Stale: its process is gone. Remove and try again (another run may win the race: fine).
		rmSync(file, {force: true});
	}
	return {heldBy: `another run keeps taking ${file}`};
}
