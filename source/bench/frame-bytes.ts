// Bytes sent to the terminal per update, with the row-diffing frame writer, against repainting the
// whole frame on every update (what Ink's standard renderer does): the cost over a mobile link.

import {EventEmitter} from 'node:events';
import React from 'react';
import {render} from 'ink';
import {App} from '../ui/App.js';
import {CockpitProvider} from '../ui/context.js';
import {createAppStore, update} from '../store/index.js';
import {createNotifier} from '../store/notifier.js';
import {createRegistry} from '../commands/registry.js';
import {allCommands} from '../commands/all.js';
import {loadTheme} from '../theme/load.js';
import {UNICODE_GLYPHS} from '../theme/tokens.js';
import {applyMeminfo} from '../store/slices/host.js';
import {createFrameWriter} from '../terminal/frame-writer.js';
import type {Bench, BenchRow} from './types.js';

class Tty extends EventEmitter {
	bytes = 0;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write(data: string) {
		this.bytes += Buffer.byteLength(data);
		return true;
	}
}

/** Just enough of a tty stdin for Ink's input hook; nothing is typed. */
class QuietStdin extends EventEmitter {
	isTTY = true;
	isRaw = false;
	setRawMode(mode: boolean) {
		this.isRaw = mode;
		return this;
	}
	setEncoding() {
		return this;
	}
	read() {
		return null;
	}
	ref() {}
	unref() {}
}

const tick = () => new Promise(r => setTimeout(r, 5));

async function measure(cols: number, rows: number, updates: number): Promise<{diff: number; full: number}> {
	const tty = new Tty(cols, rows);
	const writer = createFrameWriter(tty as unknown as NodeJS.WriteStream, 0);
	let fullBytes = 0;
	const origWrite = writer.stream.write.bind(writer.stream);
	(writer.stream as unknown as {write: (d: string) => boolean}).write = (d: string) => {
		fullBytes += Buffer.byteLength(d);
		return origWrite(d);
	};
	const store = createAppStore();
	update(store, 'ui', ui => ({...ui, focused: 'memory'}));
	const notifier = createNotifier(store);
	const value = {store, notifier, registry: createRegistry(allCommands()), theme: loadTheme('dark'), glyphs: UNICODE_GLYPHS, quit: () => undefined};
	const instance = render(React.createElement(CockpitProvider, {value}, React.createElement(App)), {
		stdout: writer.stream,
		stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
		debug: true,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	await tick();
	writer.flush();
	const startDiff = tty.bytes;
	const startFull = fullBytes;
	const total = 128 * 2 ** 30;
	for (let i = 0; i < updates; i++) {
		const used = total * (0.5 + 0.3 * Math.sin(i / 5));
		update(store, 'host', h =>
			applyMeminfo(h, {totalBytes: total, availableBytes: total - used, usedBytes: used, freeBytes: 0, cachedBytes: 2 ** 30, swapTotalBytes: 0, swapUsedBytes: 0}, i),
		);
		await tick();
		writer.flush();
	}
	instance.unmount();
	writer.dispose();
	return {diff: (tty.bytes - startDiff) / updates, full: (fullBytes - startFull) / updates};
}

export const frameBytesBench: Bench = {
	id: 'frame-bytes',
	async run(): Promise<BenchRow[]> {
		const rows: BenchRow[] = [];
		for (const [cols, r] of [
			[61, 30],
			[160, 48],
		] as const) {
			const {diff, full} = await measure(cols, r, 60);
			rows.push({
				name: `bytes per update, Memory panel live, ${cols}x${r}`,
				value: `${Math.round(diff)} B (${(diff / full).toFixed(2)}x of a full repaint, ${Math.round(full)} B)`,
				method: '60 host-memory updates rendered through the row-diffing frame writer vs the whole frame each time',
				raw: {diffBytes: diff, fullBytes: full},
			});
		}
		return rows;
	},
};
