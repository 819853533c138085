// What a job looks like as data: the record the jobs slice holds, the cockpit draws and a headless
// command prints. Plain values only, so that views and `--json` read it without the runner.

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | 'undoing' | 'undone' | 'undo-failed';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled' | 'refused';

export interface StepRecord {
	title: string;
	state: StepState;
	startedAt: number | null;
	endedAt: number | null;
	/** The step's latest progress or result ("3/8 shards", "2 requests running", the error). */
	detail: string | null;
}

export interface JobRecord {
	id: string;
	kind: string;
	title: string;
	hostId: string;
	/** What it acts on (a container id, an engine name), or null. */
	target: string | null;
	state: JobState;
	/** What the job will change, one line each: the confirmation shows it. */
	plan: string[];
	steps: StepRecord[];
	startedAt: number;
	endedAt: number | null;
	/** The outcome in one sentence once the job has ended: it becomes the notice. */
	message: string | null;
	/** Lines a step chose to show (log tails); the last LOG_LIMIT are kept. */
	log: string[];
}

export const LOG_LIMIT = 50;

export function isFinished(record: JobRecord): boolean {
	return record.state !== 'running';
}

/** The step now running (or undoing), for a one-line progress display. */
export function currentStep(record: JobRecord): {index: number; step: StepRecord} | null {
	const index = record.steps.findIndex(s => s.state === 'running' || s.state === 'undoing');
	return index < 0 ? null : {index, step: record.steps[index]!};
}

/** Milliseconds a step has taken so far (or took). */
export function stepElapsed(step: StepRecord, now: number): number | null {
	if (step.startedAt === null) return null;
	return (step.endedAt ?? now) - step.startedAt;
}
