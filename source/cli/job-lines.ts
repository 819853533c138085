// A job's progress for a headless command: one line as each step starts and ends, then the outcome.

import type {JobRecord} from '../domain/jobs/record.js';

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
