// The cockpit's job service: runs a job with startJob, keeps its record in the jobs slice, knows
// read-only mode, cancels, and turns each job's result into a notice. Built once by the runtime and
// handed to commands through their context; headless commands use startJob with job-lines instead.

import {update, type AppStore} from '../store/index.js';
import {applyJobRecord, runningJobs} from '../store/slices/jobs.js';
import {showNotice, type NoticeLevel} from '../store/slices/ui.js';
import type {JobRecord} from '../domain/jobs/record.js';
import type {Job} from './job.js';
import {startJob, type JobHandle} from './runner.js';

export interface JobsService {
	/** Starts the job now (refused at once in read-only mode when it is mutating). */
	run(job: Job): JobHandle;
	/**
	 * Asks first: the confirmation shows `intro`, the job's plan and its steps; "yes" runs it.
	 * `after` sees the final record (e.g. to re-read what the job changed).
	 */
	confirm(job: Job, options?: {title?: string; intro?: string[]; after?: (record: JobRecord) => void}): void;
	/** Jobs still running, oldest first. */
	running(): JobRecord[];
	/** Cancels one job, or the newest running one; false when nothing was running. */
	cancel(id?: string): boolean;
}

const LEVEL: Record<JobRecord['state'], NoticeLevel> = {running: 'info', done: 'ok', failed: 'error', cancelled: 'warn', refused: 'warn'};

export function noticeLevel(record: JobRecord): NoticeLevel {
	return LEVEL[record.state];
}

export function createJobsService(store: AppStore, options: {now?: () => number} = {}): JobsService {
	const handles = new Map<string, JobHandle>();
	const service: JobsService = {
		run(job) {
			const handle = startJob(job, {
				readOnly: store.getState().ui.readOnly,
				now: options.now,
				onChange: record => update(store, 'jobs', s => applyJobRecord(s, record)),
			});
			handles.set(handle.id, handle);
			void handle.done.then(record => {
				handles.delete(handle.id);
				update(store, 'ui', ui => showNotice(ui, record.message ?? `${record.title}: ${record.state}`, noticeLevel(record)));
			});
			return handle;
		},
		confirm(job, {title, intro = [], after} = {}) {
			update(store, 'ui', ui => ({
				...ui,
				confirm: {
					title: title ?? `${job.title[0]!.toUpperCase()}${job.title.slice(1)}?`,
					body: intro,
					plan: job.plan,
					steps: job.steps.map(s => s.title),
					run: async () => {
						const record = await service.run(job).done;
						after?.(record);
					},
				},
			}));
		},
		running: () => runningJobs(store.getState().jobs),
		cancel(id) {
			const target = id ?? [...handles.keys()].at(-1);
			const handle = target ? handles.get(target) : undefined;
			if (!handle) return false;
			handle.cancel();
			return true;
		},
	};
	return service;
}
