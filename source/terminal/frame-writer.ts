// Writes Ink's frames to the terminal ourselves: each frame is read into a grid of cells and
// compared with the last one, and only the cells that changed are sent (cells.ts, cell-diff.ts),
// inside synchronized-output markers (DEC 2026). Nothing is sent when nothing visible changed. It
// never clears the screen: the first frame and a resize repaint every row and erase below instead.
//
// Why not Ink's incrementalRendering: in Ink 6.8 it moves the cursor up one row too few when the
// frame ends with a newline (every frame shorter than the terminal), so rows drift and repeat; and
// it rewrites whole rows with their colour codes when one figure in them changes.

import {Writable} from 'node:stream';
import {AttrTable, blankRow, parseRow, type Row} from './cells.js';
import {diffGrids} from './cell-diff.js';

const SYNC_START = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';

export interface FrameWriterStats {
	/** Frames Ink handed over (one per render), drawn or not. */
	rendered: number;
	/** Writes to the terminal (frames that changed something). */
	frames: number;
	bytes: number;
	/** Frames that were taller than the terminal allows (rows - 1); clipped, never scrolled. */
	overflows: number;
	/** Full repaints (the first frame, resizes, repaint()). */
	repaints: number;
}

export interface FrameWriterOptions {
	/** Frames come at most this often, except right after a key press (expedite). */
	minIntervalMs?: number;
}

export interface FrameWriter {
	/** A stream that looks like the terminal to Ink (size, resize events) and collects frames. */
	readonly stream: NodeJS.WriteStream;
	/** Write any pending frame now. */
	flush(): void;
	/** Repaint every row on the next frame (after a resize or anything else that drew over us). */
	invalidate(): void;
	/** Ctrl-L: repaint every row of the last frame now, over whatever else wrote to the terminal. */
	repaint(): void;
	/** A key was pressed: frames in the next moments are painted at once, not held for the interval. */
	expedite(): void;
	setMinInterval(ms: number): void;
	/** The rows of the frame last handed to the writer (with their colour codes). */
	lastFrame(): readonly string[];
	readonly stats: FrameWriterStats;
	/** Resolves once a frame has been written to the terminal (at once if one has). */
	painted(): Promise<void>;
	dispose(): void;
}

/** How long after a key press frames skip the minimum interval (a key may take a render or two). */
const EXPEDITE_MS = 300;

export function createFrameWriter(out: NodeJS.WriteStream, options: FrameWriterOptions | number = {}): FrameWriter {
	let minIntervalMs = typeof options === 'number' ? options : (options.minIntervalMs ?? 100);
	const table = new AttrTable();
	// What the terminal shows: rows of cells, and the text and starting attributes each row was read from.
	let shown: Row[] | null = null;
	let shownLines: string[] = [];
	let shownStarts: number[] = [];
	let shownCols = 0;
	let lastFrame: string | null = null;
	let pending: string | null = null;
	let timer: NodeJS.Timeout | undefined;
	let immediate: NodeJS.Immediate | undefined;
	let lastWrite = 0;
	let expediteUntil = 0;
	const stats: FrameWriterStats = {rendered: 0, frames: 0, bytes: 0, overflows: 0, repaints: 0};
	let onPainted: (() => void)[] = [];

	const paint = () => {
		if (timer) clearTimeout(timer);
		if (immediate) clearImmediate(immediate);
		timer = undefined;
		immediate = undefined;
		if (pending === null) return;
		const frame = pending;
		pending = null;
		lastFrame = frame;
		const cols = Math.max(1, out.columns || 80);
		const limit = Math.max(1, (out.rows || 24) - 1);
		let lines = frame.split('\n');
		if (lines.length > 1 && lines.at(-1) === '') lines.pop();
		if (lines.length > limit) {
			stats.overflows++;
			lines = lines.slice(0, limit);
		}
		const full = shown === null || shownCols !== cols || shown.length !== limit;
		const rows: Row[] = [];
		// Attribute ids in effect at the start of each row (Ink's colour codes may run across rows).
		const starts: number[] = [];
		let attrs = 0;
		const blank = blankRow(cols);
		for (let i = 0; i < limit; i++) {
			const line = lines[i];
			starts.push(attrs);
			if (line === undefined) {
				rows.push(blank);
			} else if (!full && line === shownLines[i] && attrs === shownStarts[i]) {
				// Same text from the same attributes: the same cells, and the same attributes after.
				rows.push(shown![i]!);
				attrs = shownStarts[i + 1] ?? attrs;
			} else {
				const parsed = parseRow(line, cols, table, table.get(attrs));
				rows.push(parsed.row);
				attrs = table.id(parsed.endAttrs);
			}
		}
		starts.push(attrs);
		const body = diffGrids(full ? null : shown, rows, cols, table);
		shown = rows;
		shownLines = lines;
		shownStarts = starts;
		shownCols = cols;
		if (body === '') return;
		if (full) stats.repaints++;
		lastWrite = Date.now();
		const data = SYNC_START + body + SYNC_END;
		stats.frames++;
		stats.bytes += Buffer.byteLength(data);
		try {
			out.write(data);
		} catch {
			// The terminal went away (SIGHUP); the exit path handles it.
		}
		for (const resolve of onPainted) resolve();
		onPainted = [];
	};

	const schedule = () => {
		if (Date.now() < expediteUntil) {
			if (timer) clearTimeout(timer);
			timer = undefined;
			// Still coalesce what one turn of the event loop renders.
			immediate ??= setImmediate(paint);
			return;
		}
		if (timer || immediate) return;
		const wait = Math.max(0, minIntervalMs - (Date.now() - lastWrite));
		timer = setTimeout(paint, wait);
	};

	const sink = new Writable({
		decodeStrings: false,
		write(chunk: string | Buffer, _encoding, callback) {
			pending = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			stats.rendered++;
			schedule();
			callback();
		},
	});
	const stream = sink as unknown as NodeJS.WriteStream & {isTTY: boolean};
	Object.defineProperty(stream, 'isTTY', {value: true});
	Object.defineProperty(stream, 'columns', {get: () => out.columns});
	Object.defineProperty(stream, 'rows', {get: () => out.rows});
	stream.getColorDepth = (env?: object) => (out.getColorDepth ? out.getColorDepth(env) : 8);
	stream.hasColors = ((...args: unknown[]) => (out.hasColors ? (out.hasColors as (...a: unknown[]) => boolean)(...args) : true)) as NodeJS.WriteStream['hasColors'];

	const onResize = () => {
		shown = null;
		stream.emit('resize');
	};
	out.on('resize', onResize);

	return {
		stream,
		stats,
		flush: paint,
		invalidate() {
			shown = null;
		},
		repaint() {
			shown = null;
			pending ??= lastFrame;
			paint();
		},
		expedite() {
			expediteUntil = Date.now() + EXPEDITE_MS;
			if (pending !== null) schedule();
		},
		setMinInterval(ms: number) {
			minIntervalMs = ms;
		},
		lastFrame: () => (lastFrame === null ? [] : lastFrame.split('\n')),
		painted: () => (stats.frames > 0 ? Promise.resolve() : new Promise<void>(resolve => onPainted.push(resolve))),
		dispose() {
			if (timer) clearTimeout(timer);
			if (immediate) clearImmediate(immediate);
			timer = undefined;
			immediate = undefined;
			pending = null;
			out.off('resize', onResize);
			for (const resolve of onPainted) resolve();
			onPainted = [];
		},
	};
}
