// `stackdeck` (no command): the full-screen cockpit; `--panel NAME` shows one panel full size.

import {parseArgs} from 'node:util';
import {COCKPIT_OPTIONS, SHARED_OPTIONS, loadFromFlags, panelOption, reportStartupError, type CockpitValues, type SharedValues} from '../options.js';
import {usage} from '../usage.js';
import {loadView, runCockpit} from '../../runtime/cockpit.js';

export async function run(argv: string[]): Promise<number> {
	let values: SharedValues & CockpitValues;
	let loaded;
	let panel;
	let view;
	try {
		values = parseArgs({args: argv, options: {...SHARED_OPTIONS, ...COCKPIT_OPTIONS}, strict: true, allowPositionals: false}).values;
		if (values.help) {
			process.stdout.write(`${usage()}\n`);
			return 0;
		}
		// A dumb terminal cannot position the cursor: a full-screen frame would scroll as garbage.
		if (process.env['TERM'] === 'dumb') {
			process.stderr.write('stackdeck: TERM=dumb cannot show the full-screen cockpit; run `stackdeck status` (or `stackdeck status --json`) for a text snapshot, or set TERM (e.g. TERM=xterm-256color)\n');
			return 2;
		}
		panel = panelOption(values.panel);
		view = loadView();
		loaded = loadFromFlags(values);
	} catch (error) {
		if ((error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(`stackdeck: ${(error as Error).message}\n`);
			return 2;
		}
		return reportStartupError(error);
	}
	return runCockpit({loaded, flagTheme: values.theme, panel, logFile: values.log, view});
}
