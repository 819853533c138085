// Container start, stop and restart as jobs, through the container's host's Docker client. The job's
// record says how far it got; the Docker events stream then updates the row's state.

import type Docker from 'dockerode';
import type {Job, Step} from '../jobs/job.js';
import {demuxBuffer} from '../sources/docker/demux.js';
import {safeText} from '../domain/text/safe.js';

/** How long a started container is watched before "start done": one that dies at once says how. */
export const START_SETTLE_MS = 1500;

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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, {once: true});
	});
}

/** The container's last non-empty log line (stdout or stderr), or null. */
async function lastLogLine(container: Docker.Container, tty: boolean): Promise<string | null> {
	try {
		const buf = (await container.logs({stdout: true, stderr: true, follow: false, tail: 20})) as unknown as Buffer;
		const lines = demuxBuffer(Buffer.isBuffer(buf) ? buf : Buffer.from(String(buf)), tty)
			.flatMap(f => f.text.split(/\r?\n/))
			.map(l => l.trim())
			.filter(Boolean);
		return lines.at(-1) ?? null;
	} catch {
		return null;
	}
}

/**
 * A start Docker accepted may die a moment later (a bad command, a missing model): watch it briefly
 * and say how it ended, with its last log line, instead of "start done".
 */
async function settled(container: Docker.Container, name: string, settleMs: number, signal: AbortSignal): Promise<string> {
	if (settleMs <= 0) return 'start done';
	await sleep(settleMs, signal);
	if (signal.aborted) return 'start done';
	let info: {State?: {Status?: string; Running?: boolean; ExitCode?: number; Restarting?: boolean}; RestartCount?: number; Config?: {Tty?: boolean}};
	try {
		info = await container.inspect();
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 404) throw new Error(`${name} started, then was removed (docker run --rm?)`);
		return 'start done';
	}
	const state = info.State ?? {};
	if (state.Running && !state.Restarting) return 'start done';
	const code = state.ExitCode ?? null;
	const last = await lastLogLine(container, info.Config?.Tty === true);
	const how = state.Restarting ? `restarting after exit code ${code ?? '?'}` : `exited with code ${code ?? '?'}`;
	throw new Error(`${name} started, then ${how}${last ? `: ${safeText(last).slice(0, 200)}` : ' (no log output)'}`);
}

function dockerStep(docker: Docker | null, verb: 'start' | 'stop', target: ContainerTarget, undo?: Step['run'], settleMs = START_SETTLE_MS): Step {
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
			return verb === 'start' ? settled(container, target.name, settleMs, signal) : `${verb} done`;
		},
		...(undo ? {undo} : {}),
	};
}

/**
 * The job for `verb` on one container. A restart is a stop then a start, so that its progress shows
 * and a cancel between the two starts the container again (the undo of the stop).
 */
export function containerJob(verb: ContainerVerb, target: ContainerTarget, docker: Docker | null, hostId = 'local', settleMs = START_SETTLE_MS): Job {
	const image = target.image ? ` (${target.image})` : '';
	const restartAgain: Step['run'] = async ctx => {
		await dockerStep(docker, 'start', target, undefined, settleMs).run(ctx);
		return 'started again';
	};
	const steps: Step[] =
		verb === 'start'
			? [dockerStep(docker, 'start', target, undefined, settleMs)]
			: verb === 'stop'
				? [dockerStep(docker, 'stop', target)]
				: [dockerStep(docker, 'stop', target, restartAgain), dockerStep(docker, 'start', target, undefined, settleMs)];
	const plan =
		verb === 'start'
			? [`start ${target.name}${image}, then check it keeps running`]
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
