// A job's progress for a headless command: one line as each step starts and ends, then the outcome.

import type {JobRecord} from '../domain/jobs/record.js';
import type {Job} from '../jobs/job.js';
import {startJob} from '../jobs/runner.js';

export function jobPrinter(write: (line: string) => void): (record: JobRecord) => void {
	const said = new Map<number, string>();
	return record => {
		record.steps.forEach((step, i) => {
			if (step.state === 'pending' || said.get(i) === step.state) return;
			said.set(i, step.state);
			const elapsed = step.startedAt !== null && step.endedAt !== null ? ` (${((step.endedAt - step.startedAt) / 1000).toFixed(1)} s)` : '';
			write(`  [${step.state}] ${step.title}${elapsed}${step.detail && step.state !== 'running' ? `: ${step.detail}` : ''}`);
		});
		if (record.message) write(record.message);
	};
}

/** Exit codes: 0 done, 1 failed, 130 cancelled (as a shell reports Ctrl-C), 3 refused (read-only). */
export function exitCodeOf(record: JobRecord): number {
	return record.state === 'done' ? 0 : record.state === 'cancelled' ? 130 : record.state === 'refused' ? 3 : 1;
}

/** Runs `job` headless (`stackdeck swap`, a fix): prints its plan, then its steps; SIGINT cancels it. */
export async function runJobPrinted(
	job: Job,
	options: {write?: (line: string) => void; readOnly?: boolean; signal?: AbortSignal} = {},
): Promise<{record: JobRecord; code: number}> {
	const write = options.write ?? (line => process.stdout.write(`${line}\n`));
	write(`${job.title}:`);
	for (const line of job.plan) write(`  ${line}`);
	const controller = new AbortController();
	const onSigint = () => controller.abort();
	process.once('SIGINT', onSigint);
	options.signal?.addEventListener('abort', onSigint, {once: true});
	try {
		const record = await startJob(job, {readOnly: options.readOnly, signal: controller.signal, onChange: jobPrinter(write)}).done;
		return {record, code: exitCodeOf(record)};
	} finally {
		process.removeListener('SIGINT', onSigint);
		options.signal?.removeEventListener('abort', onSigint);
	}
}
