import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {createFrameWriter} from '../../source/terminal/frame-writer.js';

class Tty extends EventEmitter {
	written: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write(data: string) {
		this.written.push(data);
		return true;
	}
}

function setup(rows = 10) {
	const tty = new Tty(40, rows);
	const writer = createFrameWriter(tty as unknown as NodeJS.WriteStream, 0);
	const frame = (text: string) => {
		writer.stream.write(text);
		writer.flush();
		return tty.written.at(-1) ?? '';
	};
	return {tty, writer, frame};
}

describe('frame writer', () => {
	it('repaints everything first, then only rows that changed, at absolute positions', () => {
		const {frame, writer} = setup();
		const first = frame('a\nb\nc');
		expect(first).toContain('\u001B[1;1Ha');
		expect(first).toContain('\u001B[3;1Hc');
		const second = frame('a\nB\nc');
		expect(second).toContain('\u001B[2;1HB');
		expect(second).not.toContain('\u001B[1;1H');
		expect(second).not.toContain('\u001B[3;1H');
		expect(writer.stats.frames).toBe(2);
	});

	it('writes nothing for an identical frame', () => {
		const {frame, tty} = setup();
		frame('x\ny');
		const count = tty.written.length;
		frame('x\ny');
		expect(tty.written.length).toBe(count);
	});

	it('never clears the screen, even on resize; clears rows a shorter frame left behind', () => {
		const {frame, tty} = setup();
		frame('1\n2\n3\n4');
		const shorter = frame('1\n2');
		expect(shorter).toContain('\u001B[3;1H\u001B[K');
		expect(shorter).toContain('\u001B[4;1H\u001B[K');
		tty.emit('resize');
		const after = frame('1\n2');
		expect(after).toContain('\u001B[1;1H1');
		expect(after).toContain('\u001B[J');
		expect(tty.written.join('')).not.toContain('\u001B[2J');
	});

	it('clips a frame taller than rows-1 instead of letting the terminal scroll', () => {
		const {frame, writer} = setup(4);
		const out = frame('1\n2\n3\n4\n5');
		expect(out).not.toContain('\u001B[4;1H4');
		expect(writer.stats.overflows).toBe(1);
	});

	it('tells Ink the real size and passes resize events on', () => {
		const {tty, writer} = setup();
		let resized = 0;
		writer.stream.on('resize', () => resized++);
		tty.columns = 61;
		tty.emit('resize');
		expect(writer.stream.columns).toBe(61);
		expect(resized).toBe(1);
	});
});
