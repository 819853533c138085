// Sessions panel keys: move, open a session (Enter), open an event (Enter), back (Esc), jump between
// findings (n/N), and `x`: the config.toml fix for a finding that has one (asks first, shows the diff).

import type {Command, CommandContext} from '../../commands/registry.js';
import {findingsByEvent} from '../../domain/openhands/check.js';
import {planPromptExtensionsFix, promptExtensionsJob} from '../../actions/openhands-config.js';
import type {AppState} from '../../store/index.js';
import {update} from '../../store/index.js';
import {showNotice} from '../../store/slices/ui.js';
import {hostScope} from '../../store/slices/host.js';
import {
	back,
	jumpToFinding,
	openDetail,
	openRow,
	openSelected,
	scrollDetail,
	setPromptExtensions,
	nextSdkVersion,
	type SessionsState,
} from '../../store/slices/sessions.js';

const GROUP = 'Sessions';
const PAGE = 10;
const focused = (s: AppState) => s.ui.focused === 'sessions' && s.ui.overlay === null;

// The session and event lists move with the shared list keys; an event's detail is text to scroll.
const inDetail = (s: AppState) => focused(s) && s.sessions.view === 'detail';

function scroll(delta: number) {
	return ({store}: CommandContext) => update(store, 'sessions', s => scrollDetail(s, delta));
}

function flagged(s: SessionsState): Set<number> {
	return new Set(findingsByEvent(s.open?.findings ?? []).keys());
}

export function fixableFinding(s: SessionsState) {
	return s.open?.findings.find(f => f.fixAction === 'disable-prompt-extensions') ?? null;
}

async function offerFix({store, state, jobs}: CommandContext): Promise<void> {
	const s = state.sessions;
	const finding = fixableFinding(s);
	// The config.toml found is the first host's: another box's is not ours to edit from here.
	if (s.open && s.open.hostId !== s.hostId) {
		update(store, 'ui', ui => showNotice(ui, `this session is on ${s.open!.hostId}: edit its OpenHands config.toml there (the fix here writes only ${s.hostId}'s)`, 'warn'));
		return;
	}
	if (!finding) {
		update(store, 'ui', ui => showNotice(ui, 'no finding in this session has a config fix (see its fix text)', 'info'));
		return;
	}
	if (!s.configToml) {
		update(store, 'ui', ui => showNotice(ui, 'no OpenHands config.toml found; set [openhands] config_toml in the stackdeck config', 'warn'));
		return;
	}
	const plan = await planPromptExtensionsFix(s.configToml);
	if (!plan.changed) {
		update(store, 'sessions', x => setPromptExtensions(x, false, plan.file));
		update(store, 'ui', ui => showNotice(ui, `${plan.file}: enable_prompt_extensions is already false; restart OpenHands to apply it`, 'info'));
		return;
	}
	jobs.confirm(promptExtensionsJob(plan), {
		title: `Disable prompt extensions in ${plan.file}?`,
		intro: [
			`Fixes ${finding.rule} at events ${finding.eventIds.map(id => `#${id}`).join(', ')}.`,
			'Cost: no workspace context or microagent knowledge in the agent\'s prompt.',
		],
		after: record => {
			// Sessions are derived again as OpenHands will rebuild them after its restart.
			if (record.state === 'done') update(store, 'sessions', x => setPromptExtensions(x, false, plan.file));
		},
	});
}

export const sessionsCommands: Command[] = [
	{id: 'sessions.detail.up', keys: ['up', 'k'], description: 'Scroll the event back a line', group: GROUP, when: inDetail, run: scroll(-1)},
	{id: 'sessions.detail.down', keys: ['down', 'j'], description: 'Scroll the event a line', group: GROUP, when: inDetail, run: scroll(1)},
	{id: 'sessions.detail.pageUp', keys: ['pageup'], description: 'Scroll the event back a page', group: GROUP, when: inDetail, run: scroll(-PAGE)},
	{id: 'sessions.detail.pageDown', keys: ['pagedown'], description: 'Scroll the event a page', group: GROUP, when: inDetail, run: scroll(PAGE)},
	{id: 'sessions.detail.home', keys: ['home', 'g'], description: 'Top of the event', group: GROUP, when: inDetail, run: scroll(-1e9)},
	{id: 'sessions.detail.end', keys: ['end', 'G'], description: 'End of the event', group: GROUP, when: inDetail, run: scroll(1e9)},
	{
		id: 'sessions.open',
		keys: ['enter'],
		description: 'Open the session / the event',
		group: GROUP,
		when: s => focused(s) && s.sessions.view !== 'detail',
		run: ({store, state}) => {
			// In a grid, opening a session also gives the panel the whole body.
			if (state.sessions.view === 'list' && state.ui.layout !== 'phone') update(store, 'ui', ui => ({...ui, zoomed: true}));
			const only = hostScope(state).only;
			update(store, 'sessions', s => (s.view === 'list' ? openSelected(s, only) : openDetail(s)));
		},
	},
	{id: 'sessions.back', keys: ['escape', 'backspace'], description: 'Back', group: GROUP, when: s => focused(s) && s.sessions.view !== 'list', run: ({store}) => update(store, 'sessions', back)},
	{
		id: 'sessions.nextFinding',
		keys: ['n'],
		description: 'Next event with a finding',
		group: GROUP,
		when: s => focused(s) && s.sessions.view === 'events',
		run: ({store}) => update(store, 'sessions', s => jumpToFinding(s, 1, flagged(s))),
	},
	{
		id: 'sessions.prevFinding',
		keys: ['N'],
		description: 'Previous event with a finding',
		group: GROUP,
		when: s => focused(s) && s.sessions.view === 'events',
		run: ({store}) => update(store, 'sessions', s => jumpToFinding(s, -1, flagged(s))),
	},
	{
		id: 'sessions.sdkRules',
		keys: ['v'],
		description: 'V1: rebuild the messages as SDK 1.25 / 1.26+ sends them (a folder does not record it)',
		group: GROUP,
		when: s => focused(s) && s.sessions.view !== 'list' && Boolean(openRow(s.sessions)?.v1),
		run: ({store}) => update(store, 'sessions', nextSdkVersion),
	},
	{
		id: 'sessions.fix',
		keys: ['x'],
		description: 'Fix: enable_prompt_extensions = false in config.toml (shows the diff, asks first)',
		group: GROUP,
		mutating: true,
		// From the event list and from an event's detail, where the finding is read whole.
		when: s => focused(s) && s.sessions.view !== 'list',
		run: offerFix,
	},
];
