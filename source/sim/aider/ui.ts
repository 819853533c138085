// What the fake Aider writes: raw terminal output, Aider's io.tool_output/tool_error/tool_warning
// (printed and logged to the chat history), the rule, the assistant's colour, and the
// FAKE_AIDER_LOG=<file> test log (JSON lines of what it saw: start, CPR latency, messages, confirms).

import {appendFileSync} from 'node:fs';
import type {FakeArgs} from './args.js';
import type {ChatLog} from './history.js';

export const out = (s: string): void => {
	process.stdout.write(s);
};

export const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

export function note(event: string, data: Record<string, unknown> = {}): void {
	const file = process.env['FAKE_AIDER_LOG'];
	if (!file) return;
	try {
		appendFileSync(file, `${JSON.stringify({event, at: Date.now(), ...data})}\n`);
	} catch {
		// Test logging only.
	}
}

/** 24-bit foreground colour, as rich writes it; the text unchanged when not pretty. */
export function colour(pretty: boolean, hex: string, text: string): string {
	if (!pretty) return text;
	const n = Number.parseInt(hex.slice(1), 16);
	return `\u001B[38;2;${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}m${text}\u001B[0m`;
}

/** Line ends for a raw-mode terminal. */
export function crlf(text: string): string {
	return text.replace(/\r?\n/g, '\r\n');
}

export class Ui {
	constructor(
		readonly args: FakeArgs,
		readonly log: ChatLog,
		public width: number,
	) {}

	colour(hex: string, text: string): string {
		return colour(this.args.pretty, hex, text);
	}

	/** io.tool_output: printed (bold = reverse video when pretty) and logged as `> ` lines. */
	tool(text: string, bold = false): void {
		out(`${bold && this.args.pretty ? `\u001B[7m${crlf(text)}\u001B[0m` : crlf(text)}\r\n`);
		this.log.tool(text);
	}

	error(text: string): void {
		out(`${this.colour('#FF2222', crlf(text))}\r\n`);
		this.log.tool(text);
	}

	warning(text: string): void {
		out(`${this.colour('#FFA500', crlf(text))}\r\n`);
		this.log.tool(text);
	}

	rule(): void {
		out(this.args.pretty ? `${this.colour('#00cc00', '─'.repeat(Math.max(1, this.width)))}\r\n` : '\r\n');
	}

	assistantChunk(text: string): void {
		out(this.colour('#0088ff', crlf(text)));
	}
}
