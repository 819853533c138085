// The Docker events stream as lines of JSON: bytes are decoded across chunk boundaries (a multi-byte
// character split between two chunks stays whole) and split on newlines; an unterminated line is kept
// for the next chunk, up to a limit so an endless line cannot grow memory without bound.

import {StringDecoder} from 'node:string_decoder';

const MAX_LINE = 1024 * 1024;

export function createLineSplitter(onLine: (line: string) => void): (chunk: Buffer | string) => void {
	const decoder = new StringDecoder('utf8');
	let buffer = '';
	return chunk => {
		buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk);
		let start = 0;
		let nl: number;
		while ((nl = buffer.indexOf('\n', start)) >= 0) {
			const line = buffer.slice(start, nl).trim();
			start = nl + 1;
			if (line) onLine(line);
		}
		buffer = buffer.slice(start);
		if (buffer.length > MAX_LINE) buffer = '';
	};
}
