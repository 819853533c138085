// `--log FILE` / STACKDECK_LOG: what the cockpit caught instead of letting it reach the terminal
// (process warnings, console output, stderr) appended to a file, one timestamped entry each.
// Bounded: past MAX_LOG_BYTES the file becomes FILE.1 (the previous .1 is dropped) and starts over.

import {appendFileSync, mkdirSync, renameSync, statSync} from 'node:fs';
import path from 'node:path';

/** One file's limit; with its one rotated predecessor the log never holds more than twice this. */
export const MAX_LOG_BYTES = 1024 * 1024;

export interface LogFile {
	readonly path: string;
	append(kind: string, text: string, at?: number): void;
}

export function openLogFile(file: string, maxBytes = MAX_LOG_BYTES): LogFile {
	const target = path.resolve(file);
	mkdirSync(path.dirname(target), {recursive: true});
	let size = 0;
	try {
		size = statSync(target).size;
	} catch {
		// A new file.
	}
	return {
		path: target,
		append(kind, text, at = Date.now()) {
			const entry = `${new Date(at).toISOString()} ${kind}: ${text.replace(/\n/g, '\n    ')}\n`;
			try {
				if (size > 0 && size + Buffer.byteLength(entry) > maxBytes) {
					renameSync(target, `${target}.1`);
					size = 0;
				}
				appendFileSync(target, entry);
				size += Buffer.byteLength(entry);
			} catch {
				// A full or vanished disk must not take the cockpit down; the notice log still has it.
			}
		},
	};
}
