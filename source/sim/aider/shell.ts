// Shell commands the way Aider's run_cmd runs them when stdin is a terminal: `$SHELL -i -c <cmd>`
// in its own 80x24 pty (no SIGWINCH passed on), the output shown as it comes, the keyboard passed
// to it until it exits (pexpect interact).

import pty from '@lydell/node-pty';
import type {Chat} from './chat.js';
import {out, sleep} from './ui.js';

export interface ShellResult {
	/** Everything the command wrote (the pty's bytes). */
	output: string;
	code: number;
}

export async function runInPty(chat: Chat, command: string): Promise<ShellResult> {
	const shell = process.env['SHELL'] || '/bin/sh';
	const child = pty.spawn(shell, ['-i', '-c', command], {name: process.env['TERM'] || 'xterm', cols: 80, rows: 24, cwd: chat.root ?? chat.cwd, env: process.env as Record<string, string>});
	let output = '';
	let exited = false;
	child.onData(data => {
		output += data;
		out(data);
	});
	const exit = new Promise<number>(resolve => child.onExit(result => resolve(result.exitCode)));
	const forward = (async () => {
		const keys = chat.keys;
		if (!keys) return;
		while (!exited) {
			if (await keys.wait(50)) {
				keys.takeCpr();
				const data = keys.take();
				if (data && !exited) child.write(data);
			}
		}
	})();
	const code = await exit;
	exited = true;
	await forward;
	// node-pty may report the exit before the last output (node-pty #72): give it a moment.
	await sleep(100);
	return {output, code};
}

/** How many lines of output /run says it added ("Added N lines of output to the chat."). */
export function outputLineCount(output: string): number {
	return output
		.trim()
		.split(/\r\n|\r|\n/)
		.filter((l, _i, all) => all.length > 1 || l !== '').length;
}
