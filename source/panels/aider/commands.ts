// The Aider panel's keys: new session, focus the pane (and the release chord), scrollback, tabs,
// tmux pop-out and stop.

import path from 'node:path';
import {update} from '../../store/index.js';
import {cycleActive} from '../../store/slices/aider.js';
import {showNotice} from '../../store/slices/ui.js';
import type {AppState} from '../../store/index.js';
import type {Command} from '../../commands/registry.js';
import {NOT_IN_TMUX} from '../../sources/aider/manager.js';
import {DEFAULT_RELEASE, RELEASE_COMMAND} from './use-pane-input.js';

const group = 'Aider';
const here = (s: AppState) => s.ui.focused === 'aider' && s.ui.overlay === null && s.ui.confirm === null;
const activeSession = (s: AppState) => s.aider.sessions.find(x => x.id === s.aider.activeId);
const hasSession = (s: AppState) => here(s) && !!activeSession(s);

export const aiderCommands: Command[] = [
	{
		id: 'aider.new',
		keys: ['n'],
		description: 'New Aider session on [aider] default_repo (or the current folder); starts at once',
		group,
		when: here,
		mutating: true,
		run: ({store, services}) => {
			const id = services.aider.startAider();
			if (id) update(store, 'ui', ui => showNotice(ui, 'Aider started: Enter to type into it', 'ok'));
		},
	},
	{
		id: 'aider.focus',
		keys: ['enter'],
		description: 'Type into the pane (Ctrl-Q gives the keyboard back)',
		group,
		when: s => hasSession(s) && activeSession(s)!.status === 'running',
		run: ({store}) => update(store, 'ui', ui => ({...ui, capture: true, zoomed: ui.layout === 'phone' ? ui.zoomed : true})),
	},
	{
		id: RELEASE_COMMAND,
		keys: [DEFAULT_RELEASE],
		description: 'Give the keyboard back to the cockpit (while typing into the pane; Termux: CTRL then Q)',
		group,
		when: s => s.ui.capture,
		run: ({store}) => update(store, 'ui', ui => ({...ui, capture: false})),
	},
	{
		id: 'aider.scroll-up',
		keys: ['up', 'k', 'pageup'],
		description: 'Scroll the pane back',
		group,
		when: hasSession,
		run: ({state, services}) => services.aider.pane(state.aider.activeId)?.scrollBy(3),
	},
	{
		id: 'aider.scroll-down',
		keys: ['down', 'j', 'pagedown'],
		description: 'Scroll the pane forward',
		group,
		when: hasSession,
		run: ({state, services}) => services.aider.pane(state.aider.activeId)?.scrollBy(-3),
	},
	{
		id: 'aider.next',
		keys: ['s'],
		description: 'Next session tab',
		group,
		when: s => here(s) && s.aider.sessions.length > 1,
		run: ({store}) => update(store, 'aider', a => cycleActive(a, 1)),
	},
	{
		id: 'aider.popout',
		keys: ['t'],
		description: 'Open Aider in a new tmux pane instead (inside tmux; splits the window at once)',
		group,
		// Always bound, so that outside tmux the key says why it cannot, instead of doing nothing.
		when: here,
		mutating: true,
		run: async ({store, services}) => {
			const manager = services.aider;
			if (!manager.insideTmux()) {
				update(store, 'ui', ui => showNotice(ui, NOT_IN_TMUX, 'warn'));
				return;
			}
			await manager.popOut();
		},
	},
	{
		id: 'aider.stop',
		keys: ['x'],
		description: 'Stop the session (asks first); on an ended session, close its tab',
		group,
		when: hasSession,
		mutating: true,
		run: ({store, state, services}) => {
			const session = activeSession(state)!;
			const manager = services.aider;
			if (session.status === 'exited') {
				manager.stop(session.id);
				return;
			}
			update(store, 'ui', ui => ({
				...ui,
				confirm: {
					title: `Stop ${session.title}`,
					body: [`Stop ${session.kind === 'aider' ? 'Aider' : 'the command'} in ${path.basename(session.cwd)}?`, session.commandLine.slice(0, 200)],
					run: () => manager.stop(session.id),
				},
			}));
		},
	},
];
