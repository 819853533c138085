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
	it('says when the first frame is on the terminal, not before', async () => {
		const {tty, writer, frame} = setup();
		let painted = false;
		const first = writer.painted().then(() => (painted = true));
		await new Promise(r => setImmediate(r));
		expect(painted).toBe(false);
		frame('hello');
		await first;
		expect(tty.written.join('')).toContain('hello');
		// Once one is, at once.
		await writer.painted();
		writer.dispose();
	});

	it('repaints everything first, then only the cells that changed, at absolute positions', () => {
		const {frame, writer} = setup();
		const first = frame('a\nb\nc');
		expect(first).toContain('\u001B[Ha');
		expect(first).toContain('\u001B[3Hc');
		const second = frame('a\nB\nc');
		expect(second).toBe('\u001B[?2026h\u001B[2HB\u001B[?2026l');
		const third = frame('a\nB\nc 42 ms');
		expect(third).toBe('\u001B[?2026h\u001B[3;3H42 ms\u001B[?2026l');
		expect(writer.stats.frames).toBe(3);
	});

	it('counts every frame Ink renders, and writes nothing for one that shows what is already shown', () => {
		const {frame, writer, tty} = setup();
		frame('a\nb');
		const written = tty.written.length;
		frame('a\nb');
		expect(tty.written.length).toBe(written);
		expect(writer.stats).toMatchObject({rendered: 2, frames: 1});
	});

	it('a key press paints the next frame at once instead of waiting for the interval', async () => {
		const tty = new Tty(40, 10);
		const writer = createFrameWriter(tty as unknown as NodeJS.WriteStream, 60_000);
		writer.stream.write('one');
		await new Promise(r => setTimeout(r, 20));
		const afterFirst = tty.written.length;
		writer.stream.write('two');
		await new Promise(r => setTimeout(r, 20));
		// Held: a refresh within the interval waits.
		expect(tty.written.length).toBe(afterFirst);
		writer.expedite();
		await new Promise(r => setImmediate(r));
		expect(tty.written.at(-1)).toContain('two');
		writer.dispose();
	});

	it('repaint() draws the whole last frame again', () => {
		const {frame, writer, tty} = setup();
		frame('x\ny');
		writer.repaint();
		expect(tty.written.at(-1)).toContain('\u001B[Hx');
		expect(tty.written.at(-1)).toContain('\u001B[2Hy');
		expect(tty.written.join('')).not.toContain('\u001B[2J');
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
		expect(shorter).toContain('\u001B[3H\u001B[K');
		expect(shorter).toContain('\u001B[4H\u001B[K');
		tty.emit('resize');
		const after = frame('1\n2');
		expect(after).toContain('\u001B[H1');
		expect(after).toContain('\u001B[J');
		expect(tty.written.join('')).not.toContain('\u001B[2J');
	});

	it('clips a frame taller than rows-1 instead of letting the terminal scroll', () => {
		const {frame, writer} = setup(4);
		const out = frame('1\n2\n3\n4\n5');
		// eslint-disable-next-line no-control-regex
		expect(out.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '')).toBe('123');
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
