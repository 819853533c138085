// string-width measures every string Ink lays out and writes. Its fast path takes printable ASCII
// alone; a line with one box-drawing corner, sparkline block or "·" goes through Intl.Segmenter, an
// emoji regex and an East Asian Width lookup per character, and the first such call compiles the
// emoji regex (80-170 ms for that first call alone in a fresh process on a busy machine; 52 ms of a
// cockpit start-up profile). Every frame of the cockpit has such lines.
//
// The bundle's string-width gets a second fast path: a string made only of characters that are each
// one cell wide, alone and next to one another, has its length as its width. The set is computed
// at build time by asking the installed string-width itself about each candidate character, so it
// can only hold what that version already measures as 1; combining marks, format and control
// characters (which join or hide neighbours) are never in it. Only the default measure
// (ambiguousIsNarrow) takes it.

import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/** Where the check goes: after ANSI codes are stripped, before the per-grapheme loop (string-width 7 and 8). */
const ANCHOR = '\tlet width = 0;\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};';

/** Blocks searched: Latin-1 and Latin Extended, Greek, Cyrillic, and punctuation through arrows, maths, box drawing, blocks and symbols. */
const CANDIDATES = [
	[0x00a0, 0x024f],
	[0x0370, 0x03ff],
	[0x0400, 0x04ff],
	[0x2010, 0x2bff],
];

/** Characters that join, hide or break their neighbours' clusters: never in the set, whatever their width. */
const JOINING = /[\p{M}\p{C}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Regional_Indicator}]/u;

/** The code points `stringWidth` measures as one cell alone, before a letter and after one. */
export function narrowCodePoints(stringWidth) {
	const out = [];
	for (const [from, to] of CANDIDATES) {
		for (let cp = from; cp <= to; cp++) {
			const ch = String.fromCodePoint(cp);
			if (JOINING.test(ch)) continue;
			if (stringWidth(ch) === 1 && stringWidth(`a${ch}b`) === 3 && stringWidth(`${ch}${ch}`) === 2) out.push(cp);
		}
	}
	return out;
}

const hex = cp => `\\u${cp.toString(16).padStart(4, '0').toUpperCase()}`;

/** A regular expression's source matching strings of printable ASCII and the given code points only. */
export function narrowPattern(codePoints) {
	const ranges = [[0x20, 0x7e]];
	for (const cp of codePoints) {
		const last = ranges[ranges.length - 1];
		if (cp === last[1] + 1) last[1] = cp;
		else ranges.push([cp, cp]);
	}
	return `^[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]*$`;
}

/** string-width's source with the fast path; throws when the source is not the one this was written for. */
export function withNarrowFastPath(source, pattern) {
	if (source.split(ANCHOR).length !== 2) throw new Error('string-width/index.js has changed: update scripts/string-width-narrow.mjs for the new string-width');
	const check = `\t// stackdeck: one cell per character (scripts/string-width-narrow.mjs).\n\tif (ambiguousIsNarrow && /${pattern}/.test(string)) {\n\t\treturn string.length;\n\t}\n\n`;
	return source.replace(ANCHOR, `${check}${ANCHOR}`);
}

/** The set for the string-width at `file`, asked of that module itself. */
export async function patternFor(file) {
	const {default: stringWidth} = await import(pathToFileURL(file).href);
	return narrowPattern(narrowCodePoints(stringWidth));
}

export const stringWidthNarrowPlugin = {
	name: 'string-width-narrow',
	setup(build) {
		build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async args => ({
			contents: withNarrowFastPath(await readFile(args.path, 'utf8'), await patternFor(args.path)),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
	},
};
