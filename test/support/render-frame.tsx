// Renders the cockpit with Ink into a fake terminal of a given size and returns each frame, so
// component tests can check sizes without a pty.

import {EventEmitter} from 'node:events';
import React from 'react';
import {render} from 'ink';
import {App} from '../../source/ui/App.js';
import {CockpitProvider} from '../../source/ui/context.js';
import {createAppStore, type AppState, type AppStore} from '../../source/store/index.js';
import {createNotifier} from '../../source/store/notifier.js';
import {createJobsService, type JobsService} from '../../source/jobs/service.js';
import {createRegistry} from '../../source/commands/registry.js';
import {allCommands} from '../../source/runtime/commands.js';
import {PANELS} from '../../source/panels/registry.js';
import {loadTheme} from '../../source/theme/load.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/theme/tokens.js';
import {closeServices, createServices} from '../../source/runtime/services.js';
import type {Services} from '../../source/services/types.js';
import {defaultConfig} from '../../source/config/schema.js';

export class FakeStdout extends EventEmitter {
	frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write(data: string) {
		this.frames.push(data);
		return true;
	}
}

/**
 * Just enough of a tty stdin for Ink 6's App: it listens for 'readable' and drains read() until
 * null. Like a real stream, data typed while nobody listens stays queued and is announced when a
 * 'readable' listener is attached again (Ink detaches its listener whenever no useInput is active),
 * and each chunk read() is also emitted as 'data' (what the Aider pane's captured keyboard reads).
 */
export class FakeStdin extends EventEmitter {
	isTTY = true;
	isRaw = false;
	private queue: string[] = [];
	constructor() {
		super();
		this.on('newListener', (event: string) => {
			if (event === 'readable') process.nextTick(() => this.queue.length > 0 && this.emit('readable'));
		});
	}
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

export interface RenderedCockpit {
	store: AppStore;
	/** The job service the cockpit's commands use. */
	jobs: JobsService;
	stdout: FakeStdout;
	/** Latest frame, as lines (ANSI codes kept). */
	frame(): string[];
	type(data: string): Promise<void>;
	settle(): Promise<void>;
	resize(cols: number, rows: number): Promise<void>;
	quitCalls: number[];
	unmount(): void;
}

export interface CockpitMount {
	jobs: JobsService;
	stdout: FakeStdout;
	stdin: FakeStdin;
	unmount(): void;
}

/** The real App with the real registry and theme, rendered by Ink into a fake terminal. */
export function mountCockpit(store: AppStore, cols: number, rows: number, options: {ascii?: boolean; theme?: string; quit?: (code?: number) => void; services?: Services} = {}): CockpitMount {
	// The runtime's services, unless the test brings its own (and then closes them itself).
	const services = options.services ?? createServices({store, config: defaultConfig(), env: {}});
	const stdout = new FakeStdout(cols, rows);
	const stdin = new FakeStdin();
	const jobs = services.jobs;
	const value = {
		store,
		notifier: createNotifier(store),
		registry: createRegistry(allCommands()),
		jobs,
		panels: PANELS,
		services,
		theme: loadTheme(options.theme ?? 'dark'),
		glyphs: options.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS,
		quit: options.quit ?? (() => undefined),
	};
	const instance = render(
		<CockpitProvider value={value}>
			<App />
		</CockpitProvider>,
		{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	return {
		jobs,
		stdout,
		stdin,
		unmount: () => {
			instance.unmount();
			if (!options.services) closeServices(services);
		},
	};
}

export async function renderCockpit(cols: number, rows: number, init: Partial<AppState> = {}, options: {ascii?: boolean; theme?: string} = {}): Promise<RenderedCockpit> {
	const store = createAppStore(init);
	const quitCalls: number[] = [];
	const {jobs, stdout, stdin, unmount} = mountCockpit(store, cols, rows, {...options, quit: (code = 0) => void quitCalls.push(code)});
	const settle = async () => {
		for (let i = 0; i < 5; i++) await new Promise(r => setTimeout(r, 20));
	};
	await settle();
	return {
		store,
		jobs,
		stdout,
		quitCalls,
		frame: () => (stdout.frames.at(-1) ?? '').split('\n'),
		async type(data) {
			// A person presses a key after seeing the frame: let pending store changes render (and
			// App's effects, e.g. the planned layout written to ui.layout, run) first, so a key never
			// acts on a store write the cockpit has not drawn yet. Delivering it in the same tick as
			// the test's update() made the outcome depend on whether the test had waited before.
			await settle();
			stdin.type(data);
			await settle();
		},
		settle,
		async resize(c, r) {
			stdout.columns = c;
			stdout.rows = r;
			stdout.emit('resize');
			await new Promise(res => setTimeout(res, 150));
			await settle();
		},
		unmount,
	};
}

/** Visible width of a line: ANSI escapes removed, wide characters not expected in our frames. */
export function visibleWidth(line: string): number {
	// eslint-disable-next-line no-control-regex
	return [...line.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '')].length;
}

export function plain(line: string): string {
	// eslint-disable-next-line no-control-regex
	return line.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
}
