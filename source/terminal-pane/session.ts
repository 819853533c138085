// One terminal pane session: a program in a real pseudo-terminal (@lydell/node-pty) feeding a real
// terminal emulator (@xterm/headless + unicode11). The emulator's replies (cursor position
// reports, device attributes) go back to the child, or prompt_toolkit programs stall ~1 s per
// prompt. Output is flow-controlled so a program printing megabytes cannot starve the cockpit.

import type {IPty} from '@lydell/node-pty';
import {createRequire} from 'node:module';
import type xterm from '@xterm/headless';
import type unicode11 from '@xterm/addon-unicode11';
import {styledRows, type BufferLike, type StyledRow} from './rows.js';
import {cursorKeys, pasteBytes} from './input.js';
import type {PtyModule} from './pty.js';

export interface PaneSpawn {
	file: string;
	args: readonly string[];
	cwd?: string;
	env: Record<string, string>;
	cols: number;
	rows: number;
	scrollback?: number;
}

export interface PaneExit {
	code: number;
	signal?: number;
}

/** Smallest pane the child is given; smaller terminals just clip. */
export const MIN_COLS = 20;
export const MIN_ROWS = 5;
/** Limit: rows of scrollback a pane keeps (its emulator's buffer; older rows are dropped). */
export const DEFAULT_SCROLLBACK = 5000;
const HIGH_WATER = 512 * 1024;
const LOW_WATER = 64 * 1024;

type Listener = () => void;

export class PaneSession {
	readonly pid: number;
	cols: number;
	rows: number;
	exit: PaneExit | undefined;
	/** Rows scrolled back from the bottom (0 follows the output). */
	scroll = 0;
	/** Bumped on every parsed write, resize and scroll: views re-render on change. */
	version = 0;
	bytesIn = 0;
	private readonly term: InstanceType<typeof xterm.Terminal>;
	private readonly child: IPty;
	private readonly listeners = new Set<Listener>();
	private pending = 0;
	private paused = false;
	private cursorHidden = false;
	private notifyTimer: NodeJS.Timeout | undefined;
	private readonly exited: Promise<PaneExit>;
	private parsed: Promise<void> = Promise.resolve();

	/** `pty`: node-pty, loaded by the caller when the first pane starts (see pty.ts). */
	constructor(spawn: PaneSpawn, pty: PtyModule) {
		this.cols = Math.max(MIN_COLS, spawn.cols);
		this.rows = Math.max(MIN_ROWS, spawn.rows);
		// Required when a pane starts (as node-pty is): the emulator is 0.4 MB the first frame does not need.
		const require = createRequire(import.meta.url);
		const {Terminal} = require('@xterm/headless') as typeof xterm;
		const {Unicode11Addon} = require('@xterm/addon-unicode11') as typeof unicode11;
		this.term = new Terminal({cols: this.cols, rows: this.rows, scrollback: spawn.scrollback ?? DEFAULT_SCROLLBACK, allowProposedApi: true, convertEol: false, logLevel: 'off'});
		this.term.loadAddon(new Unicode11Addon());
		this.term.unicode.activeVersion = '11';
		// xterm does not expose ?25 (cursor shown/hidden): watch it, and let xterm handle it too.
		this.term.parser.registerCsiHandler({prefix: '?', final: 'l'}, params => {
			if (params.includes(25)) this.cursorHidden = true;
			return false;
		});
		this.term.parser.registerCsiHandler({prefix: '?', final: 'h'}, params => {
			if (params.includes(25)) this.cursorHidden = false;
			return false;
		});
		this.child = pty.spawn(spawn.file, [...spawn.args], {name: spawn.env['TERM'] ?? 'xterm-256color', cols: this.cols, rows: this.rows, cwd: spawn.cwd, env: spawn.env});
		this.pid = this.child.pid;
		this.child.onData(data => this.output(data));
		// The emulator answers the child's queries (CPR, DA, DECRQM): send those straight back.
		this.term.onData(data => this.toChild(data));
		this.exited = new Promise(resolve => {
			this.child.onExit(({exitCode, signal}) => {
				// The last chunk may arrive after the exit event: give it a moment, then let it be parsed.
				setTimeout(() => {
					void this.parsed.then(() => {
						this.exit = {code: exitCode, ...(signal ? {signal} : {})};
						this.changed(true);
						resolve(this.exit);
					});
				}, 50);
			});
		});
	}

