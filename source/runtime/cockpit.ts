// Starts the full-screen cockpit on a loaded config: store, services (hosts, Aider, benchmarks), the
// sources of each host, scheduler, Ink, and the terminal restored on every way out. `demo` reuses it
// with its own config.

import React from 'react';
import {KeybindingError, createRegistry} from '../commands/registry.js';
import {allCommands} from './commands.js';
import {PANELS} from '../panels/registry.js';
import {keybindingsPath, loadKeybindings} from '../commands/keybindings-file.js';
import type {LoadedConfig} from '../config/load.js';
import {createAppStore, initialState, type AppStore} from '../store/index.js';
import {createNotifier} from '../store/notifier.js';
import {createSources} from '../sources/index.js';
import {createScheduler} from '../sources/scheduler.js';
import type {Source} from '../sources/types.js';
import type {Services} from '../services/types.js';
import {closeServices, createServices} from './services.js';
import {decideColors, wantsAscii} from '../theme/resolve.js';
import {loadTheme, ThemeError} from '../theme/load.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../theme/tokens.js';
import {createFrameWriter} from '../terminal/frame-writer.js';
import {enterFullScreen, exitCodeFor, onExitPaths, type ExitReason} from '../terminal/screen.js';

export interface CockpitOptions {
	loaded: LoadedConfig;
	/** --theme given on the command line (wins over config, loses to NO_COLOR). */
	flagTheme?: string;
	env?: NodeJS.ProcessEnv;
	/** Extra sources (`term` adds one that starts its command). */
	extraSources?: (store: AppStore, services: Services) => Source[];
	/** Runs after the terminal is restored, before exit (the demo stops its servers). */
	onShutdown?: () => Promise<void>;
	/** Shown in the header after the name ("demo"). */
	label?: string;
}

export async function runCockpit(options: CockpitOptions): Promise<number> {
	const env = options.env ?? process.env;
	const {config} = options.loaded;
	const commands = allCommands();
	let overrides;
	try {
		overrides = loadKeybindings(keybindingsPath(options.loaded.location.path), commands);
	} catch (error) {
		if (error instanceof KeybindingError) {
			process.stderr.write(`stackdeck: keybindings error in ${error.message}\n`);
			return 2;
		}
		throw error;
	}
	const registry = createRegistry(commands, overrides);

	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		process.stderr.write('stackdeck: the cockpit needs a terminal on stdin and stdout; for scripts use `stackdeck status --json`.\n');
		return 2;
	}

	const themeIsDefault = options.loaded.provenance.get('theme') === 'default';
	const colors = decideColors(env, options.flagTheme, config.theme, themeIsDefault);
	let theme;
	try {
		theme = loadTheme(colors.theme);
	} catch (error) {
		if (error instanceof ThemeError) {
			process.stderr.write(`stackdeck: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
	// chalk (inside Ink) reads FORCE_COLOR when it loads: set our decision before importing Ink.
	process.env['FORCE_COLOR'] = String(colors.level);
	const glyphs = wantsAscii(env, config.ascii) ? ASCII_GLYPHS : UNICODE_GLYPHS;

	const {render} = await import('ink');
	const {App} = await import('../ui/App.js');
	const {CockpitProvider} = await import('../ui/context.js');

	const store = createAppStore(initialState(config.read_only));
	const notifier = createNotifier(store);
	const services = createServices({store, config, env});
	const base = {store, config, refreshMs: config.refresh_ms, env};
	const sources = [...services.hosts.flatMap(host => createSources(base, host)), ...(options.extraSources?.(store, services) ?? [])];

	const screen = enterFullScreen(process.stdout, process.stdin);
	// Ink renders into the frame writer (debug mode: whole frames, no cursor maths of its own);
	// the writer sends only changed rows to the terminal, at most 1000/minInterval times a second.
	const frames = createFrameWriter(process.stdout, 100);
	let instance: ReturnType<typeof render> | undefined;
	let scheduler: ReturnType<typeof createScheduler> | undefined;

	return new Promise<number>(resolve => {
		let finishing = false;
		const finish = (reason: ExitReason) => {
			if (finishing) return;
			finishing = true;
			removeHandlers();
			try {
				instance?.unmount();
			} catch {
				// Unmounting a broken tree must not stop the restore below.
			}
			frames.dispose();
			screen.restore();
			if (reason.kind === 'error') {
				const error = reason.error as Error;
				process.stderr.write(`stackdeck: ${error?.stack ?? String(reason.error)}\n`);
			}
			const code = exitCodeFor(reason);
			void Promise.race([
				Promise.all([Promise.resolve(scheduler?.stop()).finally(() => closeServices(services)), options.onShutdown?.()]),
				new Promise(r => setTimeout(r, 1500).unref()),
			]).finally(() => {
				resolve(code);
				process.exit(code);
			});
		};
		const removeHandlers = onExitPaths(finish);
		const quit = (code = 0) => finish({kind: 'quit', code});

		try {
			instance = render(
				React.createElement(CockpitProvider, {value: {store, notifier, registry, panels: PANELS, services, theme, glyphs, quit}}, React.createElement(App, {layout: config.layout, ...(options.label ? {label: options.label} : {})})),
				{stdout: frames.stream, exitOnCtrlC: false, patchConsole: false, debug: true},
			);
			scheduler = createScheduler(store, sources, config.refresh_ms);
		} catch (error) {
			finish({kind: 'error', error});
		}
	});
}
