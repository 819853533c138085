// Renders the real cockpit (App, store, registry, theme) through the row-diffing frame writer into a
// counting fake terminal, for benchmarks that measure what one update costs.

import {EventEmitter} from 'node:events';
import React from 'react';
import {render} from 'ink';
import {App} from '../ui/App.js';
import {CockpitProvider} from '../ui/context.js';
import {createAppStore, type AppStore} from '../store/index.js';
import {defaultConfig} from '../config/schema.js';
import {createNotifier} from '../store/notifier.js';
import {createJobsService} from '../jobs/service.js';
import {createRegistry} from '../commands/registry.js';
import {allCommands} from '../runtime/commands.js';
import {PANELS} from '../panels/registry.js';
import {closeServices, createServices} from '../runtime/services.js';
import {loadTheme} from '../theme/load.js';
import {UNICODE_GLYPHS} from '../theme/tokens.js';
import {createFrameWriter} from '../terminal/frame-writer.js';

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

export interface RenderHarness {
	store: AppStore;
	/** Bytes the diffing writer sent to the terminal so far. */
	sentBytes(): number;
	/** Bytes of whole frames Ink produced so far (what a full repaint per update would send). */
	fullBytes(): number;
	/** Let React and Ink render, then write the pending frame. */
	settle(): Promise<void>;
	close(): void;
}

export const tick = () => new Promise(r => setTimeout(r, 5));

export async function renderHarness(cols: number, rows: number, store = createAppStore()): Promise<RenderHarness> {
	const tty = new Tty(cols, rows);
	const writer = createFrameWriter(tty as unknown as NodeJS.WriteStream, 0);
	let full = 0;
	const origWrite = writer.stream.write.bind(writer.stream);
	(writer.stream as unknown as {write: (d: string) => boolean}).write = (d: string) => {
		full += Buffer.byteLength(d);
		return origWrite(d);
	};
	const notifier = createNotifier(store);
	const services = createServices({store, config: defaultConfig(), env: {}});
	const value = {store, notifier, registry: createRegistry(allCommands()), panels: PANELS, services, jobs: services.jobs, theme: loadTheme('dark'), glyphs: UNICODE_GLYPHS, quit: () => undefined};
	const instance = render(React.createElement(CockpitProvider, {value}, React.createElement(App)), {
		stdout: writer.stream,
		stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
		debug: true,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	const settle = async () => {
		await tick();
		writer.flush();
	};
	await settle();
	return {
		store,
		sentBytes: () => tty.bytes,
		fullBytes: () => full,
		settle,
		close() {
			instance.unmount();
			writer.dispose();
			closeServices(services);
		},
	};
}
