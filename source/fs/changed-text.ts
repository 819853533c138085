// A file polled every tick that rarely changes (OpenHands' config.toml): stat it, and read and
// decode it again only when its inode, size, mtime or ctime moved. Reading it every second was an
// open, a stat, a read and a close, and a TOML parse after them.
//
// A file modified within RECENT_MS of our read is not trusted to its stamp: file times advance in
// clock ticks of a few milliseconds, so a same-size edit right after a read can keep the stamp the
// read saw (git's "racy" index entries). Such a file is read again until it has been quiet.

import {stat} from 'node:fs/promises';
import {readRegularText, type RegularRead} from './read-regular.js';
import {fsPath} from './raw-names.js';

export const RECENT_MS = 2000;

export type ChangedText = {ok: true; text: string; fresh: boolean} | Extract<RegularRead, {ok: false}>;

/** A reader for one file: `read()` returns the last text (fresh: false) while the file is unchanged. */
export function changedTextReader(file: string, maxBytes: number, now: () => number = Date.now): {read(): Promise<ChangedText>} {
	let kept: {stamp: string; text: string} | null = null;
	return {
		async read() {
			const stamp = await stampOf(file, now());
			if (stamp !== null && kept?.stamp === stamp) return {ok: true, text: kept.text, fresh: false};
			const read = await readRegularText(file, maxBytes);
			if (!read.ok) {
				kept = null;
				return read;
			}
			// The stamp was taken before the read: a change in between is caught by the next stamp.
			kept = stamp === null ? null : {stamp, text: read.text};
			return {ok: true, text: read.text, fresh: true};
		},
	};
}

/** The file's version as stat sees it, or null when it cannot be trusted (missing, not a file, changed just now). */
async function stampOf(file: string, nowMs: number): Promise<string | null> {
	try {
		const s = await stat(fsPath(file), {bigint: true});
		if (!s.isFile()) return null;
		const changedMs = Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
		if (nowMs - changedMs < RECENT_MS) return null;
		return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
	} catch {
		return null;
	}
}
