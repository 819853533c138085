// The streamed reply in pretty mode, like rich's Live display (Aider's mdstream.py): lines that
// scrolled out of the last six are printed once, for good; the last six are repainted in place
// (cursor up, erase line) at most every 50 ms while the reply streams, and left on screen at the end.

import type {Ui} from './ui.js';
import {out} from './ui.js';

/** rich Live (mdstream.py) keeps the bottom 6 lines live and repaints at up to 20 fps. */
export const LIVE_LINES = 6;
export const LIVE_MS = 50;

/** The text as terminal rows: split at newlines, long lines cut every `width` characters. */
export function wrapRows(text: string, width: number): string[] {
	const cols = Math.max(1, width);
	const rows: string[] = [];
	for (const line of text.split('\n')) {
		const chars = [...line];
		if (chars.length === 0) rows.push('');
		for (let i = 0; i < chars.length; i += cols) rows.push(chars.slice(i, i + cols).join(''));
	}
	return rows;
}

export interface LiveState {
	/** Rows printed for good. */
	stable: number;
	/** Live rows on screen below them. */
	drawn: number;
}

/**
 * One repaint: erase the live rows drawn last time, print the rows that left the live window for
 * good, then draw the live window. `final` prints everything (trailing blank rows dropped).
 */
export function liveFrame(allRows: readonly string[], state: LiveState, final: boolean, paintRow: (row: string) => string): {bytes: string; state: LiveState} {
	const rows = [...allRows];
	if (final) while (rows.length > state.stable && rows[rows.length - 1] === '') rows.pop();
	let bytes = '\r';
	for (let i = 0; i < state.drawn; i++) bytes += '\u001B[1A\u001B[2K';
	const keepFrom = final ? rows.length : Math.max(state.stable, rows.length - LIVE_LINES);
	for (const row of rows.slice(state.stable, keepFrom)) bytes += `${paintRow(row)}\r\n`;
	const stable = Math.max(state.stable, keepFrom);
	const live = rows.slice(stable);
	for (const row of live) bytes += `${paintRow(row)}\r\n`;
	return {bytes, state: {stable, drawn: live.length}};
}

export class LiveReply {
	private text = '';
	private state: LiveState = {stable: 0, drawn: 0};
	private last = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly ui: Ui) {}

	add(chunk: string): void {
		this.text += chunk;
		const wait = LIVE_MS - (Date.now() - this.last);
		if (wait <= 0) this.paint(false);
		else this.timer ??= setTimeout(() => this.paint(false), wait);
	}

	finish(): void {
		this.paint(true);
	}

	private paint(final: boolean): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.last = Date.now();
		const frame = liveFrame(wrapRows(this.text, this.ui.width), this.state, final, row => this.ui.colour('#0088ff', row));
		this.state = frame.state;
		out(frame.bytes);
	}
}
