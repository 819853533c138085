// Follows an append-only chat history file: each read returns the events in the lines added since
// the last one. A missing file is not an error (Aider creates it on the first write).

import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {parseChatHistory, splitLines, type AiderEvent, type ParseCarry} from '../../domain/aider/history-parser.js';

/** Limit: bytes of chat history read at once (a runaway file is read in 4 MB steps). */
const MAX_READ = 4 * 1024 * 1024;

export class HistoryTail {
	private offset = 0;
	private carry = '';
	private readonly parse: ParseCarry = {};

	constructor(readonly file: string) {}

	read(): AiderEvent[] {
		let fd: number;
		try {
			fd = openSync(this.file, 'r');
		} catch {
			return [];
		}
		try {
			const size = fstatSync(fd).size;
			if (size < this.offset) {
				this.offset = 0;
				this.carry = '';
				this.parse.lastTool = undefined;
			}
			if (size === this.offset) return [];
			const length = Math.min(MAX_READ, size - this.offset);
			const buffer = Buffer.alloc(length);
			const got = readSync(fd, buffer, 0, length, this.offset);
			this.offset += got;
			const {lines, rest} = splitLines(this.carry, buffer.subarray(0, got).toString('utf8'));
			this.carry = rest;
			return parseChatHistory(lines, this.parse);
		} finally {
			closeSync(fd);
		}
	}
}
