// A file polled every tick that rarely changes (OpenHands' config.toml): stat it, and read and
// decode it again only when its stamp (./stamp.ts) moved. Reading it every second was an open, a
// stat, a read and a close, and a TOML parse after them.

import {readRegularText, type RegularRead} from './read-regular.js';
import {stampOf} from './stamp.js';

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
