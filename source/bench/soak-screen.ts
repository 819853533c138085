// The soak's terminal: a program in a real pseudo-terminal whose output is parsed by a real
// emulator (@xterm/headless). The cockpit's frame writer ends every frame with the
// synchronized-output end marker, so the screen is read back after each frame and kept by frame
// number: the soak then compares the screen after frame N with the frame N the cockpit reports.

import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const SYNC_START = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';
const SYNC_BLOCK = /\u001B\[\?2026h[\s\S]*?\u001B\[\?2026l/g;
/** Screens kept (by frame number) while waiting for the cockpit's report. */
const KEPT_SCREENS = 400;

export interface SoakScreen {
	readonly pid: number;
	/** Frames seen complete so far. */
	frames(): number;
	/** The screen now, after everything received so far is parsed. */
	current(): Promise<string[]>;
	/** The screen after frame `n`, or undefined when not seen (yet, or too long ago). */
	screenAfter(n: number): string[] | undefined;
	/** Bytes the program wrote to the terminal so far. */
	bytes(): number;
	/** Node's own warning lines ("(node:PID) ...Warning") that reached the terminal. */
	warnings(): number;
	/** Printable bytes written outside the frame writer's frames (after startup). */
	foreignBytes(): number;
	write(data: string): void;
	kill(signal?: string): void;
	readonly exited: Promise<number>;
}

export function spawnSoakScreen(file: string, args: string[], options: {cols: number; rows: number; env: NodeJS.ProcessEnv; cwd: string}): SoakScreen {
	const term = new xterm.Terminal({cols: options.cols, rows: options.rows, allowProposedApi: true, scrollback: 0});
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env};
	delete env['NO_COLOR'];
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols: options.cols, rows: options.rows, cwd: options.cwd, env: env as Record<string, string>});
	const screens = new Map<number, string[]>();
	let frames = 0;
	let bytes = 0;
	let warnings = 0;
	let foreign = 0;
	let carry = '';
	let queue = Promise.resolve();
	const read = () => {
		const buffer = term.buffer.active;
		const rows: string[] = [];
		for (let i = 0; i < term.rows; i++) rows.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return rows;
	};
	const feed = (piece: string, endsFrame: boolean) => {
		queue = queue.then(
			() =>
				new Promise<void>(resolve =>
					term.write(piece, () => {
						if (endsFrame) {
							frames++;
							screens.set(frames, read());
							screens.delete(frames - KEPT_SCREENS);
						}
						resolve();
					}),
				),
		);
	};
	child.onData(data => {
		bytes += Buffer.byteLength(data);
		warnings += (data.match(/\(node:\d+\) \w*Warning/g) ?? []).length;
		// Split at frame ends (a marker may straddle two reads: keep the unfinished tail).
		let text = carry + data;
		carry = '';
		for (;;) {
			const end = text.indexOf(SYNC_END);
			if (end < 0) break;
			const piece = text.slice(0, end + SYNC_END.length);
			foreign += outsideFrames(piece);
			feed(piece, true);
			text = text.slice(end + SYNC_END.length);
		}
		// Hold back a possible partial marker; a frame in progress is fed when it ends.
		if (text.includes(SYNC_START)) carry = text;
		else {
			const keep = partialMarker(text);
			foreign += outsideFrames(text.slice(0, text.length - keep));
			feed(text.slice(0, text.length - keep), false);
			carry = text.slice(text.length - keep);
		}
	});
	term.onData(data => {
		try {
			child.write(data);
		} catch {
			// Exited.
		}
	});
	const exited = new Promise<number>(resolve => child.onExit(result => void queue.then(() => resolve(result.exitCode))));
	return {
		pid: child.pid,
		frames: () => frames,
		screenAfter: n => screens.get(n),
		current: async () => {
			await queue;
			return read();
		},
		bytes: () => bytes,
		warnings: () => warnings,
		foreignBytes: () => foreign,
		write: data => child.write(data),
		kill(signal = 'SIGTERM') {
			try {
				child.kill(signal);
			} catch {
				// Gone.
			}
		},
		exited,
	};
}

/** Length of a suffix of `text` that could begin a frame marker (start or end). */
function partialMarker(text: string): number {
	for (let n = Math.min(SYNC_END.length - 1, text.length); n > 0; n--) if (SYNC_END.startsWith(text.slice(-n)) || SYNC_START.startsWith(text.slice(-n))) return n;
	return 0;
}

/** Printable characters outside frames (escape sequences such as entering the alternate screen do not count). */
function outsideFrames(piece: string): number {
	// eslint-disable-next-line no-control-regex
	return piece.replace(SYNC_BLOCK, '').replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u001F]/g, '').length;
}

// eslint-disable-next-line no-control-regex
const SGR_AND_CSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** Does the emulator's screen show exactly the frame (colour codes aside), and nothing below it? */
export function screenMatchesFrame(screen: readonly string[], frame: readonly string[]): boolean {
	for (let i = 0; i < screen.length; i++) {
		const want = i < frame.length ? frame[i]!.replace(SGR_AND_CSI, '').trimEnd() : '';
		if (screen[i]!.trimEnd() !== want) return false;
	}
	return true;
}
