// Starts the full-screen cockpit on a loaded config: store, services (hosts, Aider, benchmarks, jobs),
// the sources of each host, scheduler, Ink, and the terminal restored on every way out. `demo` reuses
// it with its own config.
//
// Start-up: the first frame needs Ink, the views and the store only. The sources (and with them the
// pty and emulator behind them) are imported after it is painted, and they poll at once instead of
// waiting a tick.

import React from 'react';
import chalk, {type ColorSupportLevel} from 'chalk';
import {KeybindingError, createRegistry} from '../commands/registry.js';
import {cockpitCommands} from './commands.js';
import {PANELS} from '../panels/registry.js';
import {SwapController} from '../actions/swap/controller.js';
import {localSwapEnv} from '../actions/swap/local-env.js';
import {hostSwapEnv, swapConfigFor} from '../actions/swap/host-env.js';
import {LOCAL_HOST_ID} from '../hosts/host.js';
import {keybindingsPath, loadKeybindings} from '../commands/keybindings-file.js';
import type {LoadedConfig} from '../config/load.js';
import {createAppStore, initialState, type AppStore} from '../store/index.js';
import {createNotifier} from '../store/notifier.js';
import {createJobsService} from '../jobs/service.js';
import {watchAlerts} from './watch-alerts.js';
import {createScheduler} from '../sources/scheduler.js';
import type {Source} from '../sources/types.js';
import type {PanelId} from '../domain/panel-ids.js';
import type {Services} from '../services/types.js';
import {closeServices, createServices} from './services.js';
import {decideColors, wantsAscii} from '../theme/resolve.js';
import {loadTheme, ThemeError} from '../theme/load.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../theme/tokens.js';
import {createFrameWriter} from '../terminal/frame-writer.js';
import {captureOutput, type CapturedMessage} from '../terminal/output-capture.js';
import {showNotice} from '../store/slices/ui.js';
import {update} from '../store/index.js';
import {openLogFile, type LogFile} from './log-file.js';
import {startDiagnostics} from './diagnostics.js';
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
	/** Show this panel alone, full size (--panel, for a tmux pane). */
	panel?: PanelId;
	/** `--log FILE`: captured warnings and stray output are appended there (else STACKDECK_LOG). */
	logFile?: string;
	/** The view's modules, when the caller started loading them (loadView). */
	view?: ReturnType<typeof loadView>;
	/** More figures for the STACKDECK_DIAG sample (the demo adds its load generator's listeners). */
	diagnostics?: () => Record<string, unknown>;
}

/** A slow link refreshes and repaints every 2 s at most. */
export const SLOW_LINK_MS = 2000;
/** Store changes within this long of each other are rendered as one frame. */
const RENDER_BATCH_MS = 150;
/** After a key press, changes render at once for this long (the key's own updates). */
const KEY_WINDOW_MS = 300;

/**
 * Starts importing the view (Ink, the App and its context). The cockpit command starts it before it
 * reads the config, so the module files are read while that runs: awaited one after another at the
 * first frame, the three imports left the process waiting on file reads for 10-25 ms.
 */
export function loadView() {
	const view = Promise.all([import('ink'), import('../ui/App.js'), import('../ui/context.js')]);
	// runCockpit awaits it; a start that ends before (a config error) must not leave it unhandled.
	view.catch(() => undefined);
	return view;
}

