import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// The command table and the usage text, shared by main and each command's --help.

export type CommandModule = {run(argv: string[]): Promise<number>};

export const COMMANDS: Record<string, {summary: string; load: () => Promise<CommandModule>}> = {
	cockpit: {summary: 'open the cockpit (the default)', load: () => import('./commands/cockpit.js')},
	status: {summary: 'one snapshot of every panel, as text or --json', load: () => import('./commands/status.js')},
	config: {summary: 'print the effective config and where each value came from', load: () => import('./commands/config.js')},
	demo: {summary: 'run a simulated stack (engines, sessions) and open the cockpit on it', load: () => import('./commands/demo.js')},
	bench: {summary: 'probe an engine: time to first token and decode tok/s', load: () => import('./commands/bench.js')},
	doctor: {summary: 'check the stack for silent failures, with evidence and the fix (--fix ID)', load: () => import('./commands/doctor.js')},
	'check-session': {summary: 'check OpenHands sessions for role orderings a server would reject', load: () => import('./commands/check-session.js')},
	aider: {summary: 'run Aider once with --message and print the summary', load: () => import('./commands/aider.js')},
	tmux: {summary: 'a tmux window with one cockpit pane per panel: tmux [PANEL...]', load: () => import('./commands/tmux.js')},
	swap: {summary: 'swap the serving model: swap [NAME] [--yes] [--json]', load: () => import('./commands/swap.js')},
	term: {summary: 'host any command in the cockpit terminal pane: term -- CMD', load: () => import('./commands/term.js')},
};

export function version(): string {
	const pkg = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
	return (JSON.parse(readFileSync(pkg, 'utf8')) as {version: string}).version;
}

export function usage(): string {
	const width = Math.max(...Object.keys(COMMANDS).map(c => c.length));
	return [
		'usage: stackdeck [command] [options]',
		'',
		'commands:',
		...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
		'',
		'options for every command:',
		'  --config PATH   config file (default $XDG_CONFIG_HOME/stackdeck/config.toml; or STACKDECK_CONFIG)',
		'  --theme NAME    dark, light, high-contrast, ansi16, mono (NO_COLOR selects mono)',
		'  --refresh MS    refresh interval, default 1000',
		'  --read-only     refuse every action that changes the stack',
		'  --ascii         ASCII borders and bars (automatic under a non-UTF-8 locale)',
		'  --layout MODE   auto, wide, medium, phone',
		'  --slow-link     repaint and refresh every 2 s at most (mobile links); keys still answer at once',
		'  --panel NAME    (cockpit, demo) one panel, full size: containers, throughput, memory, cache,',
		'                  sessions, aider, doctor (for a tmux pane; see `stackdeck tmux`)',
		'  --json          machine-readable output (status, doctor, config, bench, check-session)',
		'  --log FILE      the cockpit appends caught warnings and stray output here (or STACKDECK_LOG)',
		'',
		'stackdeck <command> --help for more.',
	].join('\n');
}

