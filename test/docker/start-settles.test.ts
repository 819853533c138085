// A start Docker accepts can die a moment later: the job says how it ended (exit code, last log
// line) instead of "start done". Against the demo's Docker Engine API (real wire format), whose
// broken-model dies on its own after it starts, as a vLLM without its model does.
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoStack} from '../../source/sim/demo-stack.js';
import type {DemoStack} from '../../source/sim/types.js';
import {containerJob} from '../../source/actions/containers.js';
import {startJob} from '../../source/jobs/runner.js';
import {infoFromInspect, type RawInspect} from '../../source/domain/containers/inspect.js';
import {stateWord} from '../../source/panels/containers/selectors.js';

let stack: DemoStack;
let docker: Docker;
beforeAll(async () => {
	stack = await startDemoStack({ports: {sglang: 0, vllm: 0, ollama: 0}, load: false, live: false, loadMs: 200, crashAfterMs: 300});
	docker = new Docker({socketPath: stack.dockerHost.replace(/^unix:\/\//, '')});
}, 60_000);
afterAll(async () => {
	await stack?.stop();
});

const target = async (name: string) => {
	const raw = (await docker.getContainer(name).inspect()) as unknown as RawInspect;
	return {id: raw.Id, name, info: infoFromInspect(raw, 'local')};
};

describe('start that dies at once', () => {
	it('reports the exit code and the last log line instead of "start done"; the row says exited (1)', async () => {
		const broken = await target('broken-model');
		// The demo starts it; wait for its crash, then start it again as a user would.
		for (let i = 0; i < 100 && (await target('broken-model')).info.state === 'running'; i++) await new Promise(r => setTimeout(r, 100));
		expect((await target('broken-model')).info.state).toBe('exited');
		const record = await startJob(containerJob('start', broken, docker, 'local', 1500)).done;
		expect(record.state).toBe('failed');
		expect(record.message).toMatch(/broken-model started, then exited with code 1: OSError: .* does not appear to have a file named config\.json/);
		expect(record.message).not.toMatch(/start done/);
		expect(stateWord((await target('broken-model')).info)).toBe('exited (1)');
	}, 60_000);

	it('a start that keeps running still says "start done"', async () => {
		const gitea = await target('gitea');
		await docker.getContainer('gitea').stop({t: 1});
		const record = await startJob(containerJob('start', gitea, docker, 'local', 800)).done;
		expect(record.state).toBe('done');
		expect(record.message).toBe('gitea: start done');
	}, 60_000);
});
