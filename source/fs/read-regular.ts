// Reading a file we were pointed at, safely: only a regular file is read (a FIFO, a device like
// /dev/zero, a socket or a folder is refused before a byte is read), and never more than a limit.
// The open is non-blocking, so a FIFO with no writer cannot stall the process in open(2); the limit is
// enforced on the bytes actually read, so a file that grows, or lies about its size (/proc), stays bounded.

import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {fsPath} from './raw-names.js';

export type RegularRead =
	| {ok: true; buffer: Buffer; bytes: number}
	| {ok: false; kind: 'missing' | 'not-regular' | 'too-large' | 'unreadable'; code: string | null; error: string; bytes: number};

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function failure(file: string, error: unknown, bytes = 0): RegularRead {
	const code = (error as NodeJS.ErrnoException).code ?? null;
	if (code === 'ENOENT') return {ok: false, kind: 'missing', code, error: `${file}: no such file`, bytes};
	return {ok: false, kind: 'unreadable', code, error: `${file}: cannot read (${code ?? (error as Error).message})`, bytes};
}

function kindOf(mode: {isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean}): string {
	if (mode.isFIFO()) return 'a FIFO';
	if (mode.isCharacterDevice() || mode.isBlockDevice()) return 'a device';
	if (mode.isSocket()) return 'a socket';
	if (mode.isDirectory()) return 'a folder';
	return 'not a regular file';
}

function notRegular(file: string, what: string): RegularRead {
	return {ok: false, kind: 'not-regular', code: null, error: `${file}: ${what}, not a regular file; not read`, bytes: 0};
}

function tooLarge(file: string, bytes: number, maxBytes: number): RegularRead {
	return {ok: false, kind: 'too-large', code: null, error: `${file}: ${formatBytes(bytes)} is over the ${formatBytes(maxBytes)} limit; not read`, bytes};
}

/** Synchronous: for small files on the start-up path and for events read in batches. */
export function readRegularFileSync(file: string, maxBytes: number): RegularRead {
	let fd: number;
	try {
		fd = openSync(fsPath(file), OPEN_FLAGS);
	} catch (error) {
		return failure(file, error);
	}
	try {
		const info = fstatSync(fd);
		if (!info.isFile()) return notRegular(file, kindOf(info));
		if (info.size > maxBytes) return tooLarge(file, info.size, maxBytes);
		// One byte past the limit tells "grew past it while we read" from "exactly at it".
		let buffer = Buffer.allocUnsafe(Math.min(Math.max(info.size, 4096), maxBytes) + 1);
		let read = 0;
		for (;;) {
			if (read === buffer.length) {
				if (buffer.length > maxBytes) return tooLarge(file, read, maxBytes);
				const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
				buffer.copy(bigger, 0, 0, read);
				buffer = bigger;
			}
			const n = readSync(fd, buffer, read, buffer.length - read, null);
			if (n === 0) break;
			read += n;
		}
		if (read > maxBytes) return tooLarge(file, read, maxBytes);
		return {ok: true, buffer: buffer.subarray(0, read), bytes: read};
	} catch (error) {
		return failure(file, error);
	} finally {
		closeSync(fd);
	}
}

/** Asynchronous: reads go to the thread pool, the main thread never waits on the disk. */
export async function readRegularFile(file: string, maxBytes: number): Promise<RegularRead> {
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		handle = await open(fsPath(file), OPEN_FLAGS);
	} catch (error) {
		return failure(file, error);
	}
	try {
		const info = await handle.stat();
		if (!info.isFile()) return notRegular(file, kindOf(info));
		if (info.size > maxBytes) return tooLarge(file, info.size, maxBytes);
		let buffer = Buffer.allocUnsafe(Math.min(Math.max(info.size, 4096), maxBytes) + 1);
		let read = 0;
		for (;;) {
			if (read === buffer.length) {
				if (buffer.length > maxBytes) return tooLarge(file, read, maxBytes);
				const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
				buffer.copy(bigger, 0, 0, read);
				buffer = bigger;
			}
			const {bytesRead} = await handle.read(buffer, read, buffer.length - read, null);
			if (bytesRead === 0) break;
			read += bytesRead;
		}
		if (read > maxBytes) return tooLarge(file, read, maxBytes);
		return {ok: true, buffer: buffer.subarray(0, read), bytes: read};
	} catch (error) {
		return failure(file, error);
	} finally {
		await handle.close().catch(() => undefined);
	}
}

/** Text of a regular file, or the reason it was not read. */
export function readRegularTextSync(file: string, maxBytes: number): {ok: true; text: string} | Extract<RegularRead, {ok: false}> {
	const r = readRegularFileSync(file, maxBytes);
	return r.ok ? {ok: true, text: r.buffer.toString('utf8')} : r;
}

export async function readRegularText(file: string, maxBytes: number): Promise<{ok: true; text: string} | Extract<RegularRead, {ok: false}>> {
	const r = await readRegularFile(file, maxBytes);
	return r.ok ? {ok: true, text: r.buffer.toString('utf8')} : r;
}
