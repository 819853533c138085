// End-to-end harness: runs a program in a real pseudo-terminal and reads its screen back through a
// real terminal emulator (@xterm/headless), the way a person in Termux or tmux would see it.

import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

export interface PtyScreen {
	readonly pid: number;
	/** Every byte the program wrote, for escape-sequence checks. */
	readonly raw: () => string;
	/** The visible rows as plain text (right-trimmed). */
	lines(): string[];
	text(): string;
	write(data: string): void;
	resize(cols: number, rows: number): void;
	waitFor(predicate: (lines: string[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
	waitForText(needle: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Resolves once the program has exited and its last output was parsed. */
	readonly exited: Promise<{exitCode: number; signal?: number}>;
	kill(signal?: string): void;
}

export interface SpawnOptions {
	cols: number;
	rows: number;
	env?: NodeJS.ProcessEnv;
	cwd?: string;
}

export function spawnScreen(file: string, args: string[], options: SpawnOptions): PtyScreen {
	const term = new xterm.Terminal({cols: options.cols, rows: options.rows, allowProposedApi: true, scrollback: 0});
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env};
	delete env['NO_COLOR'];
	delete env['COLUMNS'];
	delete env['LINES'];
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols: options.cols, rows: options.rows, cwd: options.cwd, env: env as Record<string, string>});
	let raw = '';
	let pending = Promise.resolve();
	child.onData(data => {
		raw += data;
		pending = pending.then(() => new Promise<void>(resolve => term.write(data, resolve)));
	});
	// Answer the program's terminal queries (cursor position, device attributes) like a real terminal.
	term.onData(data => {
		try {
			child.write(data);
		} catch {
			// The child already exited.
		}
	});
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => {
		child.onExit(result => {
			// Give the last chunk a moment to arrive and be parsed (node-pty may deliver exit first).
			setTimeout(() => void pending.then(() => resolve(result)), 100);
		});
	});
	const lines = () => {
		const buffer = term.buffer.active;
		const out: string[] = [];
		for (let i = 0; i < term.rows; i++) out.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return out;
	};
	const waitFor = async (predicate: (lines: string[]) => boolean, timeoutMs = 15_000, what = 'condition') => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await pending;
			if (predicate(lines())) return;
			if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${lines().join('\n')}`);
			await new Promise(r => setTimeout(r, 50));
		}
	};
	return {
		pid: child.pid,
		raw: () => raw,
		lines,
		text: () => lines().join('\n'),
		write: data => child.write(data),
		resize(cols, rows) {
			child.resize(cols, rows);
			term.resize(cols, rows);
		},
		waitFor,
		waitForText: (needle, timeoutMs) =>
			waitFor(l => (typeof needle === 'string' ? l.join('\n').includes(needle) : needle.test(l.join('\n'))), timeoutMs, `text ${String(needle)}`),
		exited,
		kill(signal = 'SIGTERM') {
			try {
				child.kill(signal);
			} catch {
				// Already gone.
			}
		},
	};
}
