// The fake Aider's history files, in Aider's formats: the chat history markdown (`# aider chat
// started at`, `#### ` user lines, `> ` tool lines, assistant text) and prompt_toolkit's FileHistory.

import {appendFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';

function stamp(date = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

export class ChatLog {
	constructor(private readonly file: string) {
		try {
			mkdirSync(path.dirname(file), {recursive: true});
		} catch {
			// Reported on the first append.
		}
	}

	private append(text: string): void {
		try {
			appendFileSync(this.file, text);
		} catch (error) {
			process.stderr.write(`Warning: unable to write to chat history file ${this.file}: ${(error as Error).message}\n`);
		}
	}

	start(commandLine: string): void {
		this.append(`\n# aider chat started at ${stamp()}\n\n`);
		this.tool(commandLine);
	}

	tool(text: string): void {
		this.append(text.split('\n').map(l => `> ${l}  \n`).join(''));
	}

	user(text: string): void {
		this.append(`\n${text.split('\n').map(l => `#### ${l}  `).join('\n')}\n`);
	}

	assistant(text: string): void {
		this.append(`\n${text.trim()}\n\n`);
	}
}

export function appendInputHistory(file: string, text: string): void {
	try {
		mkdirSync(path.dirname(file), {recursive: true});
		appendFileSync(file, `\n# ${new Date().toISOString().replace('T', ' ').replace('Z', '')}\n${text.split('\n').map(l => `+${l}\n`).join('')}`);
	} catch {
		// prompt_toolkit ignores history write errors too.
	}
}
