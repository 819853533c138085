// Reads a JSON (or JSON lines) file with a size cap checked before any byte is read, and says what is
// wrong in words that name the file: too large, empty, cut short (partial write), or not JSON.

import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {fsPath} from '../../fs/raw-names.js';
import {readRegularFile} from '../../fs/read-regular.js';

/** Largest input file check-session reads (trajectories and evaluation outputs can be big). */
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;
/** Largest single event file read; OpenHands warns above 1 MB. */
export const MAX_EVENT_BYTES = 16 * 1024 * 1024;

export type JsonRead =
	| {ok: true; value: unknown; bytes: number; lines?: undefined}
	| {ok: true; value?: undefined; lines: unknown[]; bytes: number}
	| {ok: false; kind: 'too-large' | 'empty' | 'partial' | 'malformed' | 'unreadable'; error: string; bytes: number};

export function formatMb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Decode text as JSON; when that fails, as JSON lines (every non-blank line a JSON value). */
export function decodeJson(text: string, file: string, allowLines: boolean, knownBytes?: number): JsonRead {
	// Parse first: the common case (a good event) then costs no trim copy and no byte count.
	try {
		return {ok: true, value: JSON.parse(text), bytes: knownBytes ?? Buffer.byteLength(text)};
	} catch (error) {
		const bytes = knownBytes ?? Buffer.byteLength(text);
		if (text.trim() === '') return {ok: false, kind: 'empty', error: `${file}: empty file`, bytes};
		const message = (error as Error).message;
		if (allowLines && text.includes('\n')) {
			const lines: unknown[] = [];
			let bad: string | null = null;
			for (const [n, line] of text.split('\n').entries()) {
				if (line.trim() === '') continue;
				try {
					lines.push(JSON.parse(line));
				} catch (lineError) {
					bad = `line ${n + 1}: ${(lineError as Error).message}`;
					break;
				}
			}
			if (bad === null && lines.length > 1) return {ok: true, lines, bytes};
		}
		const cut = /Unexpected end of JSON input|Unterminated string|Expected .* after|end of data/i.test(message) && /^\s*[[{]/.test(text);
		return cut
			? {ok: false, kind: 'partial', error: `${file}: JSON ends early (partly written or truncated): ${message}`, bytes}
			: {ok: false, kind: 'malformed', error: `${file}: not JSON: ${message}`, bytes};
	}
}

/** Only a regular file is read (a FIFO or device named like one is refused), and only up to `maxBytes`. */
export async function readJsonFile(file: string, maxBytes: number, allowLines = false): Promise<JsonRead> {
	const read = await readRegularFile(file, maxBytes);
	if (!read.ok) {
		if (read.kind === 'too-large') {
			return {ok: false, kind: 'too-large', error: `${file}: ${formatMb(read.bytes)} is over the ${formatMb(maxBytes)} limit; not read (split it, or check a session folder instead)`, bytes: read.bytes};
		}
		return {ok: false, kind: 'unreadable', error: read.error, bytes: 0};
	}
	return decodeJson(read.buffer.toString('utf8'), file, allowLines, read.bytes);
}

const FIRST_READ = 64 * 1024;
const scratch = Buffer.allocUnsafe(FIRST_READ);

/**
 * Synchronous read of one small file (an event). Most events fit the first 64 KB read, so no stat
 * is needed; a file that fills it is measured on the open descriptor and refused above `maxBytes`
 * before the rest is read. Thousands of these are far cheaper than async reads (four thread-pool
 * trips each); callers read in batches and yield between them.
 */
export function readJsonFileSync(file: string, maxBytes: number): JsonRead {
	let fd: number;
	try {
		// Non-blocking: a FIFO named like an event must not stall the process in open(2).
		fd = openSync(fsPath(file), constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		return {ok: false, kind: 'unreadable', error: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, bytes: 0};
	}
	try {
		if (!fstatSync(fd).isFile()) return {ok: false, kind: 'unreadable', error: `${file}: not a regular file; not read`, bytes: 0};
		const first = readSync(fd, scratch, 0, FIRST_READ, 0);
		if (first < FIRST_READ) return decodeJson(scratch.toString('utf8', 0, first), file, false, first);
		const size = fstatSync(fd).size;
		if (size > maxBytes) {
			return {ok: false, kind: 'too-large', error: `${file}: ${formatMb(size)} is over the ${formatMb(maxBytes)} limit; not read`, bytes: size};
		}
		const buffer = Buffer.allocUnsafe(Math.max(size, first));
		scratch.copy(buffer, 0, 0, first);
		let read = first;
		for (;;) {
			if (read === buffer.length) break;
			const n = readSync(fd, buffer, read, buffer.length - read, read);
			if (n === 0) break;
			read += n;
		}
		return decodeJson(buffer.toString('utf8', 0, read), file, false, read);
	} catch (error) {
		return {ok: false, kind: 'unreadable', error: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, bytes: 0};
	} finally {
		closeSync(fd);
	}
}
