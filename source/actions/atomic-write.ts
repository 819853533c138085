// Writes a file so that a crash never leaves it (or its backup) half-written: the old file is copied
// to a temporary file, flushed and renamed to `<file>.bak`; the new text goes to a temporary file in
// the same folder, is flushed, given the old file's owner and mode, and renamed over the original;
// then the folder is flushed so the renames survive a power cut. A symlink is written through (its
// target changes, the link stays a link); a read-only file is refused. Temporary files left by a
// killed earlier run are removed.

import {constants} from 'node:fs';
import {lstat, open, readdir, realpath, rename, stat, unlink} from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteResult {
	file: string;
	backup: string | null;
}

const TEMP = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.\\d+\\.(tmp|bak-tmp)$`);

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Remove temporaries of this file whose writer is gone (killed mid-write). */
async function cleanStale(dir: string, base: string): Promise<void> {
	const pattern = TEMP(base);
	for (const name of await readdir(dir).catch(() => [] as string[])) {
		const m = pattern.exec(name);
		if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) await unlink(path.join(dir, name)).catch(() => undefined);
	}
}

async function fsyncDir(dir: string): Promise<void> {
	const handle = await open(dir, constants.O_RDONLY);
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

async function writeSynced(file: string, data: string | Buffer, mode: number, owner: {uid: number; gid: number} | null): Promise<void> {
	const handle = await open(file, 'wx', mode);
	try {
		await handle.writeFile(data);
		await handle.chmod(mode);
		// Keep the owner (root editing a user's config must not hand it to root); only root may chown.
		if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid);
		await handle.sync();
	} finally {
		await handle.close();
	}
}

export async function atomicWrite(file: string, text: string): Promise<AtomicWriteResult> {
	// Through a symlink to the file it names: replacing the link itself would leave the target stale.
	let target = file;
	try {
		if ((await lstat(file)).isSymbolicLink()) target = await realpath(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code}); not changed`);
	}
	const dir = path.dirname(target);
	const base = path.basename(target);
	await cleanStale(dir, base);
	const stamp = `${process.pid}.${Date.now()}`;
	const temp = path.join(dir, `.${base}.${stamp}.tmp`);
	const backupTemp = path.join(dir, `.${base}.${stamp}.bak-tmp`);
	let mode = 0o644;
	let owner: {uid: number; gid: number} | null = null;
	let backup: string | null = null;
	try {
		const info = await stat(target);
		mode = info.mode & 0o7777;
		owner = {uid: info.uid, gid: info.gid};
		if ((mode & 0o222) === 0) {
			throw Object.assign(new Error(`${file}: read-only (mode ${mode.toString(8).padStart(4, '0')}); not changed. Make it writable (chmod u+w) if it should be edited`), {code: 'READONLY'});
		}
	} catch (error) {
		if ((error as {code?: string}).code === 'READONLY') throw error;
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code}); not changed`);
	}
	try {
		if (owner) {
			const old = await open(target, 'r');
			let content: Buffer;
			try {
				content = await old.readFile();
			} finally {
				await old.close();
			}
			await writeSynced(backupTemp, content, mode, owner);
			backup = `${target}.bak`;
			await rename(backupTemp, backup);
		}
		await writeSynced(temp, text, mode, owner);
		await rename(temp, target);
		await fsyncDir(dir);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		await unlink(backupTemp).catch(() => undefined);
		throw new Error(`${file}: could not write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the original is unchanged`);
	}
	return {file, backup};
}
