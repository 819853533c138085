// Text measured as the terminal draws it: CJK and most emoji take two cells, combining marks none.
// Every list column is cut and padded with these, so a wide character never pushes a row past
// the panel's edge. string-width is the measure Ink itself uses for layout.

import stringWidth from 'string-width';
import {isPrintableAscii} from '../text/printable.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * The characters of `text` as the terminal draws them (grapheme clusters). Printable ASCII, most of
 * what the panels show, is one character a cluster: segmenting it was most of what wrapping a note
 * cost, every frame.
 */
function graphemes(text: string): string[] {
	return isPrintableAscii(text) ? text.split('') : Array.from(segmenter.segment(text), s => s.segment);
}

/** Cells one grapheme takes. */
function graphemeWidth(grapheme: string): number {
	if (grapheme.length === 1) {
		const c = grapheme.charCodeAt(0);
		if (c >= 0x20 && c < 0x7f) return 1;
	}
	return stringWidth(grapheme);
}

export function cellWidth(text: string): number {
	return stringWidth(text);
}

/** Cut to at most `width` cells, ending with "…" when something was cut. */
export function truncateCells(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	const room = width - cellWidth(ellipsis);
	if (room < 0) return ellipsis.slice(0, width);
	let out = '';
	let used = 0;
	for (const part of graphemes(text)) {
		const w = graphemeWidth(part);
		if (used + w > room) break;
		out += part;
		used += w;
	}
	return out + ellipsis;
}

/** Cut (at the end, or in the middle for identifiers) or pad to exactly `width` cells (a wide character cut in half leaves a space). */
export function fitCells(text: string, width: number, align: 'left' | 'right' = 'left', from: 'end' | 'middle' = 'end'): string {
	const cut = from === 'middle' ? middleCells(text, width) : truncateCells(text, width);
	const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/**
 * Cut from the middle to at most `width` cells, keeping the head and the longer tail: identifiers
 * that share a prefix ("openhands-runtime-01c0…") differ at their end (a hash, a tag).
 */
export function middleCells(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	const room = width - cellWidth(ellipsis);
	if (room < 2) return truncateCells(text, width, ellipsis);
	const parts = graphemes(text);
	const headRoom = Math.floor(room / 3);
	let head = '';
	let used = 0;
	for (const part of parts) {
		const w = graphemeWidth(part);
		if (used + w > headRoom) break;
		head += part;
		used += w;
	}
	let tail = '';
	let tailUsed = 0;
	for (let i = parts.length - 1; i >= 0; i--) {
		const w = graphemeWidth(parts[i]!);
		if (used + tailUsed + w > room) break;
		tail = parts[i]! + tail;
		tailUsed += w;
	}
	return head + ellipsis + tail;
}

/**
 * Fold text into rows of at most `width` cells, never splitting a character; rows after the first
 * start with `indent` (a continuation reads as one). Words move down whole; a word longer than a row
 * (a path, a JSON string) is split at the edge.
 */
export function wrapCells(text: string, width: number, indent = ''): string[] {
	const w = Math.max(1, width);
	const pad = cellWidth(indent) < w / 2 ? indent : '';
	const parts = graphemes(text);
	const rows: string[] = [];
	let row = '';
	let used = 0;
	let lastSpace = -1;
	for (const part of parts) {
		const cw = graphemeWidth(part);
		while (used + cw > w && row.trim() !== '') {
			// Break after the last space (a word moves down whole), else at the edge (a long value).
			const cut = lastSpace > cellWidth(pad) && row.slice(0, lastSpace).trim() !== '' ? lastSpace + 1 : row.length;
			rows.push(row.slice(0, cut).trimEnd());
			row = pad + row.slice(cut);
			used = cellWidth(row);
			lastSpace = -1;
		}
		if (part === ' ') lastSpace = row.length;
		row += part;
		used += cw;
	}
	if (row.trim() !== '' || rows.length === 0) rows.push(row);
	return rows;
}
