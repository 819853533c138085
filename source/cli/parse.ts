// Parses one command's arguments: the shared options plus the command's own. Usage errors are
// printed here and become exit code 2.

import {parseArgs, type ParseArgsConfig} from 'node:util';
import {SHARED_OPTIONS, type SharedValues} from './options.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<V> {
	values: SharedValues & V;
	positionals: string[];
}

export function parseCommand<V = Record<string, unknown>>(
	name: string,
	argv: string[],
	own: Options,
	help: string,
	allowPositionals = false,
): Parsed<V> | number {
	try {
		const {values, positionals} = parseArgs({
			args: argv,
			options: {...SHARED_OPTIONS, ...own},
			strict: true,
			allowPositionals,
		});
		if ((values as SharedValues).help) {
			process.stdout.write(`${help}\n`);
			return 0;
		}
		return {values: values as SharedValues & V, positionals};
	} catch (error) {
		process.stderr.write(`stackdeck ${name}: ${(error as Error).message}\n\n${help}\n`);
		return 2;
	}
}
