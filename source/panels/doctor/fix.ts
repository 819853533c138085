// f in the Doctor panel: the selected check's automatic fix. Shows the plan and asks; runs it as a
// job; then, for a file the container reads at start, offers the container restart.

import {fixJob, restartJob} from '../../actions/doctor-fixes.js';
import type {CommandContext} from '../../commands/registry.js';
import type {Job} from '../../jobs/job.js';
import {hostFor} from '../../services/types.js';
import {update, type AppStore} from '../../store/index.js';
import {requestRun} from '../../store/slices/doctor.js';
import {showNotice} from '../../store/slices/ui.js';

function ask({store, services}: Pick<CommandContext, 'store' | 'services'>, job: Job, then: () => void): void {
	update(store, 'ui', ui => ({
		...ui,
		confirm: {
			title: `${job.title}?`,
			body: job.plan,
			run: async () => {
				const record = await services.jobs.start(job, {readOnly: store.getState().ui.readOnly}).done;
				update(store, 'ui', u => showNotice(u, record.message ?? job.title, record.state === 'done' ? 'ok' : record.state === 'cancelled' ? 'info' : 'error'));
				if (record.state === 'done') then();
			},
		},
	}));
}

export async function offerDoctorFix(ctx: CommandContext, checkId: string): Promise<void> {
	const {store, state, services} = ctx;
	const result = state.doctor.results?.find(r => r.id === checkId);
	if (!result) return;
	const {targets} = state.doctor;
	const host = hostFor(services, null);
	let docker = null;
	try {
		docker = host.docker().docker;
	} catch {
		// No Docker client: the fix that needs one says so.
	}
	const job = await fixJob(result, {configToml: targets.configToml, openhandsContainer: targets.openhandsContainer, docker, hostId: host.id, restart: false});
	if (job instanceof Error) {
		update(store, 'ui', ui => showNotice(ui, job.message, 'warn'));
		return;
	}
	ask(ctx, job, () => {
		const name = targets.openhandsContainer;
		if (docker && name) ask(ctx, restartJob(docker, name, host.id), () => update(store, 'doctor', requestRun));
		else update(store, 'doctor', requestRun);
	});
}
