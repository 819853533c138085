// Jobs in the cockpit, as a user sees them: the confirmation shows the job's plan and steps; while it
// runs, a row under the header names the step, its time and the cancel keys (at 46x19 too); Esc or
// c cancels it and the done steps are undone; the result becomes a notice; read-only refuses it.
import {afterEach, describe, expect, it} from 'vitest';
import type {Job, Step} from '../../source/jobs/job.js';
import {update} from '../../source/store/index.js';
import {initialUi, NOTICE_MS, showNotice} from '../../source/store/slices/ui.js';
import {plain, renderCockpit, visibleWidth, type RenderedCockpit} from '../support/render-frame.js';

let open: RenderedCockpit | undefined;
afterEach(() => {
	open?.unmount();
	open = undefined;
});

async function until(what: string, probe: () => boolean, c: RenderedCockpit, ms = 8000): Promise<void> {
	const end = Date.now() + ms;
	while (!probe()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${c.frame().map(plain).join('\n')}`);
		await c.settle();
	}
}

/** Three steps; the second waits until cancelled. `calls` records what ran and what was undone. */
function swapJob(calls: string[]): Job {
	const quick = (title: string): Step => ({
		title,
		async run() {
			calls.push(`run ${title}`);
			return 'ok';
		},
		async undo() {
			calls.push(`undo ${title}`);
		},
	});
	const waiting: Step = {
		title: 'wait for the engine to serve',
		run: ctx =>
			new Promise((_, reject) => {
				calls.push('run wait');
				ctx.progress('2 of 8 shards');
				ctx.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), {name: 'AbortError'})), {once: true});
			}),
	};
	return {kind: 'test.swap', title: 'swap to qwen3-coder', hostId: 'local', mutating: true, plan: ['stop sglang (frees 60 GiB)', 'start vllm with qwen3-coder'], steps: [quick('stop sglang'), waiting, quick('check the endpoint')]};
}

const screen = (c: RenderedCockpit) => c.frame().map(plain).join('\n');

describe.each([
	[46, 19],
	[120, 40],
])('a job in the cockpit at %ix%i', (cols, rows) => {
	it('the confirmation shows the plan; y runs it; its step, time and the cancel keys show under the header; Esc cancels and undoes', async () => {
		open = await renderCockpit(cols, rows);
		const c = open;
		const calls: string[] = [];
		c.jobs.confirm(swapJob(calls));
		await c.settle();
		expect(screen(c)).toContain('Swap to qwen3-coder?');
		expect(screen(c)).toContain('stop sglang (frees 60 GiB)');
		expect(screen(c)).toMatch(/Steps: 1\. stop sglang; 2\. wait for the/);
		expect(calls).toEqual([]);
		await c.type('y');
		await until('the second step running', () => calls.includes('run wait'), c);
		await c.settle();
		const frame = c.frame().map(plain);
		expect(frame[1]).toMatch(/^▶ swap to qwen3-coder 2\/3 /);
		expect(frame[1]).toMatch(/\d+(ms|\.\ds) · Esc\/c cancel\s*$/);
		if (cols >= 100) expect(frame[1]).toContain('wait for the engine to serve (2 of 8 shards)');
		expect(c.frame().length).toBeLessThanOrEqual(rows - 1);
		for (const line of c.frame()) expect(visibleWidth(line)).toBeLessThanOrEqual(cols);

		await c.type('\u001B');
		await until('the job to end', () => c.jobs.running().length === 0, c);
		await c.settle();
		expect(calls).toEqual(['run stop sglang', 'run wait', 'undo stop sglang']);
		expect(c.store.getState().ui.notice).toMatchObject({level: 'warn', text: 'swap to qwen3-coder: cancelled during "wait for the engine to serve"; rolled back'});
		expect(c.frame().map(plain)[0]).toContain('swap to qwen3-coder: cance');
		expect(screen(c)).not.toContain('Esc/c cancel');
		// Esc went to the job, not to the panel under it.
		expect(c.store.getState().ui.focused).toBe('containers');
	});
});

describe('jobs in the cockpit', () => {
	it('c cancels too, and the `!` log shows the running job\'s steps while it runs', async () => {
		open = await renderCockpit(46, 19);
		const c = open;
		const calls: string[] = [];
		c.jobs.run(swapJob(calls));
		await until('the second step running', () => calls.includes('run wait'), c);
		await c.type('!');
		await until('the log', () => screen(c).includes('running: swap to qwen3-coder'), c);
		expect(screen(c)).toMatch(/✓ stop sglang \d+ms: ok/);
		expect(screen(c)).toMatch(/▶ wait for the engine to serve/);
		await c.type('\u001B');
		await until('the log closed', () => c.store.getState().ui.overlay === null, c);
		expect(c.jobs.running()).toHaveLength(1);
		await c.type('c');
		await until('the job to end', () => c.jobs.running().length === 0, c);
		expect(calls).toEqual(['run stop sglang', 'run wait', 'undo stop sglang']);
		expect(c.store.getState().jobs.byId[c.store.getState().jobs.order[0]!]!.state).toBe('cancelled');
	});

	it('read-only mode refuses a mutating job before any step runs, and says so', async () => {
		open = await renderCockpit(46, 19, {ui: initialUi(true)});
		const c = open;
		const calls: string[] = [];
		const record = await c.jobs.run(swapJob(calls)).done;
		await c.settle();
		expect(record.state).toBe('refused');
		expect(calls).toEqual([]);
		expect(c.store.getState().ui.notice?.text).toMatch(/^swap to qwen3-coder: refused: read-only mode/);
		expect(c.frame().map(plain)[0]).toContain('[read-only]  swap to qwen3');
	});

	it('a failed job is an error notice that stays until a key is pressed; the log keeps it, wrapped to the phone\'s width', async () => {
		open = await renderCockpit(46, 19);
		const c = open;
		const reason = 'the engine answered HTTP 500 simulated fault: internal server error (clear the fault with setFault(null)) and nothing changed';
		const failing: Job = {kind: 'test', title: 'flush coder', hostId: 'local', mutating: true, plan: ['POST /flush_cache'], steps: [{title: 'POST /flush_cache', run: async () => { throw new Error(reason); }}]};
		await c.jobs.run(failing).done;
		await c.settle();
		expect(c.store.getState().ui.notice?.level).toBe('error');
		expect(c.frame().map(plain)[0]).toContain('flush coder: POST /flush_c');
		await c.type('3');
		expect(c.store.getState().ui.notice).toBeNull();
		expect(c.frame().map(plain)[0]).toContain('? keys');
		await c.type('!');
		// The whole message reads back from the wrapped rows inside the frame.
		const inside = c.frame().slice(2, -1).map(l => plain(l).slice(1, -1).trim()).join(' ');
		expect(inside).toContain(`flush coder: POST /flush_cache failed: ${reason}`);
		for (const line of c.frame()) expect(visibleWidth(line)).toBeLessThanOrEqual(46);
	});

	it('a notice older than its time leaves the header (an error does not) and stays in the log', async () => {
		open = await renderCockpit(46, 19);
		const c = open;
		const old = Date.now() - NOTICE_MS - 1;
		update(c.store, 'ui', ui => showNotice(ui, 'gitea: stop done', 'ok', old));
		await until('the ok notice to leave', () => c.store.getState().ui.notice === null, c);
		expect(c.frame().map(plain)[0]).toContain('? keys');
		update(c.store, 'ui', ui => showNotice(ui, 'flush coder: HTTP 500', 'error', old));
		await c.settle();
		await c.settle();
		expect(c.frame().map(plain)[0]).toContain('flush coder: HTTP 500');
		expect(c.store.getState().ui.notices.map(n => n.text)).toEqual(['gitea: stop done', 'flush coder: HTTP 500']);
	});
});