	/** Resolves once the child exited and its last output was parsed. */
	whenExited(): Promise<PaneExit> {
		return this.exited;
	}

	onChange(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Keys the user typed (never through term.input: its echo would go back to the child twice). */
	write(data: string): void {
		this.toChild(cursorKeys(data, this.term.modes.applicationCursorKeysMode));
		if (this.scroll !== 0) {
			this.scroll = 0;
			this.changed();
		}
	}

	paste(text: string): void {
		this.toChild(pasteBytes(text, this.term.modes.bracketedPasteMode));
	}

	get bracketedPaste(): boolean {
		return this.term.modes.bracketedPasteMode;
	}

	resize(cols: number, rows: number): void {
		const c = Math.max(MIN_COLS, Math.floor(cols));
		const r = Math.max(MIN_ROWS, Math.floor(rows));
		if (c === this.cols && r === this.rows) return;
		this.cols = c;
		this.rows = r;
		this.term.resize(c, r);
		if (!this.exit) {
			try {
				this.child.resize(c, r);
			} catch {
				// Exited between the check and the call.
			}
		}
		this.changed(true);
	}

	/** Scroll the view back (positive) or forward (negative), clamped to the scrollback. */
	scrollBy(delta: number): void {
		const max = this.term.buffer.active.baseY;
		const next = Math.max(0, Math.min(max, this.scroll + delta));
		if (next === this.scroll) return;
		this.scroll = next;
		this.changed(true);
	}

	get scrollbackRows(): number {
		return this.term.buffer.active.baseY;
	}

	/** The rows to draw, `rows` tall and `cols` wide (clipped or padded), with the cursor when asked. */
	view(cols: number, rows: number, showCursor: boolean): StyledRow[] {
		const buffer = this.term.buffer.active;
		const top = Math.max(0, buffer.baseY - this.scroll);
		const cursorY = buffer.baseY + buffer.cursorY;
		const cursor = showCursor && !this.cursorHidden && this.scroll === 0 && !this.exit ? {x: buffer.cursorX, y: cursorY} : undefined;
		return styledRows(buffer as unknown as BufferLike, {top, rows: Math.min(rows, this.rows), cols: Math.min(cols, this.cols), cursor});
	}

	/** The visible screen as plain text (tests, summaries). */
	text(): string[] {
		const buffer = this.term.buffer.active;
		const out: string[] = [];
		for (let i = 0; i < this.rows; i++) out.push(buffer.getLine(buffer.baseY + i)?.translateToString(true) ?? '');
		return out;
	}

	kill(signal = 'SIGHUP'): void {
		if (this.exit) return;
		try {
			this.child.kill(signal);
		} catch {
			// Already gone.
		}
	}

	dispose(): void {
		this.kill('SIGKILL');
		if (this.notifyTimer) clearTimeout(this.notifyTimer);
		this.listeners.clear();
	}

	private toChild(data: string): void {
		if (this.exit || data.length === 0) return;
		try {
			this.child.write(data);
		} catch {
			// The child exited; its exit event follows.
		}
	}

	private output(data: string): void {
		this.bytesIn += data.length;
		this.pending += data.length;
		if (!this.paused && this.pending > HIGH_WATER) {
			this.paused = true;
			this.child.pause();
		}
		this.parsed = new Promise<void>(resolve => {
			this.term.write(data, () => {
				this.pending -= data.length;
				if (this.paused && this.pending < LOW_WATER) {
					this.paused = false;
					this.child.resume();
				}
				this.changed();
				resolve();
			});
		});
	}

	/** Tell the views, at most every 30 ms (or now). */
	private changed(now = false): void {
		this.version++;
		if (now) {
			if (this.notifyTimer) clearTimeout(this.notifyTimer);
			this.notifyTimer = undefined;
			for (const l of this.listeners) l();
			return;
		}
		if (this.notifyTimer) return;
		this.notifyTimer = setTimeout(() => {
			this.notifyTimer = undefined;
			for (const l of this.listeners) l();
		}, 30);
	}
}
