// A frame as a grid of terminal cells: the text Ink produces (rows of characters with SGR colour
// codes) read the way a terminal would draw it, so two frames can be compared cell by cell.
// Widths come from string-width, the same measure Ink lays the frame out with.

import stringWidth from 'string-width';
import {isPrintableAscii} from '../domain/text/printable.js';

/** SGR attributes of a cell. `fg`/`bg` hold the SGR parameters that set the colour ("38;5;60"), or '' for default. */
export interface Attrs {
	fg: string;
	bg: string;
	bold: boolean;
	dim: boolean;
	italic: boolean;
	underline: boolean;
	inverse: boolean;
	strike: boolean;
}

export const DEFAULT_ATTRS: Attrs = Object.freeze({fg: '', bg: '', bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false});

/**
 * Interns attribute sets so a cell's attributes are one small number and comparing two cells is
 * comparing two numbers. Id 0 is the default (no SGR).
 */
export class AttrTable {
	private readonly ids = new Map<string, number>();
	private readonly list: Attrs[] = [];

	constructor() {
		this.id(DEFAULT_ATTRS);
	}

	id(attrs: Attrs): number {
		const key = `${attrs.fg}|${attrs.bg}|${+attrs.bold}${+attrs.dim}${+attrs.italic}${+attrs.underline}${+attrs.inverse}${+attrs.strike}`;
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.list.length;
			this.ids.set(key, id);
			this.list.push({...attrs});
		}
		return id;
	}

	get(id: number): Attrs {
		return this.list[id]!;
	}
}

/**
 * One row: `chars[i]` is what column i shows (a grapheme; '' for the right half of a wide
 * character; ' ' for blank), `attrs[i]` its attribute id.
 */
export interface Row {
	chars: string[];
	attrs: number[];
}

export function blankRow(cols: number): Row {
	return {chars: new Array<string>(cols).fill(' '), attrs: new Array<number>(cols).fill(0)};
}

const segmenter = new Intl.Segmenter();
const widthCache = new Map<string, number>();

function graphemeWidth(grapheme: string): number {
	let width = widthCache.get(grapheme);
	if (width === undefined) {
		width = Math.min(2, stringWidth(grapheme));
		if (widthCache.size < 4096) widthCache.set(grapheme, width);
	}
	return width;
}

/** Apply one SGR sequence's parameters (e.g. "38;5;60;1") to `attrs`, as a terminal does. */
export function applySgr(attrs: Attrs, params: string): Attrs {
	const next = {...attrs};
	const parts = params === '' ? ['0'] : params.split(';');
	for (let i = 0; i < parts.length; i++) {
		const p = Number(parts[i] || '0');
		if (p === 0) Object.assign(next, DEFAULT_ATTRS);
		else if (p === 1) next.bold = true;
		else if (p === 2) next.dim = true;
		else if (p === 3) next.italic = true;
		else if (p === 4) next.underline = true;
		else if (p === 7) next.inverse = true;
		else if (p === 9) next.strike = true;
		else if (p === 22) next.bold = next.dim = false;
		else if (p === 23) next.italic = false;
		else if (p === 24) next.underline = false;
		else if (p === 27) next.inverse = false;
		else if (p === 29) next.strike = false;
		else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) next.fg = String(p);
		else if (p === 39) next.fg = '';
		else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) next.bg = String(p);
		else if (p === 49) next.bg = '';
		else if (p === 38 || p === 48) {
			// 38;5;N or 38;2;R;G;B (48 likewise for the background).
			const mode = parts[i + 1];
			const take = mode === '5' ? 2 : mode === '2' ? 4 : 0;
			if (take === 0) break;
			const value = [String(p), ...parts.slice(i + 1, i + 1 + take).map(v => String(Number(v || '0')))].join(';');
			if (p === 38) next.fg = value;
			else next.bg = value;
			i += take;
		}
		// Anything else (blink, hidden, overline) is not used by the cockpit and is dropped.
	}
	return next;
}

export interface ParsedRow {
	row: Row;
	/** SGR state at the end of the row: Ink's colour codes may run on into the next row. */
	endAttrs: Attrs;
}

/**
 * Read one row of Ink's output into `cols` cells, starting with `attrs` in effect. Text beyond
 * `cols` is dropped (never wrapped); a wide character that would straddle the edge becomes a blank.
 */
export function parseRow(line: string, cols: number, table: AttrTable, startAttrs: Attrs = DEFAULT_ATTRS): ParsedRow {
	const row = blankRow(cols);
	let attrs = startAttrs;
	let attrId = table.id(attrs);
	let col = 0;
	let i = 0;
	const put = (text: string) => {
		// ASCII needs no segmenting: one character, one column.
		if (isPrintableAscii(text)) {
			for (let k = 0; k < text.length && col < cols; k++) {
				row.chars[col] = text[k]!;
				row.attrs[col] = attrId;
				col++;
			}
			return;
		}
		for (const {segment} of segmenter.segment(text)) {
			if (col >= cols) return;
			const code = segment.codePointAt(0)!;
			if (code < 0x20 || code === 0x7f) continue;
			const width = graphemeWidth(segment);
			if (width === 0) {
				// A zero-width cluster joins the character before it.
				if (col > 0) row.chars[col - 1] += segment;
				continue;
			}
			if (width === 2 && col + 1 >= cols) {
				row.chars[col] = ' ';
				row.attrs[col] = attrId;
				col++;
				continue;
			}
			row.chars[col] = segment;
			row.attrs[col] = attrId;
			col++;
			if (width === 2) {
				row.chars[col] = '';
				row.attrs[col] = attrId;
				col++;
			}
		}
	};
	while (i < line.length) {
		const esc = line.indexOf('\u001B', i);
		const end = esc === -1 ? line.length : esc;
		if (end > i) put(line.slice(i, end));
		if (esc === -1) break;
		const kind = line[esc + 1];
		if (kind === '[') {
			// CSI: parameters, then one final byte in @..~.
			let j = esc + 2;
			while (j < line.length && !(line.charCodeAt(j) >= 0x40 && line.charCodeAt(j) <= 0x7e)) j++;
			if (line[j] === 'm') {
				attrs = applySgr(attrs, line.slice(esc + 2, j));
				attrId = table.id(attrs);
			}
			i = j + 1;
		} else if (kind === ']') {
			// OSC (hyperlinks): ends at BEL or ESC \. Not drawn.
			const bel = line.indexOf('\u0007', esc);
			const st = line.indexOf('\u001B\\', esc + 2);
			const stops = [bel === -1 ? Infinity : bel + 1, st === -1 ? Infinity : st + 2];
			const stop = Math.min(...stops);
			i = stop === Infinity ? line.length : stop;
		} else {
			i = esc + 2;
		}
	}
	return {row, endAttrs: attrs};
}
