// What the command line asks for, before any command is loaded: global flags may stand before the
// command (`stackdeck --config X status`) as well as after it, and `help TOPIC` is that command's --help.

/** Shared flags that take a value: the word after them is not a command name. */
const VALUE_FLAGS = new Set(['--config', '--theme', '--refresh', '--layout', '--panel', '--log']);

export type Invocation =
	| {kind: 'version'}
	| {kind: 'usage'}
	| {kind: 'unknown'; name: string}
	/** `name` null: the default command (the cockpit). `argv` holds every flag, wherever it stood. */
	| {kind: 'run'; name: string | null; argv: string[]};

export function readInvocation(argv: readonly string[], isCommand: (name: string) => boolean): Invocation {
	if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return {kind: 'version'};
	if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) return {kind: 'usage'};
	const leading: string[] = [];
	let i = 0;
	while (i < argv.length && argv[i]!.startsWith('-')) {
		const flag = argv[i]!;
		leading.push(flag);
		if (VALUE_FLAGS.has(flag) && i + 1 < argv.length) leading.push(argv[++i]!);
		i++;
	}
	const word = argv[i];
	if (word === undefined) return {kind: 'run', name: null, argv: leading};
	const rest = argv.slice(i + 1);
	if (word === 'help') {
		const topic = rest[0];
		if (topic === undefined) return {kind: 'usage'};
		return isCommand(topic) ? {kind: 'run', name: topic, argv: ['--help']} : {kind: 'unknown', name: topic};
	}
	if (!isCommand(word)) return {kind: 'unknown', name: word};
	return {kind: 'run', name: word, argv: [...leading, ...rest]};
}
