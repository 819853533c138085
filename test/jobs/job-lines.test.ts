// Headless jobs: the plan first, then each step as it starts and ends (and when undone), then the
// outcome; the exit code says how it ended.
import {describe, expect, it} from 'vitest';
import type {Job} from '../../source/jobs/job.js';
import {runJobPrinted} from '../../source/cli/job-lines.js';

function job(failAt: number | null): Job {
	const step = (title: string, i: number) => ({
		title,
		async run() {
			if (i === failAt) throw new Error('port 8000 refused');
			return `${title} ok`;
		},
		async undo() {
			return 'put back';
		},
	});
	return {kind: 'test', title: 'swap to qwen', hostId: 'local', mutating: true, plan: ['stop sglang', 'start vllm'], steps: [step('stop sglang', 0), step('start vllm', 1)]};
}

describe('a job run headless', () => {
	it('prints the plan, each step with its result, then the outcome; exit 0', async () => {
		const lines: string[] = [];
		const {record, code} = await runJobPrinted(job(null), {write: l => lines.push(l)});
		expect(record.state).toBe('done');
		expect(code).toBe(0);
		expect(lines.slice(0, 3)).toEqual(['swap to qwen:', '  stop sglang', '  start vllm']);
		expect(lines).toContainEqual(expect.stringMatching(/^ {2}\[done\] stop sglang \(\d\.\d s\): stop sglang ok$/));
		expect(lines).toContainEqual(expect.stringMatching(/^ {2}\[done\] start vllm \(\d\.\d s\): start vllm ok$/));
		expect(lines.at(-1)).toBe('swap to qwen: done');
	});

	it('a failing step, then the undos, newest first; exit 1', async () => {
		const lines: string[] = [];
		const {code} = await runJobPrinted(job(1), {write: l => lines.push(l)});
		expect(code).toBe(1);
		const failed = lines.findIndex(l => l.startsWith('  [failed] start vllm'));
		const undone = lines.findIndex(l => l.startsWith('  [undone] stop sglang'));
		expect(failed).toBeGreaterThan(0);
		expect(undone).toBeGreaterThan(failed);
		expect(lines.at(-1)).toBe('swap to qwen: start vllm failed: port 8000 refused; rolled back');
	});

	it('read-only refuses with exit code 3 and runs no step', async () => {
		const lines: string[] = [];
		const {record, code} = await runJobPrinted(job(null), {write: l => lines.push(l), readOnly: true});
		expect(record.state).toBe('refused');
		expect(code).toBe(3);
		expect(lines.at(-1)).toMatch(/^swap to qwen: refused: read-only mode/);
		expect(lines.some(l => l.includes('[done]'))).toBe(false);
	});
});
