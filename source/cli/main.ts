// Entry point: `stackdeck [command] [options]`. Without a command it opens the cockpit.

import {COMMANDS, usage, version} from './usage.js';

async function main(argv: string[]): Promise<number> {
	const first = argv[0];
	if (first === '--version' || first === '-v') {
		process.stdout.write(`${version()}\n`);
		return 0;
	}
	if (first === 'help' || ((first === '--help' || first === '-h') && argv.length === 1)) {
		process.stdout.write(`${usage()}\n`);
		return 0;
	}
	const named = first !== undefined && !first.startsWith('-') ? first : undefined;
	if (named && !COMMANDS[named]) {
		process.stderr.write(`stackdeck: unknown command "${named}"\n\n${usage()}\n`);
		return 2;
	}
	const command = COMMANDS[named ?? 'cockpit']!;
	const module = await command.load();
	return module.run(named ? argv.slice(1) : argv);
}

// Exit explicitly once the command is done: a watcher or socket some library left open must not
// keep a finished command alive. Output is flushed first.
const exit = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

main(process.argv.slice(2)).then(exit, (error: unknown) => {
	process.stderr.write(`stackdeck: ${(error as Error)?.stack ?? String(error)}\n`);
	exit(1);
});
