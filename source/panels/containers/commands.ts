// Containers panel keys (moving, scrolling the log and `/` are the shared list keys): open detail
// (Enter) and logs (l), back (Esc), start/stop (s) and restart (r) after a confirmation, and in the
// log viewer follow (f) and timestamps (t).

import type {Command, CommandContext} from '../../commands/registry.js';
import type {AppState} from '../../store/index.js';
import {update} from '../../store/index.js';
import {closeView, cycleSort, linkOf, openLogs, patchLogs} from '../../store/slices/containers.js';
import {hostScope, inScope} from '../../store/slices/host.js';
import {containerJob, type ContainerVerb} from '../../actions/containers.js';
import {hostFor, type Services} from '../../services/types.js';
import {canExec, execArgs} from '../../actions/container-exec.js';
import {showNotice} from '../../store/slices/ui.js';
import {containerIds, shownRows} from './selectors.js';

const GROUP = 'Containers';
const on = (s: AppState) => s.ui.focused === 'containers' && s.ui.overlay === null && s.ui.confirm === null;
const inView = (view: AppState['containers']['view']) => (s: AppState) => on(s) && s.containers.view === view;

function selectedId(s: AppState): string | null {
	const c = s.containers;
	if (c.selected && c.byId[c.selected] && inScope(hostScope(s), c.byId[c.selected]!.hostId)) return c.selected;
	return containerIds(shownRows(c, hostScope(s)))[0] ?? null;
}

/** The selected container's daemon answers (start, stop, restart and exec need it). */
function selectedUp(s: AppState): boolean {
	const id = selectedId(s);
	const info = id ? s.containers.byId[id] : undefined;
	return info !== undefined && linkOf(s.containers, info.hostId).connection === 'up';
}

/** The Docker client of the host the container is on; null when it cannot be had (the job says why). */
function dockerOf(services: Services, hostId: string | undefined) {
	try {
		return hostFor(services, hostId).docker().docker;
	} catch {
		return null;
	}
}

function confirmAction({state, jobs, services}: CommandContext, verb: ContainerVerb | 'toggle'): void {
	const id = selectedId(state);
	const info = id ? state.containers.byId[id] : undefined;
	if (!id || !info) return;
	const actual: ContainerVerb = verb === 'toggle' ? (info.state === 'running' || info.state === 'restarting' ? 'stop' : 'start') : verb;
	const title = `${actual[0]!.toUpperCase()}${actual.slice(1)} container ${info.name}?`;
	const hostId = hostFor(services, info.hostId).id;
	jobs.confirm(containerJob(actual, {id, name: info.name, image: info.image}, dockerOf(services, info.hostId), hostId), {title, intro: [`${info.name} is ${info.state}.`]});
}

export const containersCommands: Command[] = [
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
		description: 'Back (logs opened from the detail return to it)',
		group: GROUP,
		when: s => on(s) && s.containers.view !== 'list',
		run: ({store}) => update(store, 'containers', closeView),
	},
	{id: 'containers.detail.down', keys: ['down', 'j'], description: 'Scroll the detail', group: GROUP, when: inView('detail'), run: ({store}) => update(store, 'containers', c => ({...c, detailOffset: c.detailOffset + 1}))},
	{id: 'containers.detail.up', keys: ['up', 'k'], description: 'Scroll the detail back', group: GROUP, when: inView('detail'), run: ({store}) => update(store, 'containers', c => ({...c, detailOffset: Math.max(0, c.detailOffset - 1)}))},
	{
		id: 'containers.toggle',
		keys: ['s'],
		description: 'Start or stop the container (asks first)',
		group: GROUP,
		mutating: true,
		when: s => on(s) && selectedUp(s),
		run: ctx => confirmAction(ctx, 'toggle'),
	},
	{
		id: 'containers.restart',
		keys: ['r'],
		description: 'Restart the container (asks first)',
		group: GROUP,
		mutating: true,
		when: s => on(s) && selectedUp(s),
		run: ctx => confirmAction(ctx, 'restart'),
	},
	{
		id: 'containers.exec',
		keys: ['e'],
		description: 'Shell in the container (bash, else sh) in the terminal pane; Ctrl-Q gives the keyboard back',
		group: GROUP,
		mutating: true,
		when: s => on(s) && s.containers.view !== 'logs' && selectedUp(s),
		run: async ({store, state, services}) => {
			const id = selectedId(state);
			const info = id ? state.containers.byId[id] : undefined;
			if (!id || !info) return;
			const say = (text: string, level: 'warn' | 'ok' = 'warn') => update(store, 'ui', ui => showNotice(ui, text, level));
			if (info.state !== 'running') return say(`exec ${info.name}: it is ${info.state}; start it first (s)`);
			let link;
			try {
				link = hostFor(services, info.hostId).docker();
			} catch (error) {
				return say(`exec ${info.name}: ${(error as Error).message}`);
			}
			const probe = await canExec(link.docker, id);
			if (!probe.ok) return say(`exec ${info.name}: ${probe.why}`);
			// The docker CLI reads DOCKER_HOST: the daemon this cockpit watches, whatever the shell had.
			const pane = services.aider.startCommand({file: 'docker', args: execArgs(id), title: `sh ${info.name}`, env: {DOCKER_HOST: link.endpoint}});
			if (!pane) return;
			update(store, 'ui', ui => ({...ui, focused: 'aider', capture: true, zoomed: ui.layout === 'phone' ? ui.zoomed : true}));
			say(`shell in ${info.name}: Ctrl-Q gives the keyboard back, exit ends it`, 'ok');
		},
	},
	{
		id: 'containers.sort',
		keys: ['o'],
		description: 'Order each group by name, state, CPU or memory (the header says which)',
		group: GROUP,
		when: inView('list'),
		run: ({store}) => update(store, 'containers', cycleSort),
	},
	{
		id: 'containers.hideStopped',
		keys: ['a'],
		description: 'Hide or show stopped containers (the header counts the hidden)',
		group: GROUP,
		when: inView('list'),
		run: ({store}) => update(store, 'containers', c => ({...c, hideStopped: !c.hideStopped})),
	},
	{id: 'containers.follow', keys: ['f'], description: 'Follow the log on/off', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {follow: !c.logs?.follow, scroll: 0}))},
	{id: 'containers.timestamps', keys: ['t'], description: 'Show log timestamps on/off', group: GROUP, when: inView('logs'), run: ({store}) => update(store, 'containers', c => patchLogs(c, {timestamps: !c.logs?.timestamps}))},
];
