// Columns as data: a header, a width rule (fixed cells, or a share of what is left with a minimum),
// alignment, and a priority saying which columns give way first on a narrow panel. `fitColumns`
// decides which columns a width keeps and how wide each is; cells are cut and padded in terminal
// cells (cells.ts), so wide characters never break the alignment.

import {fitCells} from './cells.js';

export interface Column<T, Tone = string> {
	id: string;
	header: string;
	/** Cells, or {flex, min}: a share of the width left over, never less than `min`. */
	width: number | {flex: number; min: number};
	align?: 'left' | 'right';
	/** 0: always shown; otherwise the highest number is dropped first when the row does not fit. */
	priority: number;
	/** Shown only on lists at least this wide (a column worth having only where there is room). */
	minListWidth?: number;
	cell(item: T): string;
	tone?(item: T): Tone;
}

export interface FittedColumn<T, Tone = string> {
	column: Column<T, Tone>;
	width: number;
}

/** One space between columns. */
export const GAP = 1;

function minimum(c: Column<unknown, unknown>): number {
	return typeof c.width === 'number' ? c.width : c.width.min;
}

export function fitColumns<T, Tone>(columns: readonly Column<T, Tone>[], width: number): FittedColumn<T, Tone>[] {
	let kept = columns.filter(c => c.minListWidth === undefined || width >= c.minListWidth);
	const need = (cols: readonly Column<T, Tone>[]) => cols.reduce((sum, c) => sum + minimum(c), 0) + GAP * Math.max(0, cols.length - 1);
	while (need(kept) > width) {
		const droppable = kept.filter(c => c.priority > 0);
		if (droppable.length === 0) break;
		const worst = droppable.reduce((a, b) => (b.priority >= a.priority ? b : a));
		kept = kept.filter(c => c !== worst);
	}
	// When even the kept columns' minimums do not fit, the flexible ones shrink (to one cell at least).
	const spare = width - need(kept);
	const shares = kept.reduce((sum, c) => sum + (typeof c.width === 'number' ? 0 : c.width.flex), 0);
	let given = 0;
	const flexCount = kept.filter(c => typeof c.width !== 'number').length;
	let flexSeen = 0;
	return kept.map(column => {
		if (typeof column.width === 'number') return {column, width: column.width};
		flexSeen++;
		// The last flexible column takes the rounding remainder.
		const extra = flexSeen === flexCount ? spare - given : Math.floor((spare * column.width.flex) / shares);
		given += extra;
		return {column, width: Math.max(1, column.width.min + extra)};
	});
}

/** The header row's text. */
export function headerText<T, Tone>(fitted: readonly FittedColumn<T, Tone>[]): string {
	return fitted.map(f => fitCells(f.column.header, f.width, f.column.align)).join(' '.repeat(GAP));
}

/** One item's cells, each cut and padded to its column. */
export function rowCells<T, Tone>(fitted: readonly FittedColumn<T, Tone>[], item: T): Array<{text: string; tone: Tone | undefined}> {
	return fitted.map((f, i) => ({
		text: (i > 0 ? ' '.repeat(GAP) : '') + fitCells(f.column.cell(item), f.width, f.column.align),
		tone: f.column.tone?.(item),
	}));
}
