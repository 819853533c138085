// A one-line text field narrower than what is typed into it: the end (where the cursor is) stays in
// view and the start scrolls off to the left behind "…", as in a shell prompt. Measured in terminal
// cells, so wide characters count twice.

import {cellWidth} from '../list/cells.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The tail of `text` that fits in `width` cells, with "…" first when the start was cut. */
export function fieldTail(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	const room = width - cellWidth(ellipsis);
	if (room <= 0) return ellipsis.slice(0, width);
	const graphemes = [...segmenter.segment(text)].map(s => s.segment);
	let out = '';
	let used = 0;
	for (let i = graphemes.length - 1; i >= 0; i--) {
		const w = cellWidth(graphemes[i]!);
		if (used + w > room) break;
		out = graphemes[i]! + out;
		used += w;
	}
	return ellipsis + out;
}

/** One key the registry calls a typed character: one printable character, or "space". */
export function typedChar(key: string): string | null {
	if (key === 'space') return ' ';
	const chars = [...key];
	if (chars.length !== 1) return null;
	const code = key.codePointAt(0)!;
	// C0, DEL and C1 controls never reach a text field; everything else (é, ü, 中, emoji) does.
	if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return null;
	return key;
}

/**
 * A field's whole line in `width` cells: `before` + the text's tail + `after`, then the first of
 * `extras` (most words first) that still leaves the text at least `minText` cells, else none.
 * What is being typed always wins over hints.
 */
export function fieldLine(parts: {before: string; text: string; after: string; extras: readonly string[]}, width: number, minText = 12): string {
	const frame = cellWidth(parts.before) + cellWidth(parts.after);
	const need = Math.min(cellWidth(parts.text), minText);
	const extra = parts.extras.find(e => frame + need + cellWidth(e) <= width) ?? '';
	return parts.before + fieldTail(parts.text, width - frame - cellWidth(extra)) + parts.after + extra;
}
