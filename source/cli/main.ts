// Entry point: `stackdeck [command] [options]`. Without a command it opens the cockpit.

import {readInvocation} from './argv.js';
import {COMMANDS, usage, version} from './usage.js';

async function main(argv: string[]): Promise<number> {
	const call = readInvocation(argv, name => Object.hasOwn(COMMANDS, name));
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
			const module = await COMMANDS[call.name ?? 'cockpit']!.load();
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
