// The whole cockpit rendered with Ink around a real AiderManager, for Aider panel tests: cockpit
// keys go through Ink's input like a terminal's, and once the pane has the keyboard the same bytes
// reach the pane's pty the way they do in production (the stdin 'data' events usePaneInput reads).
// The Aider sessions run in real ptys read back through @xterm/headless (PaneSession).

import {EventEmitter} from 'node:events';
import React from 'react';
import {render} from 'ink';
import {App} from '../../source/ui/App.js';
import {CockpitProvider} from '../../source/ui/context.js';
import {createAppStore, type AppStore} from '../../source/store/index.js';
import {createNotifier} from '../../source/store/notifier.js';
import {createRegistry} from '../../source/commands/registry.js';
import {allCommands} from '../../source/commands/all.js';
import {loadTheme} from '../../source/theme/load.js';
import {UNICODE_GLYPHS} from '../../source/theme/tokens.js';
import type {Config} from '../../source/config/schema.js';
import {AiderManager, setAiderManager} from '../../source/sources/aider/manager.js';

class FakeStdout extends EventEmitter {
	last = '';
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write(data: string) {
		this.last = data;
		return true;
	}
}

/** Like a real stream with both listeners: each chunk Ink read()s is also emitted as 'data'. */
class FakeStdin extends EventEmitter {
	isTTY = true;
	isRaw = false;
	private queue: string[] = [];
	setRawMode(mode: boolean) {
		this.isRaw = mode;
		return this;
	}
	setEncoding() {
		return this;
	}
	ref() {}
	unref() {}
	resume() {
		return this;
	}
	pause() {
		return this;
	}
	read(): string | null {
		const chunk = this.queue.shift() ?? null;
		if (chunk !== null) this.emit('data', chunk);
		return chunk;
	}
	type(data: string) {
		this.queue.push(data);
		this.emit('readable');
	}
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

export interface AiderCockpit {
	store: AppStore;
	manager: AiderManager;
	/** The latest frame as plain text lines. */
	lines(): string[];
	text(): string;
	/** Type bytes at the outer terminal (a key, a line and \r, ...). */
	type(data: string): Promise<void>;
	until(what: string, probe: (text: string) => boolean, ms?: number): Promise<void>;
	close(): void;
}

export async function renderAiderCockpit(config: Config, env: NodeJS.ProcessEnv, cols = 100, rows = 32): Promise<AiderCockpit> {
	const store = createAppStore();
	const manager = new AiderManager(store, config, env);
	setAiderManager(manager);
	const stdout = new FakeStdout(cols, rows);
	const stdin = new FakeStdin();
	const value = {store, notifier: createNotifier(store), registry: createRegistry(allCommands()), theme: loadTheme('dark'), glyphs: UNICODE_GLYPHS, quit: () => undefined};
	const instance = render(
		<CockpitProvider value={value}>
			<App />
		</CockpitProvider>,
		{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	const tick = () => new Promise(r => setTimeout(r, 25));
	const lines = () => stdout.last.replace(ANSI, '').split('\n');
	const until = async (what: string, probe: (text: string) => boolean, ms = 15_000) => {
		const end = Date.now() + ms;
		while (!probe(lines().join('\n'))) {
			if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${lines().join('\n')}`);
			await tick();
		}
	};
	for (let i = 0; i < 4; i++) await tick();
	return {
		store,
		manager,
		lines,
		text: () => lines().join('\n'),
		async type(data) {
			stdin.type(data);
			for (let i = 0; i < 3; i++) await tick();
		},
		until,
		close() {
			instance.unmount();
			manager.dispose();
			setAiderManager(undefined);
		},
	};
}
