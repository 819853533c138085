import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// The command names and summaries, and the usage text, shared by main and each command's --help.
// The modules behind the names are loaded by main.ts, so that no command imports its own loader.

export const COMMANDS = {
	cockpit: 'open the cockpit (the default)',
	status: 'one snapshot of every panel, as text or --json',
	config: 'print the effective config and where each value came from',
	demo: 'run a simulated stack (engines, sessions) and open the cockpit on it',
	bench: 'probe an engine: time to first token and decode tok/s',
	doctor: 'check the stack for silent failures, with evidence and the fix (--fix ID)',
	'check-session': 'check OpenHands sessions for role orderings a server would reject',
	aider: 'run Aider once with --message and print the summary',
	tmux: 'a tmux window with one cockpit pane per panel: tmux [PANEL...]',
	swap: 'swap the serving model: swap [NAME] [--yes] [--json]',
	term: 'host any command in the cockpit terminal pane: term -- CMD',
} as const;

export type CommandName = keyof typeof COMMANDS;

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
		...Object.entries(COMMANDS).map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
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

