// The bytes that turn one grid of cells into another on a terminal, as ncurses does: the cursor goes
// to each changed run, attributes are sent only when they change, and a row's blank tail is erased
// with one EL. Pure: grids in, escape sequences out.

import {type AttrTable, type Attrs, type Row} from './cells.js';

const CSI = '\u001B[';
const ERASE_LINE_END = `${CSI}K`;
const ERASE_BELOW = `${CSI}J`;

/** Changed runs closer than this are sent as one: rewriting a few cells is cheaper than a cursor move. */
const MERGE_GAP = 4;

function isBlank(row: Row, i: number): boolean {
	return row.chars[i] === ' ' && row.attrs[i] === 0;
}

/** The SGR sequence that takes the terminal from `from` to `to` ('' when they are the same). */
export function sgrTransition(from: Attrs, to: Attrs): string {
	if (from === to) return '';
	const params: string[] = [];
	if ((from.bold && !to.bold) || (from.dim && !to.dim)) {
		params.push('22');
		if (to.bold) params.push('1');
		if (to.dim) params.push('2');
	} else {
		if (to.bold && !from.bold) params.push('1');
		if (to.dim && !from.dim) params.push('2');
	}
	if (from.italic !== to.italic) params.push(to.italic ? '3' : '23');
	if (from.underline !== to.underline) params.push(to.underline ? '4' : '24');
	if (from.inverse !== to.inverse) params.push(to.inverse ? '7' : '27');
	if (from.strike !== to.strike) params.push(to.strike ? '9' : '29');
	if (from.fg !== to.fg) params.push(to.fg || '39');
	if (from.bg !== to.bg) params.push(to.bg || '49');
	if (params.length === 0) return '';
	const incremental = `${CSI}${params.join(';')}m`;
	const reset = [to.bold && '1', to.dim && '2', to.italic && '3', to.underline && '4', to.inverse && '7', to.strike && '9', to.fg, to.bg].filter(Boolean);
	const fromScratch = reset.length ? `${CSI}0;${reset.join(';')}m` : `${CSI}m`;
	return fromScratch.length < incremental.length ? fromScratch : incremental;
}

/** Writes cells while tracking where the terminal's cursor is and which attributes are in effect. */
class Painter {
	out = '';
	/** Known cursor position (0-based), or null when unknown (start, or pending wrap at the last column). */
	private row: number | null = null;
	private col = 0;
	private attrId = 0;

	constructor(
		private readonly table: AttrTable,
		private readonly cols: number,
	) {}

	moveTo(row: number, col: number): void {
		if (this.row === row && this.col === col) return;
		if (this.row === row && col > this.col) {
			const n = col - this.col;
			this.out += n === 1 ? `${CSI}C` : `${CSI}${n}C`;
		} else if (col === 0) {
			this.out += row === 0 ? `${CSI}H` : `${CSI}${row + 1}H`;
		} else {
			this.out += `${CSI}${row + 1};${col + 1}H`;
		}
		this.row = row;
		this.col = col;
	}

	setAttrs(id: number): void {
		if (id === this.attrId) return;
		this.out += sgrTransition(this.table.get(this.attrId), this.table.get(id));
		this.attrId = id;
	}

	/** Cells [from, to) of `row`, which must not start or end inside a wide character. */
	cells(rowIndex: number, row: Row, from: number, to: number): void {
		this.moveTo(rowIndex, from);
		for (let i = from; i < to; i++) {
			const ch = row.chars[i]!;
			if (ch === '') continue;
			this.setAttrs(row.attrs[i]!);
			this.out += ch;
		}
		this.col = to;
		if (to >= this.cols) this.row = null;
	}

	/** Erase from the cursor to the end of the row, with default attributes (EL paints the current background). */
	eraseLineEnd(): void {
		this.setAttrs(0);
		this.out += ERASE_LINE_END;
	}

	eraseBelow(row: number): void {
		this.moveTo(row, 0);
		this.setAttrs(0);
		this.out += ERASE_BELOW;
	}

	/** Leave the terminal with default attributes, so anything written between frames looks normal. */
	finish(): string {
		this.setAttrs(0);
		return this.out;
	}
}

function lastNonBlank(row: Row, cols: number): number {
	let i = cols - 1;
	while (i >= 0 && isBlank(row, i)) i--;
	return i;
}

/** Write cells [from, end of row) of `row`: the text up to its last non-blank cell, then EL if the tail is blank. */
function paintTail(p: Painter, r: number, row: Row, from: number, cols: number): void {
	const last = lastNonBlank(row, cols);
	if (last >= from) p.cells(r, row, from, last + 1);
	else p.moveTo(r, from);
	if (last < cols - 1) p.eraseLineEnd();
}

/** Changed columns of a row as [start, end) runs, widened so none starts or ends inside a wide character, old or new. */
function changedRuns(before: Row, after: Row, cols: number): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	let i = 0;
	while (i < cols) {
		if (before.chars[i] === after.chars[i] && before.attrs[i] === after.attrs[i]) {
			i++;
			continue;
		}
		let start = i;
		let end = i + 1;
		while (end < cols && !(before.chars[end] === after.chars[end] && before.attrs[end] === after.attrs[end])) end++;
		// Widen over wide characters on either side, until stable.
		for (;;) {
			const s = start > 0 && (before.chars[start] === '' || after.chars[start] === '') ? start - 1 : start;
			const e = end < cols && (before.chars[end] === '' || after.chars[end] === '') ? end + 1 : end;
			if (s === start && e === end) break;
			start = s;
			end = e;
		}
		const previous = runs.at(-1);
		if (previous && start - previous[1] <= MERGE_GAP) previous[1] = Math.max(previous[1], end);
		else runs.push([start, end]);
		i = end;
	}
	return runs;
}

/**
 * The escape sequences that turn `before` into `after` on screen (both `after.length` rows of
 * `cols` cells). With `before` null (first frame, after a resize) every row is painted and the
 * rest of the screen below is erased; the screen is never cleared as a whole. '' when nothing changed.
 */
export function diffGrids(before: readonly Row[] | null, after: readonly Row[], cols: number, table: AttrTable): string {
	const p = new Painter(table, cols);
	if (before === null) {
		let used = after.length;
		while (used > 0 && lastNonBlank(after[used - 1]!, cols) < 0) used--;
		for (let r = 0; r < used; r++) paintTail(p, r, after[r]!, 0, cols);
		p.eraseBelow(used);
		return p.finish();
	}
	for (let r = 0; r < after.length; r++) {
		const old = before[r];
		const row = after[r]!;
		if (!old) {
			paintTail(p, r, row, 0, cols);
			continue;
		}
		// The frame writer hands back the row it showed when the row's text did not change.
		if (old === row) continue;
		const runs = changedRuns(old, row, cols);
		if (runs.length === 0) continue;
		const last = lastNonBlank(row, cols);
		for (const [start, end] of runs) {
			// A run that reaches into the row's blank tail: write up to the text's end, then erase the rest.
			if (end > last + 1 && last + 1 < cols) {
				paintTail(p, r, row, start, cols);
				break;
			}
			p.cells(r, row, start, end);
		}
	}
	return p.finish();
}
