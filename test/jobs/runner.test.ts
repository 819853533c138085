import {describe, expect, it} from 'vitest';
import type {JobRecord} from '../../source/domain/jobs/record.js';
import type {Job, Step} from '../../source/jobs/job.js';
import {startJob} from '../../source/jobs/runner.js';

function recorder() {
	const seen: JobRecord[] = [];
	return {seen, onChange: (r: JobRecord) => seen.push(r)};
}

function job(steps: Step[], mutating = true): Job {
	return {kind: 'test', title: 'test job', hostId: 'local', mutating, plan: ['change a thing'], steps};
}

const ok = (title: string, calls: string[], undo = true): Step => ({
	title,
	async run(ctx) {
		calls.push(`run ${title}`);
		ctx.progress(`${title} half way`);
		return `${title} ok`;
	},
	...(undo ? {async undo() { calls.push(`undo ${title}`); }} : {}),
});

describe('job runner', () => {
	it('runs three steps in order and reports each as running, then done', async () => {
		const calls: string[] = [];
		const {seen, onChange} = recorder();
		const record = await startJob(job([ok('one', calls), ok('two', calls), ok('three', calls)]), {onChange}).done;
		expect(calls).toEqual(['run one', 'run two', 'run three']);
		expect(record.state).toBe('done');
		expect(record.message).toBe('test job: done');
		expect(record.steps.map(s => [s.state, s.detail])).toEqual([['done', 'one ok'], ['done', 'two ok'], ['done', 'three ok']]);
		// The order the user sees: each step starts only after the one before it is done.
		const running = seen.map(r => r.steps.findIndex(s => s.state === 'running')).filter(i => i >= 0);
		expect([...new Set(running)]).toEqual([0, 1, 2]);
		expect(seen.some(r => r.steps[1]!.detail === 'two half way')).toBe(true);
	});

	it('cancelled during step two stops there and undoes step one', async () => {
		const calls: string[] = [];
		let release!: () => void;
		const reached = new Promise<void>(r => (release = r));
		const waiting: Step = {
			title: 'wait for the engine',
			run: ctx => new Promise((_, reject) => {
				release();
				ctx.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), {name: 'AbortError'})), {once: true});
			}),
		};
		const handle = startJob(job([ok('stop old', calls), waiting, ok('never', calls)]));
		await reached;
		handle.cancel();
		const record = await handle.done;
		expect(record.state).toBe('cancelled');
		expect(calls).toEqual(['run stop old', 'undo stop old']);
		expect(record.steps.map(s => s.state)).toEqual(['undone', 'cancelled', 'pending']);
		expect(record.message).toBe('test job: cancelled during "wait for the engine"; rolled back');
	});

	it('a failing step runs the undos of what ran, newest first, and the job fails with its message', async () => {
		const calls: string[] = [];
		const failing: Step = {title: 'start new', run: async () => { throw new Error('port 8000 refused'); }};
		const record = await startJob(job([ok('one', calls), ok('two', calls), failing])).done;
		expect(record.state).toBe('failed');
		expect(calls).toEqual(['run one', 'run two', 'undo two', 'undo one']);
		expect(record.message).toBe('test job: start new failed: port 8000 refused; rolled back');
		expect(record.steps[2]).toMatchObject({state: 'failed', detail: 'port 8000 refused'});
	});

	it('names an undo that fails', async () => {
		const calls: string[] = [];
		const badUndo: Step = {title: 'stop old', run: async () => {}, undo: async () => { throw new Error('old engine will not start'); }};
		const failing: Step = {title: 'start new', run: async () => { throw new Error('timed out'); }};
		const record = await startJob(job([badUndo, failing, ok('x', calls)])).done;
		expect(record.state).toBe('failed');
		expect(record.message).toBe('test job: start new failed: timed out; rollback failed: stop old: old engine will not start');
		expect(record.steps[0]!.state).toBe('undo-failed');
	});

	it('read-only mode refuses a mutating job before any step runs', async () => {
		const calls: string[] = [];
		const record = await startJob(job([ok('one', calls)]), {readOnly: true}).done;
		expect(calls).toEqual([]);
		expect(record.state).toBe('refused');
		expect(record.message).toMatch(/read-only/);
		const looking = await startJob(job([ok('one', calls)], false), {readOnly: true}).done;
		expect(looking.state).toBe('done');
	});

	it('an outer signal cancels a job before it starts a step', async () => {
		const calls: string[] = [];
		const outer = new AbortController();
		outer.abort();
		const record = await startJob(job([ok('one', calls)]), {signal: outer.signal}).done;
		expect(record.state).toBe('cancelled');
		expect(calls).toEqual([]);
	});
});
