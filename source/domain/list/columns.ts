// Columns as data: a header, a width rule (fixed cells, or a share of what is left with a minimum),
// alignment, and a priority saying which columns give way first on a narrow panel. `fitColumns`
// decides which columns a width keeps and how wide each is; cells are cut and padded in terminal
// cells (cells.ts), so wide characters never break the alignment.

import {cellWidth, fitCells} from './cells.js';

export interface Column<T, Tone = string> {
	id: string;
	header: string;
	/** Cells, or {flex, min}: a share of the width left over, never less than `min`. */
	width: number | {flex: number; min: number};
	align?: 'left' | 'right';
	/** 0: always shown; otherwise the highest number is dropped first when the row does not fit. */
	priority: number;
	/** Where a long cell is cut: at the end (words), or in the middle (identifiers: the head and the distinguishing tail stay). */
	cut?: 'end' | 'middle';
	/** Shown only on lists at least this wide (a column worth having only where there is room). */
	minListWidth?: number;
	cell(item: T): string;
	/** Kept whole after the cell (a state word such as "exited (137)"): a cut falls on the cell before it. */
	suffix?(item: T): string;
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

/** Share of the list's width a flexible column may claim for its content before other columns drop. */
const CONTENT_SHARE = 0.4;

/**
 * Which columns a list `width` cells wide keeps, and how wide each is. With `items`, the flexible
 * column (a list's only one) takes width by content: the lowest-priority columns drop until, at
 * priority 0, it has room for its longest cell (up to 40% of the width), and spare cells go to it first.
 */
export function fitColumns<T, Tone>(columns: readonly Column<T, Tone>[], width: number, items?: readonly T[]): FittedColumn<T, Tone>[] {
	let kept = columns.filter(c => c.minListWidth === undefined || width >= c.minListWidth);
	const content = new Map<Column<T, Tone>, number>();
	// Only a list's one flexible column (its main text) claims width by content before minor columns
	// drop; where several share the width (kind and message), they keep their minimums.
	if (items && items.length > 0 && kept.filter(c => typeof c.width !== 'number').length === 1) {
		for (const c of kept) {
			if (typeof c.width === 'number') continue;
			content.set(c, Math.max(cellWidth(c.header), ...items.map(i => cellWidth(c.cell(i) + (c.suffix?.(i) ?? '')))));
		}
	}
	const floor = (c: Column<T, Tone>) => {
		if (typeof c.width === 'number') return c.width;
		const wanted = content.get(c);
		return c.priority === 0 && wanted !== undefined ? Math.max(c.width.min, Math.min(wanted, Math.floor(width * CONTENT_SHARE))) : c.width.min;
	};
	const need = (cols: readonly Column<T, Tone>[], size: (c: Column<T, Tone>) => number) => cols.reduce((sum, c) => sum + size(c), 0) + GAP * Math.max(0, cols.length - 1);
	while (need(kept, floor) > width) {
		const droppable = kept.filter(c => c.priority > 0);
		if (droppable.length === 0) break;
		const worst = droppable.reduce((a, b) => (b.priority >= a.priority ? b : a));
		kept = kept.filter(c => c !== worst);
	}
	// When even the kept columns' minimums do not fit, the flexible ones shrink (to one cell at least).
	let spare = width - need(kept, minimum);
	const widths = new Map(kept.map(c => [c, minimum(c)] as const));
	// Content first: each flexible column up to its longest cell.
	for (const c of kept) {
		const wanted = content.get(c);
		if (wanted === undefined || spare <= 0) continue;
		const extra = Math.min(spare, Math.max(0, wanted - widths.get(c)!));
		widths.set(c, widths.get(c)! + extra);
		spare -= extra;
	}
	const flexible = kept.filter(c => typeof c.width !== 'number');
	const shares = flexible.reduce((sum, c) => sum + (c.width as {flex: number}).flex, 0);
	let given = 0;
	flexible.forEach((c, i) => {
		// The last flexible column takes the rounding remainder.
		const extra = i === flexible.length - 1 ? spare - given : Math.floor((spare * (c.width as {flex: number}).flex) / shares);
		given += extra;
		widths.set(c, Math.max(1, widths.get(c)! + extra));
	});
	return kept.map(column => ({column, width: widths.get(column)!}));
}

/** The header row's text. */
export function headerText<T, Tone>(fitted: readonly FittedColumn<T, Tone>[]): string {
	return fitted.map(f => fitCells(f.column.header, f.width, f.column.align)).join(' '.repeat(GAP));
}

function fitCell<T, Tone>(f: FittedColumn<T, Tone>, item: T): string {
	const suffix = f.column.suffix?.(item) ?? '';
	const room = f.width - cellWidth(suffix);
	// A suffix wider than half the cell would leave nothing of what it follows: cut the whole.
	if (!suffix || room < f.width / 2) return fitCells(f.column.cell(item) + suffix, f.width, f.column.align, f.column.cut);
	return fitCells(fitCells(f.column.cell(item), room, 'left', f.column.cut).trimEnd() + suffix, f.width, f.column.align);
}

/** One item's cells, each cut and padded to its column. */
export function rowCells<T, Tone>(fitted: readonly FittedColumn<T, Tone>[], item: T): Array<{text: string; tone: Tone | undefined}> {
	return fitted.map((f, i) => ({
		text: (i > 0 ? ' '.repeat(GAP) : '') + fitCell(f, item),
		tone: f.column.tone?.(item),
	}));
}
