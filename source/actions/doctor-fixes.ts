// The Doctor's automatic fixes, as jobs: each has a plan shown before it runs, a backup, and an
// undo. Only checks whose fix is safe to make unattended have one here; every other check says its
// fix in words.

import {readRegularText} from '../fs/read-regular.js';
import {MAX_CONFIG_BYTES} from '../config/load.js';
import type Docker from 'dockerode';
import type {CheckResult} from '../domain/doctor/types.js';
import type {Job, Step} from '../jobs/job.js';
import {atomicWrite} from './atomic-write.js';
import {planPromptExtensionsFix} from './openhands-config.js';

export interface FixContext {
	/** OpenHands' config.toml as the Doctor found it. */
	configToml: string | null;
	/** The OpenHands app container, to restart so that it reads the rewritten file. */
	openhandsContainer: string | null;
	docker: Docker | null;
	hostId: string;
	/** Restart the container after the rewrite (the user said yes to that too). */
	restart: boolean;
}

/** A container restart as a job of its own: offered after a fix that the container reads at start. */
export function restartJob(docker: Docker, name: string, hostId: string): Job {
	return {kind: 'container.restart', title: `restart ${name}`, hostId, mutating: true, plan: [`restart the ${name} container (stop with 10 s grace, then start)`], steps: [restartStep(docker, name)]};
}

function restartStep(docker: Docker, name: string): Step {
	return {
		title: `restart ${name}`,
		async run(ctx) {
			ctx.progress('stopping (up to 10 s), then starting');
			await docker.getContainer(name).restart({t: 10});
			return 'restarted: it now reads the new config.toml';
		},
	};
}

/** The job for `result`'s automatic fix, or an Error saying why there is none. */
export async function fixJob(result: CheckResult, ctx: FixContext): Promise<Job | Error> {
	if (!result.autofix) return new Error(`${result.id} has no automatic fix${result.fix ? `; the fix: ${result.fix}` : ''}`);
	if (result.id === 'openhands.prompt-extensions') {
		if (!ctx.configToml) return new Error('no OpenHands config.toml to rewrite');
		const plan = await planPromptExtensionsFix(ctx.configToml);
		if (!plan.changed) return new Error(`${ctx.configToml} already has enable_prompt_extensions = false`);
		const file = ctx.configToml;
		let before: string | null = null;
		const write: Step = {
			title: `write ${file}`,
			async run() {
				const read = await readRegularText(file, MAX_CONFIG_BYTES);
				if (!read.ok) throw new Error(read.error);
				before = read.text;
				const written = await plan.apply();
				return written?.backup ? `written; the old file is ${written.backup}` : 'written';
			},
			async undo() {
				if (before !== null) await atomicWrite(file, before);
				return 'put back as it was';
			},
		};
		const steps: Step[] = [write];
		const canRestart = ctx.restart && ctx.docker && ctx.openhandsContainer;
		if (canRestart) steps.push(restartStep(ctx.docker!, ctx.openhandsContainer!));
		return {
			kind: 'doctor.fix',
			title: `fix ${result.id}`,
			hostId: ctx.hostId,
			mutating: true,
			plan: [
				`in ${file}: set [agent] enable_prompt_extensions = false (backup: ${file}.bak)`,
				...plan.diff.map(l => `  ${l}`),
				canRestart ? `restart the ${ctx.openhandsContainer} container so that it reads the file` : `then restart the openhands container yourself (a bind-mounted file is read at start)`,
			],
			steps,
		};
	}
	return new Error(`${result.id}: its automatic fix is not known to this version`);
}
