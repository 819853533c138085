// Doctor panel keys (moving and `/` are the shared list keys, panels/doctor/list.ts): Enter for the whole check, Esc back, r to run the checks again, f to run
// the selected check's automatic fix (shows the plan and asks first), or for a file on another host
// the commands to run there.

import type {Command, CommandContext} from '../../commands/registry.js';
import type {AppState} from '../../store/index.js';
import {update} from '../../store/index.js';
import {requestRun, setOpen} from '../../store/slices/doctor.js';
import {showNotice} from '../../store/slices/ui.js';
import {elsewhereText, panelOrder} from './lines.js';

const GROUP = 'Doctor';
const focused = (s: AppState) => s.ui.focused === 'doctor' && s.ui.overlay === null && s.ui.confirm === null;

function selectedCheck(state: AppState) {
	const ordered = panelOrder(state.doctor.results ?? []);
	return ordered[Math.min(state.doctor.selected, ordered.length - 1)] ?? null;
}

export type FixRunner = (ctx: CommandContext, checkId: string) => void | Promise<void>;

export function doctorCommands(runFix: FixRunner): Command[] {
	return [
		{
			id: 'doctor.open',
			keys: ['enter'],
			description: 'Open the whole check: evidence and fix',
			group: GROUP,
			when: s => focused(s) && !s.doctor.open && (s.doctor.results?.length ?? 0) > 0,
			run: ({store}) => update(store, 'doctor', s => setOpen(s, true)),
		},
		{id: 'doctor.back', keys: ['escape'], description: 'Back to the list', group: GROUP, when: s => focused(s) && s.doctor.open, run: ({store}) => update(store, 'doctor', s => setOpen(s, false))},
		{id: 'doctor.rerun', keys: ['r'], description: 'Run the checks again', group: GROUP, when: focused, run: ({store}) => update(store, 'doctor', requestRun)},
		{
			id: 'doctor.fix',
			keys: ['f'],
			description: 'Automatic fix of the selected check (shows the plan, asks first, keeps a backup)',
			group: GROUP,
			when: s => focused(s) && Boolean(selectedCheck(s)?.autofix) && selectedCheck(s)?.status !== 'ok',
			mutating: true,
			run: ctx => runFix(ctx, selectedCheck(ctx.state)!.id),
		},
		{
			// Another host's file: nothing is written from here; the notice says what to run there.
			id: 'doctor.fix-elsewhere',
			keys: ['f'],
			description: "On another host's finding: the commands that apply the fix there (nothing is written from here)",
			group: GROUP,
			when: s => focused(s) && Boolean(selectedCheck(s)?.applyOn) && selectedCheck(s)?.status !== 'ok',
			run: ({store, state}) => {
				const on = selectedCheck(state)!.applyOn!;
				update(store, 'ui', ui => showNotice(ui, elsewhereText(on), 'warn'));
			},
		},
	];
}
