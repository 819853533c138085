// File names are bytes on Linux, not necessarily UTF-8 (a folder copied from another system, a name
// cut mid-character). Node decodes them lossily, and the lossy name then opens nothing: a session
// folder whose name is not UTF-8 showed 0 events. Names are read as bytes and carried as strings
// with each byte that is not UTF-8 kept as a lone surrogate U+DC80..U+DCFF (Python's
// "surrogateescape"); `fsPath` turns such a string back into the exact bytes for an fs call, and
// `printable` (domain/text) shows those surrogates as U+FFFD.

import {readdirSync, type Dirent} from 'node:fs';
import {readdir} from 'node:fs/promises';

const ESCAPED = /[\uDC80-\uDCFF]/u;
const strict = new TextDecoder('utf-8', {fatal: true});

/** A name's bytes as a string that `fsPath` turns back into the same bytes. */
export function decodeName(bytes: Buffer): string {
	let out = '';
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			out += String.fromCharCode(b);
			i++;
			continue;
		}
		const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (length > 0 && i + length <= bytes.length) {
			try {
				out += strict.decode(bytes.subarray(i, i + length));
				i += length;
				continue;
			} catch {
				// not a whole character: the lead byte is escaped below
			}
		}
		out += String.fromCharCode(0xdc00 + b);
		i++;
	}
	return out;
}

/** What to hand to fs: the string itself, or, when it carries escaped bytes, the exact bytes. */
export function fsPath(path: string): string | Buffer {
	if (!ESCAPED.test(path)) return path;
	const parts: Buffer[] = [];
	for (const char of path) {
		const code = char.charCodeAt(0);
		parts.push(char.length === 1 && code >= 0xdc80 && code <= 0xdcff ? Buffer.of(code - 0xdc00) : Buffer.from(char, 'utf8'));
	}
	return Buffer.concat(parts);
}

export interface RawEntry {
	name: string;
	isDirectory: boolean;
	isFile: boolean;
}

function entries(list: Dirent<Buffer>[]): RawEntry[] {
	return list.map(d => ({name: decodeName(d.name), isDirectory: d.isDirectory(), isFile: d.isFile()}));
}

/** A folder's entries with names that open what they name, whatever their bytes. */
export async function readdirRaw(dir: string): Promise<RawEntry[]> {
	return entries(await readdir(fsPath(dir), {withFileTypes: true, encoding: 'buffer'}));
}

export function readdirRawSync(dir: string): RawEntry[] {
	return entries(readdirSync(fsPath(dir), {withFileTypes: true, encoding: 'buffer'}));
}
