// The keys for jobs: Esc or c cancels the running job (the row under the header says so), `!`
// opens the log of running jobs' steps and the last notices. Listed first, so that while a job
// runs its cancel wins over a panel's own Esc.

import {update, type AppState} from '../store/index.js';
import {hasRunningJob} from '../store/slices/jobs.js';
import {showNotice} from '../store/slices/ui.js';
import type {Command} from './registry.js';

/** `typing`: a filter or a text field has the keyboard (its keys are text, not commands). */
export function jobCommands(typing: (state: AppState) => boolean): Command[] {
	return [
		{
			id: 'jobs.cancel',
			keys: ['escape', 'c'],
			description: 'Cancel the running job (its done steps are undone)',
			group: 'Jobs',
			// Over an overlay Esc closes the overlay first; the job's row stays in sight meanwhile.
			when: s => hasRunningJob(s.jobs) && s.ui.confirm === null && s.ui.overlay === null && !typing(s),
			run: ({store, jobs}) => {
				const newest = jobs.running().at(-1);
				if (newest && jobs.cancel(newest.id)) update(store, 'ui', ui => showNotice(ui, `${newest.title}: cancelling…`, 'warn'));
			},
		},
		{
			id: 'log.toggle',
			keys: ['!'],
			description: 'Show or hide running jobs and the last 50 notices',
			group: 'Global',
			when: s => s.ui.confirm === null && !typing(s),
			run: ({store}) => update(store, 'ui', ui => ({...ui, overlay: ui.overlay === 'log' ? null : 'log', logOffset: 0})),
		},
		{
			id: 'log.close',
			keys: ['escape', 'enter'],
			description: 'Close the jobs and notices log',
			group: 'Jobs',
			when: s => s.ui.overlay === 'log',
			run: ({store}) => update(store, 'ui', ui => ({...ui, overlay: null})),
		},
	];
}
