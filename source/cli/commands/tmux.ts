// `stackdeck tmux [PANEL...]`: one cockpit per panel (`stackdeck --panel NAME`), each in its own
// tmux pane. Inside tmux the current window is split; outside, a new tmux session is opened with
// one window holding the panes (attached when there is a terminal, else left detached).

import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {PANEL_IDS, type PanelId} from '../../domain/panel-ids.js';
import {shellQuote} from '../../domain/aider/command-line.js';
import {panelOption, reportStartupError, SHARED_OPTIONS, UsageError, type SharedValues} from '../options.js';

const DEFAULT_PANELS: PanelId[] = ['throughput', 'memory', 'containers', 'sessions'];

const HELP = `usage: stackdeck tmux [PANEL...] [--detach] [options]

Opens one cockpit per panel, each full size in its own tmux pane (stackdeck --panel PANEL).
Inside tmux the current window is split; outside, a new tmux session "stackdeck" is started.
PANEL is one of ${PANEL_IDS.join(', ')} or its digit; default: ${DEFAULT_PANELS.join(' ')}.

  --detach        outside tmux: start the session without attaching (print its name)
  other options (--config, --theme, --refresh, --read-only, --ascii, --slow-link) are passed
  to every pane.
`;

const TMUX_OPTIONS = {...SHARED_OPTIONS, detach: {type: 'boolean'}} as const;

/** The C library's malloc settings the launcher's shebang gives; read when a process starts. */
const MALLOC_VARIABLES = ['MALLOC_TRIM_THRESHOLD_', 'MALLOC_MMAP_THRESHOLD_'];

/**
 * The shell command a pane runs: this same stackdeck, with the caller's options and one panel. Run
 * by this Node with this process's Node flags and malloc settings (the launcher's shebang gives its
 * V8 heap and malloc settings): `node bin/stackdeck.js` alone would start each pane without them,
 * and a pane takes the tmux server's environment, not this process's.
 */
export function paneCommand(panel: PanelId, passOn: string[], execPath = process.execPath, bin = launcherPath(), execArgv = process.execArgv, env: NodeJS.ProcessEnv = process.env): string {
	const malloc = MALLOC_VARIABLES.filter(name => env[name] !== undefined).map(name => `${name}=${env[name]}`);
	return shellQuote([...(malloc.length ? ['env', ...malloc] : []), execPath, ...execArgv, bin, '--panel', panel, ...passOn]);
}

/** The script this process was started as (bin/stackdeck.js, or wherever npm linked it). */
function launcherPath(): string {
	return path.resolve(process.argv[1] ?? 'stackdeck');
}

/** The tmux argument list (commands joined by ";") that builds the panes. */
export function tmuxArgs(commands: string[], inside: boolean, session: string, detach: boolean): string[] {
	const args: string[] = [];
	if (inside) {
		for (const command of commands) args.push('split-window', '-d', command, ';', 'select-layout', 'tiled', ';');
	} else {
		// A detached session has no client to take its size from; tmux's 80x24 would leave tiled panes under the 40x12 minimum.
		args.push('new-session', ...(detach ? ['-d', '-x', '160', '-y', '48'] : []), '-s', session, '-n', 'stackdeck', commands[0]!, ';');
		for (const command of commands.slice(1)) args.push('split-window', '-t', `${session}:stackdeck`, command, ';', 'select-layout', '-t', `${session}:stackdeck`, 'tiled', ';');
		args.push('select-pane', '-t', `${session}:stackdeck.0`);
	}
	if (args.at(-1) === ';') args.pop();
	return args;
}

export async function run(argv: string[]): Promise<number> {
	let values: SharedValues & {detach?: boolean};
	let panels: PanelId[];
	try {
		const parsed = parseArgs({args: argv, options: TMUX_OPTIONS, strict: true, allowPositionals: true});
		values = parsed.values;
		if (values.help) {
			process.stdout.write(HELP);
			return 0;
		}
		panels = parsed.positionals.length ? parsed.positionals.map(p => panelOption(p)!) : DEFAULT_PANELS;
		if (values.json) throw new UsageError('tmux has no --json output');
	} catch (error) {
		if ((error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(`stackdeck tmux: ${(error as Error).message}\n`);
			return 2;
		}
		return reportStartupError(error);
	}
	const passOn: string[] = [];
	for (const key of ['config', 'theme', 'refresh', 'layout'] as const) if (values[key] !== undefined) passOn.push(`--${key}`, values[key]!);
	for (const key of ['read-only', 'ascii', 'slow-link'] as const) if (values[key]) passOn.push(`--${key}`);
	if (values.config) passOn[passOn.indexOf('--config') + 1] = path.resolve(values.config);

	const inside = Boolean(process.env['TMUX']);
	const detach = values.detach === true || (!inside && !process.stdout.isTTY);
	const session = `stackdeck-${process.pid}`;
	const args = tmuxArgs(
		panels.map(p => paneCommand(p, passOn)),
		inside,
		session,
		detach,
	);
	const result = spawnSync('tmux', args, {stdio: detach || inside ? ['ignore', 'inherit', 'inherit'] : 'inherit'});
	if (result.error) {
		const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
		process.stderr.write(`stackdeck tmux: ${missing ? 'tmux is not installed (apt install tmux)' : result.error.message}\n`);
		return 1;
	}
	if (result.status !== 0) {
		process.stderr.write(`stackdeck tmux: tmux exited with ${result.status ?? result.signal}\n`);
		return 1;
	}
	if (detach && !inside) process.stdout.write(`stackdeck tmux: session ${session} started; attach with: tmux attach -t ${session}\n`);
	return 0;
}
