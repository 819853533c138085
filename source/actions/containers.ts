// Container start, stop and restart as jobs, through the container's host's Docker client. The job's
// record says how far it got; the Docker events stream then updates the row's state.

import type Docker from 'dockerode';
import type {Job, Step} from '../jobs/job.js';

export type ContainerVerb = 'start' | 'stop' | 'restart';

export interface ContainerTarget {
	id: string;
	name: string;
	image?: string;
}

/** 304: the container is already in the wanted state (a result, not a failure). */
function already(error: unknown): boolean {
	return (error as {statusCode?: number}).statusCode === 304;
}

function failure(verb: string, name: string, error: unknown): Error {
	const e = error as {json?: {message?: string}; message?: string};
	return new Error(`${verb} ${name}: ${e.json?.message ?? e.message ?? String(error)}`);
}

function dockerStep(docker: Docker | null, verb: 'start' | 'stop', target: ContainerTarget, undo?: Step['run']): Step {
	return {
		title: verb === 'start' ? `start ${target.name}` : `stop ${target.name} (SIGTERM, SIGKILL after 10 s)`,
		async run({signal}) {
			if (!docker) throw new Error(`cannot ${verb} ${target.name}: not connected to Docker (see the Containers panel for why)`);
			const container = docker.getContainer(target.id);
			try {
				if (verb === 'start') await container.start({abortSignal: signal});
				else await container.stop({t: 10, abortSignal: signal});
			} catch (error) {
				if (already(error)) return verb === 'start' ? 'already running' : 'already stopped';
				throw failure(verb, target.name, error);
			}
			return `${verb} done`;
		},
		...(undo ? {undo} : {}),
	};
}

/**
 * The job for `verb` on one container. A restart is a stop then a start, so that its progress shows
 * and a cancel between the two starts the container again (the undo of the stop).
 */
export function containerJob(verb: ContainerVerb, target: ContainerTarget, docker: Docker | null, hostId = 'local'): Job {
	const image = target.image ? ` (${target.image})` : '';
	const restartAgain: Step['run'] = async ctx => {
		await dockerStep(docker, 'start', target).run(ctx);
		return 'started again';
	};
	const steps: Step[] =
		verb === 'start'
			? [dockerStep(docker, 'start', target)]
			: verb === 'stop'
				? [dockerStep(docker, 'stop', target)]
				: [dockerStep(docker, 'stop', target, restartAgain), dockerStep(docker, 'start', target)];
	const plan =
		verb === 'start'
			? [`start ${target.name}${image}`]
			: verb === 'stop'
				? [`stop ${target.name}${image}: SIGTERM, then SIGKILL after 10 s`]
				: [`stop ${target.name}${image}: SIGTERM, then SIGKILL after 10 s`, `start ${target.name} again`];
	return {
		kind: `container.${verb}`,
		title: `${verb} ${target.name}`,
		hostId,
		target: target.id,
		mutating: true,
		plan,
		steps,
		summary: record => {
			const said = record.steps.at(-1)?.detail;
			return `${target.name}: ${verb === 'restart' ? 'restart done' : (said ?? `${verb} done`)}`;
		},
	};
}
