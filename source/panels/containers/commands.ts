// Containers panel keys: move, open detail (Enter) and logs (l), back (Esc), start/stop (s) and
// restart (r) after a confirmation, and in the log viewer follow (f), timestamps (t), filter (e).

import type {Command} from '../../commands/registry.js';
import type {AppState, AppStore} from '../../store/index.js';
import {update} from '../../store/index.js';
import {openLogs, patchLogs} from '../../store/slices/containers.js';
import {runContainerAction, type ContainerVerb} from '../../actions/containers.js';
import {hostFor, type Services} from '../../services/types.js';
import {containerIds, groupedRows} from './selectors.js';

const GROUP = 'Containers';
const on = (s: AppState) => s.ui.focused === 'containers' && s.ui.overlay === null && s.ui.confirm === null;
const editing = (s: AppState) => on(s) && s.containers.view === 'logs' && s.containers.logs?.editing === true;
const inView = (view: AppState['containers']['view']) => (s: AppState) => on(s) && s.containers.view === view && !editing(s);

function selectedId(s: AppState): string | null {
	const c = s.containers;
	if (c.selected && c.byId[c.selected]) return c.selected;
	return containerIds(groupedRows(c.byId))[0] ?? null;
}

function move(store: AppStore, state: AppState, step: number): void {
	const ids = containerIds(groupedRows(state.containers.byId));
	if (ids.length === 0) return;
	const index = ids.indexOf(selectedId(state) ?? '');
	const next = ids[Math.max(0, Math.min(ids.length - 1, index + step))]!;
	update(store, 'containers', c => ({...c, selected: next}));
}

function confirmAction(store: AppStore, state: AppState, services: Services, verb: ContainerVerb | 'toggle'): void {
	const id = selectedId(state);
	const info = id ? state.containers.byId[id] : undefined;
	if (!id || !info) return;
	const actual: ContainerVerb = verb === 'toggle' ? (info.state === 'running' || info.state === 'restarting' ? 'stop' : 'start') : verb;
	const title = `${actual[0]!.toUpperCase()}${actual.slice(1)} container ${info.name}?`;
	update(store, 'ui', ui => ({
		...ui,
		confirm: {
			title,
			body: [`${info.name} (${info.image}, ${info.state})`, actual === 'start' ? 'It will be started.' : `It gets SIGTERM, then SIGKILL after 10 s.`],
			run: () => runContainerAction(store, hostFor(services, info.hostId), actual, id, info.name),
		},
	}));
}

const FILTER_KEYS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/=@"\'()'];

export const containersCommands: Command[] = [
	{
		id: 'containers.filter.type',
		keys: [...FILTER_KEYS, 'space'],
		description: 'Type into the log filter',
		group: GROUP,
		when: editing,
		// Swallows the key so that no other command (q, digits) fires; LogsView's input hook appends it.
		run: () => undefined,
	},
	{
		id: 'containers.filter.erase',
		keys: ['backspace', 'delete'],
		description: 'Erase the last filter character',
		group: GROUP,
		when: editing,
		run: ({store}) => update(store, 'containers', c => patchLogs(c, {draft: (c.logs?.draft ?? '').slice(0, -1)})),
	},
	{
		id: 'containers.filter.apply',
		keys: ['enter'],
		description: 'Apply the log filter',
		group: GROUP,
		when: editing,
		run: ({store}) => update(store, 'containers', c => patchLogs(c, {editing: false, filter: c.logs?.draft ?? '', scroll: 0})),
	},
	{
		id: 'containers.filter.cancel',
		keys: ['escape'],
		description: 'Stop editing the log filter',
		group: GROUP,
		when: editing,
		run: ({store}) => update(store, 'containers', c => patchLogs(c, {editing: false, draft: c.logs?.filter ?? ''})),
	},
	{id: 'containers.down', keys: ['down', 'j'], description: 'Next container', group: GROUP, when: inView('list'), run: ({store, state}) => move(store, state, 1)},
	{id: 'containers.up', keys: ['up', 'k'], description: 'Previous container', group: GROUP, when: inView('list'), run: ({store, state}) => move(store, state, -1)},
	{
		id: 'containers.detail',
		keys: ['enter'],
		description: 'Open the container detail',
		group: GROUP,
		when: inView('list'),
		run: ({store, state}) => {
			const id = selectedId(state);
			if (id) update(store, 'containers', c => ({...c, selected: id, view: 'detail', detailOffset: 0}));
		},
	},
	{
		id: 'containers.logs',
		keys: ['l'],
		description: 'Show the container logs',
		group: GROUP,
		when: s => on(s) && s.containers.view !== 'logs',
		run: ({store, state}) => {
			const id = selectedId(state);
			if (id) update(store, 'containers', c => openLogs(c, id));
		},
	},
	{
		id: 'containers.back',
		keys: ['escape'],
		description: 'Back to the list',
		group: GROUP,
		when: s => on(s) && s.containers.view !== 'list' && !editing(s),
		run: ({store}) => update(store, 'containers', c => ({...c, view: c.view === 'logs' ? 'list' : 'list', logs: c.view === 'logs' ? null : c.logs})),
	},
	{id: 'containers.detail.down', keys: ['down', 'j'], description: 'Scroll the detail', group: GROUP, when: inView('detail'), run: ({store}) => update(store, 'containers', c => ({...c, detailOffset: c.detailOffset + 1}))},
	{id: 'containers.detail.up', keys: ['up', 'k'], description: 'Scroll the detail back', group: GROUP, when: inView('detail'), run: ({store}) => update(store, 'containers', c => ({...c, detailOffset: Math.max(0, c.detailOffset - 1)}))},
	{
		id: 'containers.toggle',
		keys: ['s'],
		description: 'Start or stop the container (asks first)',
		group: GROUP,
		mutating: true,
		when: s => on(s) && !editing(s) && s.containers.connection === 'up',
		run: ({store, state, services}) => confirmAction(store, state, services, 'toggle'),
	},
	{
		id: 'containers.restart',
		keys: ['r'],
		description: 'Restart the container (asks first)',
		group: GROUP,
		mutating: true,
		when: s => on(s) && !editing(s) && s.containers.connection === 'up',
		run: ({store, state, services}) => confirmAction(store, state, services, 'restart'),
	},
	{id: 'containers.follow', keys: ['f'], description: 'Follow the log on/off', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {follow: !c.logs?.follow, scroll: 0}))},
	{id: 'containers.timestamps', keys: ['t'], description: 'Show log timestamps on/off', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {timestamps: !c.logs?.timestamps}))},
	{id: 'containers.filter', keys: ['e'], description: 'Edit the log filter (Enter applies, Esc cancels)', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {editing: true, draft: c.logs?.filter ?? ''}))},
	{id: 'containers.filter.clear', keys: ['c'], description: 'Clear the log filter', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {filter: '', draft: ''}))},
	{id: 'containers.logs.up', keys: ['up', 'k', 'pageup'], description: 'Scroll the log back', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {scroll: Math.min((c.logs?.scroll ?? 0) + 5, c.logs?.lines.length ?? 0), follow: false}))},
	{id: 'containers.logs.down', keys: ['down', 'j', 'pagedown'], description: 'Scroll the log forward', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {scroll: Math.max(0, (c.logs?.scroll ?? 0) - 5)}))},
];
