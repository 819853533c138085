// `stackdeck term -- CMD [ARGS...]`: opens the cockpit with the Aider panel focused, hosting CMD in
// the same terminal pane Aider sessions use, with the keyboard already in the pane.

import {runCockpit} from '../../runtime/cockpit.js';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';
import {update} from '../../store/index.js';
import type {Source} from '../../sources/types.js';
import type {Services} from '../../services/types.js';
import type {AppStore} from '../../store/index.js';

const HELP = `usage: stackdeck term [options] -- CMD [ARGS...]

Opens the cockpit with CMD running in the Aider panel's terminal pane, keyboard in the pane.
Ctrl-Q gives the keyboard back to the cockpit (Enter on the pane takes it again); q quits.`;

export async function run(argv: string[]): Promise<number> {
	const split = argv.indexOf('--');
	const own = split >= 0 ? argv.slice(0, split) : argv;
	const command = split >= 0 ? argv.slice(split + 1) : [];
	const parsed = parseCommand('term', own, {}, HELP);
	if (typeof parsed === 'number') return parsed;
	if (command.length === 0) {
		process.stderr.write(`stackdeck term: no command given after \`--\`\n\n${HELP}\n`);
		return 2;
	}
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const pane = (store: AppStore, services: Services): Source => ({
		id: 'term',
		panels: [],
		start() {
			update(store, 'ui', ui => ({...ui, focused: 'aider', zoomed: true}));
			const id = services.aider.startCommand({file: command[0]!, args: command.slice(1)});
			if (id) update(store, 'ui', ui => ({...ui, capture: true}));
		},
	});
	return runCockpit({loaded, flagTheme: parsed.values.theme, extraSources: (store, services) => [pane(store, services)]});
}
