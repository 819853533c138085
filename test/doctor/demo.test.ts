// `stackdeck doctor` on the demo stack, which is set up as the seeds describe: prompt extensions on
// with a Mistral model, the tor image's wrong variables, a moving tag, Aider pointed at vLLM's port
// while vLLM is stopped. Stable ids and statuses, exit 1, and --fix turning its check ok.

import {readFileSync} from 'node:fs';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoStack, type DemoStack} from '../../source/sim/index.js';
import {STACKDECK_BIN} from '../support/paths.js';

let stack: DemoStack;
beforeAll(async () => {
	stack = await startDemoStack({ports: {sglang: 0, vllm: 0, ollama: 0}, load: false, live: false, loadMs: 300});
}, 60_000);
afterAll(async () => {
	await stack?.stop();
});

type Report = {checks: {id: string; status: string; summary: string; evidence: {where: string; saw: string}[]}[]};
const doctor = (...args: string[]) =>
	execa('node', [STACKDECK_BIN, 'doctor', '--config', stack.configPath, ...args], {reject: false, env: {DOCKER_HOST: stack.dockerHost, HOME: stack.workDir}});
const byId = (r: Report, id: string) => r.checks.find(c => c.id === id)!;

describe('stackdeck doctor on the demo stack', () => {
	it('finds the seed-following box\'s failures through the demo\'s Engine API, exit 1', async () => {
		const out = await doctor('--json');
		expect(out.exitCode).toBe(1);
		const report = JSON.parse(out.stdout) as Report;
		expect(byId(report, 'openhands.prompt-extensions').status).toBe('fail');
		expect(byId(report, 'openhands.model-served').status).toBe('ok');
		expect(byId(report, 'openhands.base-url').status).toBe('ok');
		const tor = byId(report, 'tor.socks');
		expect(tor.status).toBe('fail');
		expect(tor.summary).toContain('SERVICE1_HOST');
		expect(byId(report, 'images.pinned').evidence.map(e => e.saw)).toContain('goldy/tor-hidden-service:latest');
		const aider = byId(report, 'aider.config');
		expect(aider.status).toBe('fail');
		expect(aider.summary).toMatch(/nothing the cockpit watches serves|is down/);
		expect(byId(report, 'docker.socket-mount').status).toBe('warn');
		expect(byId(report, 'memory.fit').evidence[0]!.where).toBe(stack.meminfoPath);
	}, 60_000);

	it('--fix openhands.prompt-extensions --yes writes the demo\'s config.toml, restarts openhands, and the check is ok next run', async () => {
		const fixed = await doctor('--fix', 'openhands.prompt-extensions', '--yes');
		expect(fixed.exitCode, fixed.stderr).toBe(0);
		expect(fixed.stdout).toContain('[done] restart openhands');
		expect(readFileSync(stack.configToml, 'utf8')).toMatch(/\[agent\][^[]*enable_prompt_extensions = false/);
		const after = JSON.parse((await doctor('--json')).stdout) as Report;
		expect(byId(after, 'openhands.prompt-extensions').status).toBe('ok');
	}, 60_000);
});
