// Text measured as the terminal draws it: CJK and most emoji take two cells, combining marks none.
// Every list column is cut and padded with these, so a wide character never pushes a row past
// the panel's edge. string-width is the measure Ink itself uses for layout.

import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

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
	for (const {segment} of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > room) break;
		out += segment;
		used += w;
	}
	return out + ellipsis;
}

/** Cut or pad to exactly `width` cells (a wide character cut in half leaves a space). */
export function fitCells(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncateCells(text, width);
	const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}
