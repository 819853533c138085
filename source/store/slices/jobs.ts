// Jobs slice: every job the cockpit ran, as the runner reported it (plain JobRecords), keyed by id.
// Running jobs are always kept; of the finished ones only the newest HISTORY stay. Pure reducers.

import {isFinished, type JobRecord} from '../../domain/jobs/record.js';

export const HISTORY = 20;

export interface JobsState {
	byId: Record<string, JobRecord>;
	/** Ids, oldest first. */
	order: string[];
}

export function initialJobs(): JobsState {
	return {byId: {}, order: []};
}

/** A new or changed record; drops the oldest finished jobs beyond HISTORY. */
export function applyJobRecord(s: JobsState, record: JobRecord, history = HISTORY): JobsState {
	if (s.byId[record.id] === record) return s;
	const byId = {...s.byId, [record.id]: record};
	let order = s.byId[record.id] ? s.order : [...s.order, record.id];
	const finished = order.filter(id => isFinished(byId[id]!));
	if (finished.length > history) {
		const drop = new Set(finished.slice(0, finished.length - history));
		order = order.filter(id => !drop.has(id));
		for (const id of drop) delete byId[id];
	}
	return {byId, order};
}

/** Running jobs, oldest first. */
export function runningJobs(s: JobsState): JobRecord[] {
	return s.order.map(id => s.byId[id]!).filter(r => !isFinished(r));
}

export function hasRunningJob(s: JobsState): boolean {
	return s.order.some(id => !isFinished(s.byId[id]!));
}
