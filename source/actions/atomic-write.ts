// Writes a file so that a crash never leaves it half-written: the new text goes to a temporary
// file in the same folder, the old file is copied to `<file>.bak`, then the temporary file is
// renamed over the original (atomic on one filesystem). File mode is kept.

import {copyFile, rename, stat, writeFile, unlink, chmod} from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteResult {
	file: string;
	backup: string | null;
}

export async function atomicWrite(file: string, text: string): Promise<AtomicWriteResult> {
	const dir = path.dirname(file);
	const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
	let mode: number | undefined;
	let backup: string | null = null;
	try {
		mode = (await stat(file)).mode & 0o7777;
		backup = `${file}.bak`;
		await copyFile(file, backup);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	try {
		await writeFile(temp, text, {encoding: 'utf8', mode: mode ?? 0o644, flag: 'wx'});
		if (mode !== undefined) await chmod(temp, mode);
		await rename(temp, file);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		throw new Error(`${file}: could not write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the original is unchanged`);
	}
	return {file, backup};
}
