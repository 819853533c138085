// File-system facts for the Doctor: config files' text, a path's owner and symlinks on the way,
// free space, folder sizes, host memory.

import {dirname, isAbsolute, join, resolve, sep} from 'node:path';
import type {DiskFact, FileFact, FolderFact, MemoryFact, PathFact} from '../../domain/doctor/facts.js';
import {parseMeminfo} from '../../domain/meminfo.js';
import {walkSize} from '../engines/disk-walker.js';
import type {DoctorIo} from './io.js';

function reason(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	if (e.code === 'ENOENT') return 'no such file';
	if (e.code === 'EACCES') return 'permission denied';
	// A host with no way to its files: the message names the setting.
	if (e.code === 'ENOSYS') return e.message;
	return e.code ?? e.message ?? String(error);
}

export async function readFact(io: DoctorIo, path: string): Promise<FileFact> {
	try {
		return {path, text: await io.readText(path), error: null};
	} catch (error) {
		return {path, text: null, error: reason(error)};
	}
}

export async function pathFact(io: DoctorIo, path: string): Promise<PathFact> {
	const out: PathFact = {path, error: null, exists: false, symlink: null, uid: null, gid: null, mode: null};
	if (!isAbsolute(path)) return {...out, error: 'not an absolute path'};
	// Every component from the root down: the first symlink is the one that matters.
	const parts = resolve(path).split(sep).filter(Boolean);
	let at = '/';
	for (const part of parts) {
		at = join(at, part);
		try {
			const target = await io.linkTarget(at);
			if (target !== null) {
				out.symlink = {at, target: isAbsolute(target) ? target : resolve(dirname(at), target)};
				break;
			}
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
			return {...out, error: reason(error)};
		}
	}
	try {
		const s = await io.stat(path);
		return {...out, exists: true, uid: s.uid, gid: s.gid, mode: s.mode};
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? out : {...out, error: reason(error)};
	}
}

export async function diskFact(io: DoctorIo, label: string, path: string): Promise<DiskFact> {
	try {
		const s = await io.statfs(path);
		return {label, path, error: null, freeBytes: s.free, totalBytes: s.total};
	} catch (error) {
		return {label, path, error: reason(error), freeBytes: 0, totalBytes: 0};
	}
}

export async function folderFact(path: string): Promise<FolderFact> {
	const walk = await walkSize(path, {timeMs: 1000, maxEntries: 100_000, yieldEvery: 256});
	return {path, error: walk.error, bytes: walk.bytes, partial: walk.partial};
}

export async function memoryFact(io: DoctorIo, path: string): Promise<MemoryFact> {
	const none = {totalBytes: 0, availableBytes: 0, cachedBytes: 0, swapUsedBytes: 0};
	try {
		const m = parseMeminfo(await io.readText(path, 64 * 1024), path);
		return {path, error: null, totalBytes: m.totalBytes, availableBytes: m.availableBytes, cachedBytes: m.cachedBytes, swapUsedBytes: m.swapUsedBytes};
	} catch (error) {
		return {path, error: error instanceof Error && !('code' in error) ? error.message : reason(error), ...none};
	}
}
