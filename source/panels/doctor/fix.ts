// f in the Doctor panel: the selected check's automatic fix. Shows the plan and asks; runs it as a
// job through the cockpit's job service (progress under the header, Esc/c cancels, the result is the
// notice); then, for a file the container reads at start, offers the container restart.

import {fixJob, restartJob} from '../../actions/doctor-fixes.js';
import type {CommandContext} from '../../commands/registry.js';
import type {Job} from '../../jobs/job.js';
import type {JobsService} from '../../jobs/service.js';
import {hostFor} from '../../services/types.js';
import {update} from '../../store/index.js';
import {requestRun} from '../../store/slices/doctor.js';
import {showNotice} from '../../store/slices/ui.js';
import {elsewhereText} from './lines.js';

function ask(jobs: JobsService, job: Job, then: () => void): void {
	jobs.confirm(job, {title: `${job.title}?`, after: record => record.state === 'done' && then()});
}

export async function offerDoctorFix({store, state, jobs, services}: CommandContext, checkId: string): Promise<void> {
	const result = state.doctor.results?.find(r => r.id === checkId);
	if (!result) return;
	const {targets} = state.doctor;
	const host = hostFor(services, null);
	// The targets are the first host's files on this machine: never written for another host's finding.
	if ((result.hostId !== undefined && result.hostId !== host.id) || host.kind === 'ssh') {
		update(store, 'ui', ui => showNotice(ui, result.applyOn ? elsewhereText(result.applyOn) : `${result.id} is about ${result.hostId ?? host.id}: its fix is applied there, not from this machine`, 'warn'));
		return;
	}
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
	ask(jobs, job, () => {
		const name = targets.openhandsContainer;
		if (docker && name) ask(jobs, restartJob(docker, name, host.id), () => update(store, 'doctor', requestRun));
		else update(store, 'doctor', requestRun);
	});
}