export async function runCockpit(options: CockpitOptions): Promise<number> {
	const env = options.env ?? process.env;
	const {config} = options.loaded;
	let swap: SwapController | null = null;
	const commands = cockpitCommands({
		open: () => {
			swap = swapOn(store.getState().host.current);
			return swap.open();
		},
		choose: () => swap!.choose(),
		confirm: () => swap!.confirm(),
		escape: () => swap!.escape(),
		force: () => swap!.force(),
	});
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

	let log: LogFile | undefined;
	const logPath = options.logFile ?? env['STACKDECK_LOG'];
	if (logPath) {
		try {
			log = openLogFile(logPath);
		} catch (error) {
			process.stderr.write(`stackdeck: cannot open the log file ${logPath}: ${(error as Error).message}; give a writable path to --log or STACKDECK_LOG\n`);
			return 2;
		}
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
	// chalk (inside Ink) reads FORCE_COLOR when it loads, which in the bundle is before this runs:
	// set our decision on the one chalk instance Ink draws with, and in FORCE_COLOR for children.
	process.env['FORCE_COLOR'] = String(colors.level);
	chalk.level = colors.level as ColorSupportLevel;
	const glyphs = wantsAscii(env, config.ascii) ? ASCII_GLYPHS : UNICODE_GLYPHS;

	const [{render}, {App}, {CockpitProvider}] = await (options.view ?? loadView());

	const refreshMs = config.slow_link ? Math.max(SLOW_LINK_MS, config.refresh_ms) : config.refresh_ms;
	const state = initialState(config.read_only);
	const store = createAppStore(options.panel ? {...state, ui: {...state.ui, focused: options.panel}} : state);
	// Each source's poll lands at its own moment; rendering once per batch instead of once per
	// source is most of the cockpit's CPU (Ink re-measures every row of every frame). A key press
	// renders at once.
	let keyAt = 0;
	const batchMs = config.slow_link ? SLOW_LINK_MS / 4 : RENDER_BATCH_MS;
	const notifier = createNotifier(store, () => (Date.now() - keyAt < KEY_WINDOW_MS ? 0 : batchMs));
	const services = createServices({store, config, env});
	const jobs = services.jobs;
	const base = {store, config, refreshMs, env};
	// The `m` window swaps on the host `h` chose, among the profiles that run there: one controller per
	// host, made when first opened there. A swap under way keeps its controller until it ends.
	const first = services.hosts[0]!;
	const controllers = new Map<string, SwapController>();
	const swapOn = (hostId: string): SwapController => {
		if (swap && store.getState().swap.phase === 'running') return swap;
		const host = services.hosts.find(h => h.id === hostId) ?? first;
		let controller = controllers.get(host.id);
		if (!controller) {
			const swapConfig = swapConfigFor(config, host.id, first.id);
			controller = new SwapController(store, swapConfig, host.id === LOCAL_HOST_ID ? localSwapEnv(swapConfig, env) : hostSwapEnv(host, swapConfig, env), {
				stop: id => services.aider.stop(id),
				startAider: request => services.aider.startAider(request),
			});
			controllers.set(host.id, controller);
		}
		return controller;
	};
	swap = swapOn(first.id);
	watchAlerts(store, PANELS);

	const screen = enterFullScreen(process.stdout, process.stdin);
	// From here until the screen is restored only the frame writer writes to the terminal: warnings,
	// console output and stderr go to the notice line and the log file.
	const capture = captureOutput((message: CapturedMessage) => {
		log?.append(message.kind, message.text, message.at);
		const first = message.text.split('\n', 1)[0]!;
		update(store, 'ui', ui => showNotice(ui, first, message.kind === 'console' ? 'info' : 'warn', message.at));
	});
	// Ink renders into the frame writer (debug mode: whole frames, no cursor maths of its own);
	// the writer sends only changed cells to the terminal, at most 1000/minInterval times a
	// second, except right after a key press, which paints at once.
	const frames = createFrameWriter(process.stdout, {minIntervalMs: config.slow_link ? SLOW_LINK_MS : 100});
	const unsubscribeRepaint = store.subscribe((state, prev) => {
		if (state.ui.repaints !== prev.ui.repaints) frames.repaint();
	});
	const stopDiagnostics = startDiagnostics(env['STACKDECK_DIAG'], () => ({
		renders: frames.stats.rendered,
		frames: frames.stats.frames,
		notifications: notifier.flushes,
		bytes: frames.stats.bytes,
		captured: capture.count,
		frame: frames.lastFrame(),
		...options.diagnostics?.(),
	}));
	let instance: ReturnType<typeof render> | undefined;
	let scheduler: ReturnType<typeof createScheduler> | undefined;
	let stopWatchingVisible: (() => void) | undefined;

	return new Promise<number>(resolve => {
		let finishing = false;
		const finish = (reason: ExitReason) => {
			if (finishing) return;
			finishing = true;
			removeHandlers();
			stopWatchingVisible?.();
			try {
				instance?.unmount();
			} catch {
				// Unmounting a broken tree must not stop the restore below.
			}
			unsubscribeRepaint();
			stopDiagnostics();
			frames.dispose();
			screen.restore();
			capture.stop();
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
			const onInput = () => {
				keyAt = Date.now();
				frames.expedite();
			};
			instance = render(
				React.createElement(
					CockpitProvider,
					{value: {store, notifier, registry, panels: PANELS, services, jobs, theme, glyphs, quit, onInput}},
					React.createElement(App, {layout: config.layout, single: options.panel !== undefined, ...(options.label ? {label: options.label} : {})}),
				),
				{stdout: frames.stream, exitOnCtrlC: false, patchConsole: false, debug: true},
			);
			frames.flush();
		} catch (error) {
			finish({kind: 'error', error});
			return;
		}
		// After the first frame is on the terminal: import the sources and start polling. React may
		// commit Ink's first render on a later turn than render()'s, so "the next turn" could import
		// and start the sources before anything was drawn.
		void frames
			.painted()
			.then(() => new Promise(resolve => setImmediate(resolve)))
			.then(() => startSources())
			.catch((error: unknown) => finish({kind: 'error', error}));
		const startSources = async () => {
			const {createHostSources} = await import('../sources/index.js');
			if (finishing) return;
			const sources = [...createHostSources(base, services.hosts), ...(options.extraSources?.(store, services) ?? [])];
			scheduler = createScheduler(store, sources, refreshMs);
			// A panel that comes on screen (a key press) polls at once instead of at the next tick.
			let visible = store.getState().ui.visible;
			stopWatchingVisible = store.subscribe(s => {
				if (s.ui.visible === visible) return;
				const shown = new Set(s.ui.visible.filter(p => !visible.includes(p)));
				visible = s.ui.visible;
				if (shown.size) void scheduler?.tick(shown);
			});
		};
	});
}
