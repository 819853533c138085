// Turns a terminal screen buffer into styled rows: runs of cells with the same attributes, colours
// as Ink colour strings (palette 0-15 as named colours so the user's theme applies, 16-255 as
// ansi256, RGB as hex), and the cursor drawn as an inverse cell. Pure: reads the buffer only.

export interface CellLike {
	getChars(): string;
	getWidth(): number;
	isBold(): number;
	isItalic(): number;
	isDim(): number;
	isUnderline(): number;
	isInverse(): number;
	isInvisible(): number;
	isFgRGB(): boolean;
	isBgRGB(): boolean;
	isFgPalette(): boolean;
	isBgPalette(): boolean;
	getFgColor(): number;
	getBgColor(): number;
}

export interface LineLike {
	getCell(x: number, cell?: CellLike): CellLike | undefined;
	translateToString(trimRight?: boolean): string;
}

export interface BufferLike {
	readonly length: number;
	getLine(y: number): LineLike | undefined;
	getNullCell(): CellLike;
}

export interface Span {
	text: string;
	fg?: string;
	bg?: string;
	bold?: boolean;
	dim?: boolean;
	italic?: boolean;
	underline?: boolean;
	inverse?: boolean;
}

export type StyledRow = Span[];

export interface RowsRequest {
	/** First buffer line to show. */
	top: number;
	rows: number;
	cols: number;
	/** Absolute buffer line and column of the cursor, when it should be drawn. */
	cursor?: {x: number; y: number};
}

const NAMED = [
	'black',
	'red',
	'green',
	'yellow',
	'blue',
	'magenta',
	'cyan',
	'white',
	'gray',
	'redBright',
	'greenBright',
	'yellowBright',
	'blueBright',
	'magentaBright',
	'cyanBright',
	'whiteBright',
] as const;

export function paletteColor(index: number): string {
	return index < 16 ? NAMED[index]! : `ansi256(${index})`;
}

export function rgbColor(value: number): string {
	return `#${value.toString(16).padStart(6, '0')}`;
}

function fgOf(cell: CellLike): string | undefined {
	if (cell.isFgPalette()) return paletteColor(cell.getFgColor());
	if (cell.isFgRGB()) return rgbColor(cell.getFgColor());
	return undefined;
}

function bgOf(cell: CellLike): string | undefined {
	if (cell.isBgPalette()) return paletteColor(cell.getBgColor());
	if (cell.isBgRGB()) return rgbColor(cell.getBgColor());
	return undefined;
}

function sameStyle(a: Span, b: Span): boolean {
	return a.fg === b.fg && a.bg === b.bg && !!a.bold === !!b.bold && !!a.dim === !!b.dim && !!a.italic === !!b.italic && !!a.underline === !!b.underline && !!a.inverse === !!b.inverse;
}

/** Control characters and lone surrogates never reach our own terminal. */
function printable(chars: string): string {
	return chars.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function styledRow(line: LineLike | undefined, cols: number, scratch: CellLike, cursorX?: number): StyledRow {
	const spans: Span[] = [];
	if (!line) return [{text: ' '.repeat(cols)}];
	let x = 0;
	let col = 0;
	while (col < cols) {
		const cell = line.getCell(x, scratch);
		if (!cell) break;
		const width = cell.getWidth();
		x++;
		if (width === 0) continue; // the right half of a wide character
		if (col + width > cols) break;
		const chars = cell.isInvisible() ? ' ' : printable(cell.getChars() || ' ');
		const span: Span = {text: chars.length > 0 ? chars : ' '};
		const fg = fgOf(cell);
		const bg = bgOf(cell);
		if (fg) span.fg = fg;
		if (bg) span.bg = bg;
		if (cell.isBold()) span.bold = true;
		if (cell.isDim()) span.dim = true;
		if (cell.isItalic()) span.italic = true;
		if (cell.isUnderline()) span.underline = true;
		const inverse = !!cell.isInverse() !== (cursorX === col);
		if (inverse) span.inverse = true;
		const last = spans[spans.length - 1];
		if (last && sameStyle(last, span)) last.text += span.text;
		else spans.push(span);
		col += width;
	}
	if (col < cols) {
		const pad: Span = {text: ' '.repeat(cols - col)};
		if (cursorX !== undefined && cursorX >= col) {
			const before = cursorX - col;
			spans.push({text: ' '.repeat(before)}, {text: ' ', inverse: true}, {text: ' '.repeat(Math.max(0, cols - col - before - 1))});
		} else spans.push(pad);
	}
	return spans.filter(s => s.text.length > 0);
}

export function styledRows(buffer: BufferLike, request: RowsRequest): StyledRow[] {
	const scratch = buffer.getNullCell();
	const out: StyledRow[] = [];
	for (let i = 0; i < request.rows; i++) {
		const y = request.top + i;
		const cursorX = request.cursor && request.cursor.y === y ? request.cursor.x : undefined;
		out.push(styledRow(y < buffer.length ? buffer.getLine(y) : undefined, request.cols, scratch, cursorX));
	}
	return out;
}

/** The plain text of a row (tests, searching). */
export function rowText(row: StyledRow): string {
	return row.map(s => s.text).join('');
}
