// Writes Ink's frames to the terminal ourselves: each frame is compared with the last one and only
// changed rows are rewritten, each at an absolute position (CSI row;1H), inside synchronized-output
// markers. It never clears the screen: a resize repaints every row and erases below instead.
//
// Why not Ink's incrementalRendering: in Ink 6.8 it moves the cursor up one row too few when the
// frame ends with a newline (every frame shorter than the terminal), so rows drift and repeat.

import {Writable} from 'node:stream';

const SYNC_START = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';
const ERASE_LINE_END = '\u001B[K';
const ERASE_BELOW = '\u001B[J';

export interface FrameWriterStats {
	frames: number;
	bytes: number;
	/** Frames that were taller than the terminal allows (rows - 1); clipped, never scrolled. */
	overflows: number;
}

export interface FrameWriter {
	/** A stream that looks like the terminal to Ink (size, resize events) and collects frames. */
	readonly stream: NodeJS.WriteStream;
	/** Write any pending frame now. */
	flush(): void;
	/** Repaint every row on the next frame (after a resize or anything else that drew over us). */
	invalidate(): void;
	/**
	 * Ctrl-L: forget what we believe is on screen and draw the last frame again in full, now,
	 * over whatever else wrote to the terminal (a `wall` message, tmux's display-message).
	 */
	repaint(): void;
	/** The rows of the frame last sent to the terminal (with their colour codes). */
	lastFrame(): readonly string[];
	readonly stats: FrameWriterStats;
	dispose(): void;
}

export function createFrameWriter(out: NodeJS.WriteStream, minIntervalMs = 100): FrameWriter {
	let previous: string[] = [];
	let pending: string | null = null;
	let timer: NodeJS.Timeout | undefined;
	let lastWrite = 0;
	let full = true;
	const stats: FrameWriterStats = {frames: 0, bytes: 0, overflows: 0};

	const paint = () => {
		timer = undefined;
		if (pending === null) return;
		const frame = pending;
		pending = null;
		const limit = Math.max(1, (out.rows || 24) - 1);
		let lines = frame.split('\n');
		if (lines.length > limit) {
			stats.overflows++;
			lines = lines.slice(0, limit);
		}
		const parts: string[] = [];
		for (let i = 0; i < lines.length; i++) {
			if (!full && lines[i] === previous[i]) continue;
			parts.push(`\u001B[${i + 1};1H${lines[i]}${ERASE_LINE_END}`);
		}
		if (full) {
			parts.push(`\u001B[${lines.length + 1};1H${ERASE_BELOW}`);
		} else {
			for (let i = lines.length; i < previous.length; i++) parts.push(`\u001B[${i + 1};1H${ERASE_LINE_END}`);
		}
		full = false;
		previous = lines;
		lastWrite = Date.now();
		if (parts.length === 0) return;
		const data = SYNC_START + parts.join('') + SYNC_END;
		stats.frames++;
		stats.bytes += Buffer.byteLength(data);
		try {
			out.write(data);
		} catch {
			// The terminal went away (SIGHUP); the exit path handles it.
		}
	};

	const schedule = () => {
		if (timer) return;
		const wait = Math.max(0, minIntervalMs - (Date.now() - lastWrite));
		timer = setTimeout(paint, wait);
	};

	const sink = new Writable({
		decodeStrings: false,
		write(chunk: string | Buffer, _encoding, callback) {
			pending = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			schedule();
			callback();
		},
	});
	const stream = sink as unknown as NodeJS.WriteStream & {isTTY: boolean};
	Object.defineProperty(stream, 'isTTY', {value: true});
	Object.defineProperty(stream, 'columns', {get: () => out.columns});
	Object.defineProperty(stream, 'rows', {get: () => out.rows});
	stream.getColorDepth = (env?: object) => (out.getColorDepth ? out.getColorDepth(env) : 8);
	stream.hasColors = ((...args: unknown[]) => (out.hasColors ? (out.hasColors as (...a: unknown[]) => boolean)(...args) : true)) as NodeJS.WriteStream["hasColors"];

	const onResize = () => {
		full = true;
		stream.emit('resize');
	};
	out.on('resize', onResize);

	return {
		stream,
		stats,
		flush() {
			if (timer) clearTimeout(timer);
			paint();
		},
		invalidate() {
			full = true;
		},
		repaint() {
			full = true;
			if (pending === null) pending = previous.join('\n');
			if (timer) clearTimeout(timer);
			paint();
		},
		lastFrame: () => previous,
		dispose() {
			if (timer) clearTimeout(timer);
			timer = undefined;
			pending = null;
			out.off('resize', onResize);
		},
	};
}
