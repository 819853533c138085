// The fake Aider's input line, behaving like prompt_toolkit at the byte level: bracketed paste on
// while prompting, a cursor position request that stalls up to 1 s (and warns at 2 s) when the
// terminal does not answer, Enter submits, Alt-Enter inserts a newline, pastes are not submitted,
// Ctrl-C twice exits, Ctrl-D on an empty line exits, Ctrl-Z suspends the process. The chat prompt
// and the confirm questions both read through it.

export type PromptResult = {kind: 'line'; text: string} | {kind: 'eof'} | {kind: 'interrupt'};

const CPR = /\u001B\[(\d+);(\d+)R/;

export class Keyboard {
	private buffer = '';
	private waiter: (() => void) | undefined;

	constructor(private readonly input: NodeJS.ReadStream) {
		if (input.isTTY) input.setRawMode(true);
		input.setEncoding('utf8');
		input.on('data', (chunk: string) => {
			this.buffer += chunk;
			this.waiter?.();
		});
	}

	/** Wait for more input, or the timeout; true when input arrived. */
	wait(ms: number): Promise<boolean> {
		if (this.buffer) return Promise.resolve(true);
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				this.waiter = undefined;
				resolve(false);
			}, ms);
			this.waiter = () => {
				clearTimeout(timer);
				this.waiter = undefined;
				resolve(true);
			};
		});
	}

	/** Remove a CPR reply from the input, if one has arrived. */
	takeCpr(): boolean {
		const match = CPR.exec(this.buffer);
		if (!match) return false;
		this.buffer = this.buffer.slice(0, match.index) + this.buffer.slice(match.index + match[0].length);
		return true;
	}

	take(): string {
		const out = this.buffer;
		this.buffer = '';
		return out;
	}

	close(): void {
		if (this.input.isTTY) this.input.setRawMode(false);
		this.input.pause();
	}
}

export interface PromptOptions {
	prefix: string;
	fancy: boolean;
	cpr: boolean;
	write: (s: string) => void;
	/** Called with how long the CPR reply took (or undefined when none came). */
	onCpr?: (ms: number | undefined) => void;
	/** Text already in the line (prompt_toolkit's default=), e.g. "What's wrong? Fix" after a failed /run. */
	initial?: string;
}

export async function readPrompt(keys: Keyboard, options: PromptOptions): Promise<PromptResult> {
	const {write} = options;
	if (options.fancy) {
		write('\u001B[?2004h');
		if (options.cpr) {
			const started = Date.now();
			write('\u001B[6n');
			let answered = keys.takeCpr();
			while (!answered && Date.now() - started < 1000) {
				await keys.wait(1000 - (Date.now() - started));
				answered = keys.takeCpr();
			}
			options.onCpr?.(answered ? Date.now() - started : undefined);
			if (!answered) {
				// prompt_toolkit stops waiting after 1 s and warns once the reply is 2 s late.
				setTimeout(() => {
					if (!keys.takeCpr()) write("\r\nWARNING: your terminal doesn't support cursor position requests (CPR).\r\n");
				}, 1000).unref();
			}
		}
	}
	let line = options.initial ?? '';
	write(options.prefix + line);
	let interruptAt = 0;
	for (;;) {
		await keys.wait(3_600_000);
		keys.takeCpr();
		let data = keys.take();
		while (data.length > 0) {
			if (data.startsWith('\u001B[200~')) {
				const end = data.indexOf('\u001B[201~');
				const body = end < 0 ? data.slice(6) : data.slice(6, end);
				data = end < 0 ? '' : data.slice(end + 6);
				const text = body.replace(/\r\n?/g, '\n');
				line += text;
				write(text.replace(/\n/g, '\r\n'));
				continue;
			}
			if (data.startsWith('\u001B\r')) {
				line += '\n';
				write('\r\n');
				data = data.slice(2);
				continue;
			}
			const csi = /^\u001B(\[[\d;?]*[ -/]*[@-~]|O.|.)?/.exec(data);
			if (data[0] === '\u001B' && csi) {
				data = data.slice(csi[0].length);
				continue;
			}
			const ch = data[0]!;
			data = data.slice(1);
			if (ch === '\r' || ch === '\n') {
				write('\r\n');
				if (options.fancy) write('\u001B[?2004l');
				return {kind: 'line', text: line};
			}
			if (ch === '\u0003') {
				if (Date.now() - interruptAt < 2000) {
					write('\r\n^C KeyboardInterrupt\r\n');
					return {kind: 'interrupt'};
				}
				interruptAt = Date.now();
				line = '';
				write('\r\n\r\n^C again to exit\r\n');
				write(options.prefix);
				continue;
			}
			if (ch === '\u0004') {
				if (line === '') {
					write('\r\n');
					return {kind: 'eof'};
				}
				continue;
			}
			if (ch === '\u001A') {
				// prompt_toolkit's Ctrl-Z: suspend to the background (SIGTSTP).
				process.kill(process.pid, 'SIGTSTP');
				continue;
			}
			if (ch === '\u007F' || ch === '\b') {
				if (line.length > 0 && !line.endsWith('\n')) {
					line = line.slice(0, -1);
					write('\b \b');
				}
				continue;
			}
			if (ch >= ' ') {
				line += ch;
				write(ch);
			}
		}
	}
}
