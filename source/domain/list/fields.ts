// A row opened into its detail: every column's label and value, one per line, so figures a narrow
// list drops (a sparkline, an expected rate, a radix size) can still be read. Values wrap under
// themselves; labels line up.

import type {Column} from './columns.js';
import {cellWidth, fitCells, wrapCells} from './cells.js';

export interface RowField<Tone = string> {
	label: string;
	value: string;
	tone?: Tone;
}

/** Every column of `item` as a field (columns without a header, like a status mark, are left out). */
export function columnFields<T, Tone>(columns: readonly Column<T, Tone>[], item: T): RowField<Tone>[] {
	return columns.filter(c => c.header.trim() !== '').map(c => ({label: c.header.trim(), value: c.cell(item), tone: c.tone?.(item)}));
}

/** The fields as lines `width` cells wide: "LABEL  value", long values folded under the value. */
export function fieldLines<Tone>(fields: readonly RowField<Tone>[], width: number): Array<{text: string; tone: Tone | undefined}> {
	const labelW = Math.min(Math.max(0, ...fields.map(f => cellWidth(f.label))), Math.floor(width / 3));
	const indent = ' '.repeat(labelW + 1);
	return fields.flatMap(f =>
		wrapCells(`${fitCells(f.label, labelW)} ${f.value}`, width, indent).map(text => ({text, tone: f.tone})),
	);
}
