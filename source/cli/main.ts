// Entry point: `stackdeck [command] [options]`. Without a command it opens the cockpit.

import {readInvocation} from './argv.js';
import {COMMANDS, usage, version, type CommandName} from './usage.js';

type CommandModule = {run(argv: string[]): Promise<number>};

/** One loader per name in usage.ts's table (the type keeps the two in step). */
const LOADERS: Record<CommandName, () => Promise<CommandModule>> = {
	cockpit: () => import('./commands/cockpit.js'),
	status: () => import('./commands/status.js'),
	config: () => import('./commands/config.js'),
	demo: () => import('./commands/demo.js'),
	bench: () => import('./commands/bench.js'),
	doctor: () => import('./commands/doctor.js'),
	'check-session': () => import('./commands/check-session.js'),
	aider: () => import('./commands/aider.js'),
	tmux: () => import('./commands/tmux.js'),
	swap: () => import('./commands/swap.js'),
	term: () => import('./commands/term.js'),
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

async function main(argv: string[]): Promise<number> {
	const call = readInvocation(argv, isCommand);
	switch (call.kind) {
		case 'version':
			process.stdout.write(`${version()}\n`);
			return 0;
		case 'usage':
			process.stdout.write(`${usage()}\n`);
			return 0;
		case 'unknown':
			process.stderr.write(`stackdeck: unknown command "${call.name}"\n\n${usage()}\n`);
			return 2;
		case 'run': {
			const name: CommandName = call.name !== null && isCommand(call.name) ? call.name : 'cockpit';
			const module = await LOADERS[name]();
			return module.run(call.argv);
		}
	}
}

// Exit explicitly once the command is done: a watcher or socket some library left open must not
// keep a finished command alive. Output is flushed first.
const exit = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

main(process.argv.slice(2)).then(exit, (error: unknown) => {
	process.stderr.write(`stackdeck: ${(error as Error)?.stack ?? String(error)}\n`);
	exit(1);
});
