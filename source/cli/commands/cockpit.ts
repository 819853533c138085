// `stackdeck` (no command): the full-screen cockpit.

import {parseArgs} from 'node:util';
import {SHARED_OPTIONS, loadFromFlags, reportStartupError, type SharedValues} from '../options.js';
import {usage} from '../usage.js';
import {runCockpit} from '../../runtime/cockpit.js';

export async function run(argv: string[]): Promise<number> {
	let values: SharedValues;
	let loaded;
	try {
		values = parseArgs({args: argv, options: SHARED_OPTIONS, strict: true, allowPositionals: false}).values;
		if (values.help) {
			process.stdout.write(`${usage()}\n`);
			return 0;
		}
		loaded = loadFromFlags(values);
	} catch (error) {
		if ((error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(`stackdeck: ${(error as Error).message}\n`);
			return 2;
		}
		return reportStartupError(error);
	}
	return runCockpit({loaded, flagTheme: values.theme, logFile: values.log});
}
