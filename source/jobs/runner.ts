// Runs a job: its steps in order, progress into a JobRecord handed to `onChange` after every
// change, cancel through an AbortSignal, and on failure or cancel the undos of what already ran,
// newest first. Never throws: every outcome is a record whose `message` says what happened.

import {LOG_LIMIT, type JobRecord, type StepRecord} from '../domain/jobs/record.js';
import type {Job, StepContext} from './job.js';

export interface RunOptions {
	/** Read-only mode: a mutating job is refused before any step runs. */
	readOnly?: boolean;
	/** Cancels the job (the cockpit's Esc/c, a headless command's SIGINT). */
	signal?: AbortSignal;
	/** Every change of the record: the jobs slice, or a headless command's step lines. */
	onChange?: (record: JobRecord) => void;
	id?: string;
	now?: () => number;
}

export interface JobHandle {
	id: string;
	/** The record as it stands now. */
	record(): JobRecord;
	cancel(): void;
	/** Settles with the final record; never rejects. */
	done: Promise<JobRecord>;
}

function messageOf(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
	return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

export function startJob(job: Job, options: RunOptions = {}): JobHandle {
	const now = options.now ?? Date.now;
	const id = options.id ?? `${job.kind}-${now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
	const controller = new AbortController();
	let record: JobRecord = {
		id,
		kind: job.kind,
		title: job.title,
		hostId: job.hostId,
		target: job.target ?? null,
		state: 'running',
		plan: [...job.plan],
		steps: job.steps.map((s): StepRecord => ({title: s.title, state: 'pending', startedAt: null, endedAt: null, detail: null})),
		startedAt: now(),
		endedAt: null,
		message: null,
		log: [],
	};
	const emit = (next: JobRecord) => {
		record = next;
		options.onChange?.(record);
	};
	const patchStep = (index: number, patch: Partial<StepRecord>) => {
		emit({...record, steps: record.steps.map((s, i) => (i === index ? {...s, ...patch} : s))});
	};
	const contextFor = (index: number, signal: AbortSignal): StepContext => ({
		signal,
		progress: detail => patchStep(index, {detail}),
		log: line => emit({...record, log: [...record.log, line].slice(-LOG_LIMIT)}),
	});
	const finish = (state: JobRecord['state'], message: string) => {
		emit({...record, state, message, endedAt: now()});
		return record;
	};

	const onOuterAbort = () => controller.abort();
	options.signal?.addEventListener('abort', onOuterAbort, {once: true});
	if (options.signal?.aborted) controller.abort();

	const undoFrom = async (last: number): Promise<string | null> => {
		const failures: string[] = [];
		for (let i = last; i >= 0; i--) {
			const step = job.steps[i]!;
			if (!step.undo) continue;
			patchStep(i, {state: 'undoing', detail: null, startedAt: now(), endedAt: null});
			try {
				const detail = await step.undo(contextFor(i, new AbortController().signal));
				patchStep(i, {state: 'undone', endedAt: now(), detail: detail || record.steps[i]!.detail});
			} catch (error) {
				const why = messageOf(error);
				patchStep(i, {state: 'undo-failed', endedAt: now(), detail: why});
				failures.push(`${step.title}: ${why}`);
			}
		}
		return failures.length > 0 ? failures.join('; ') : null;
	};

	const run = async (): Promise<JobRecord> => {
		options.onChange?.(record);
		if (job.mutating && options.readOnly) {
			return finish('refused', `${job.title}: refused: read-only mode (start without --read-only to change the stack)`);
		}
		const hasUndo = (upTo: number) => job.steps.slice(0, upTo + 1).some(s => s.undo);
		for (let i = 0; i < job.steps.length; i++) {
			const step = job.steps[i]!;
			if (controller.signal.aborted) {
				const undo = await undoFrom(i - 1);
				return finish('cancelled', `${job.title}: cancelled before "${step.title}"${rollbackText(hasUndo(i - 1), undo)}`);
			}
			patchStep(i, {state: 'running', startedAt: now()});
			try {
				const detail = await step.run(contextFor(i, controller.signal));
				patchStep(i, {state: 'done', endedAt: now(), detail: detail || record.steps[i]!.detail});
			} catch (error) {
				const cancelled = isAbort(error, controller.signal);
				patchStep(i, {state: cancelled ? 'cancelled' : 'failed', endedAt: now(), detail: cancelled ? 'cancelled' : messageOf(error)});
				const undo = await undoFrom(i);
				if (cancelled) return finish('cancelled', `${job.title}: cancelled during "${step.title}"${rollbackText(hasUndo(i), undo)}`);
				return finish('failed', `${job.title}: ${step.title} failed: ${messageOf(error)}${rollbackText(hasUndo(i), undo)}`);
			}
		}
		const summary = job.summary?.(record) ?? `${job.title}: done`;
		return finish('done', summary);
	};

	const done = run()
		.catch(error => finish('failed', `${job.title}: ${messageOf(error)}`))
		.finally(() => options.signal?.removeEventListener('abort', onOuterAbort));
	return {id, record: () => record, cancel: () => controller.abort(), done};
}

function rollbackText(hadUndo: boolean, undoFailure: string | null): string {
	if (!hadUndo) return '';
	return undoFailure ? `; rollback failed: ${undoFailure}` : '; rolled back';
}
