// `stackdeck swap` against the real Docker Engine: containers running the demo's engine code
// (SGLang, vLLM, a broken model) swapped by `docker stop` / `docker start`. SGLang is swapped for
// vLLM with the demo host's memory released and taken again, OpenHands' and Aider's configs
// rewritten and the OpenHands container restarted; a broken target rolls back to SGLang.
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {requireDaemon} from '../docker/engine-support.js';
import {createNodeContainer, importNodeImage, removeRun, RUN_ID} from './docker-support.js';
import {AIDER_YML, availableGb, engineArgs, freePort, journalLines, models, swapCli, until, workspace, type Workspace} from './support.js';

const docker = new Docker({socketPath: '/var/run/docker.sock'});
let ws: Workspace;
let have = false;
const names = {sglang: `sdswap-${RUN_ID}-sglang`, vllm: `sdswap-${RUN_ID}-vllm`, broken: `sdswap-${RUN_ID}-broken`, slow: `sdswap-${RUN_ID}-slow`, openhands: `sdswap-${RUN_ID}-openhands`};
let ports: {sglang: number; vllm: number; broken: number; slow: number};

function profile(name: string, container: string, kind: string, port: number, model: string, memoryGb: number): string {
	return [
		`[profiles.${JSON.stringify(name)}]`,
		`container = "${container}"`,
		`kind = "${kind}"`,
		`url = "http://127.0.0.1:${port}"`,
		`served_model_name = "${model}"`,
		`memory_gb = ${memoryGb}`,
		'load_timeout_s = 90',
		'stop_timeout_s = 30',
		`openhands_config = ${JSON.stringify(ws.openhandsToml)}`,
		`openhands_container = "${names.openhands}"`,
		`aider_conf = ${JSON.stringify(ws.aiderConf)}`,
		'',
	].join('\n');
}

beforeAll(async () => {
	have = await requireDaemon(docker);
	if (!have) return;
	ws = workspace();
	ports = {sglang: await freePort(), vllm: await freePort(), broken: await freePort(), slow: await freePort()};
	await importNodeImage();
	const serve = '/app/dist/sim/serve-engine.js';
	await createNodeContainer(docker, names.sglang, [serve, ...engineArgs(ws, {kind: 'sglang', model: 'mistral-small-4', port: ports.sglang, memoryGb: 72})], ws.dir);
	await createNodeContainer(docker, names.vllm, [serve, ...engineArgs(ws, {kind: 'vllm', model: 'qwen3-coder-next', port: ports.vllm, memoryGb: 80, loadMs: 1500})], ws.dir);
	await createNodeContainer(docker, names.broken, [serve, ...engineArgs(ws, {kind: 'vllm', model: 'broken-model', port: ports.broken, memoryGb: 40, fail: 'torch.OutOfMemoryError: CUDA out of memory while loading shard 2'})], ws.dir);
	// A two-minute load: started by hand below, it stands for one a killed swap left loading.
	await createNodeContainer(docker, names.slow, [serve, ...engineArgs(ws, {kind: 'vllm', model: 'devstral-small', port: ports.slow, memoryGb: 30, loadMs: 120_000})], ws.dir);
	// OpenHands stand-in: a long-running process whose restart the swap must do.
	const openhands = await createNodeContainer(docker, names.openhands, ['-e', 'process.on("SIGTERM", () => process.exit(0)); setInterval(() => {}, 1000)'], ws.dir);
	await openhands.start();
	writeFileSync(
		ws.configPath,
		[
			profile('mistral-small-4', names.sglang, 'sglang', ports.sglang, 'mistral-small-4', 72),
			profile('qwen3-coder-next', names.vllm, 'vllm', ports.vllm, 'qwen3-coder-next', 80),
			profile('broken-model', names.broken, 'vllm', ports.broken, 'broken-model', 40),
			profile('devstral-small', names.slow, 'vllm', ports.slow, 'devstral-small', 30),
		].join('\n'),
	);
	await docker.getContainer(names.sglang).start();
	await until(async () => (await models(`http://127.0.0.1:${ports.sglang}`)) !== null, 'the SGLang container to serve', 60_000);
}, 180_000);

afterAll(async () => {
	if (!have) return;
	await removeRun(docker);
	rmSync(ws.dir, {recursive: true, force: true});
}, 120_000);

const running = async (name: string) => (await docker.getContainer(name).inspect()).State.Running;

describe('stackdeck swap on the real Docker Engine', {timeout: 240_000}, () => {
	it('a swap to broken-model fails, rolls back, and SGLang serves again', async ({skip}) => {
		if (!have) skip();
		const run = await swapCli(ws, ['broken-model', '--yes']);
		expect(run.exitCode, JSON.stringify(run.lines)).toBe(1);
		expect(run.result['outcome']).toBe('failed');
		// What failed, with its last log lines.
		expect(String(run.result['message'])).toMatch(/exited \(exit code 1\).*CUDA out of memory/);
		expect(String(run.result['message'])).toMatch(/rolled back/);
		expect(await running(names.sglang)).toBe(true);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toEqual(['mistral-small-4']);
		expect(availableGb(ws)).toBe(128 - 6 - 72);
		expect(readFileSync(ws.aiderConf, 'utf8')).toBe(AIDER_YML);
		expect(journalLines(ws).at(-1)).toMatchObject({to: 'broken-model', outcome: 'failed'});
	});

	it('swaps the SGLang container for the vLLM one; clients follow', async ({skip}) => {
		if (!have) skip();
		const openhandsStarted = (await docker.getContainer(names.openhands).inspect()).State.StartedAt;
		const run = await swapCli(ws, ['qwen3-coder-next', '--yes']);
		expect(run.exitCode, JSON.stringify(run.lines)).toBe(0);
		expect(await running(names.sglang)).toBe(false);
		expect(await running(names.vllm)).toBe(true);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toBeNull();
		expect(await models(`http://127.0.0.1:${ports.vllm}`)).toEqual(['qwen3-coder-next']);
		// Memory: 50 GB available, 72 released by the stop, 80 taken by vLLM.
		const memoryStage = run.lines.find(l => l['type'] === 'stage' && l['state'] === 'done' && String(l['title']).startsWith('wait for 72 GB'));
		expect(memoryStage?.['detail']).toMatch(/122 GB available \(\+72 GB\)/);
		expect(availableGb(ws)).toBe(128 - 6 - 80);
		// The load was shown as it happened.
		expect(run.lines.some(l => l['type'] === 'log' && /checkpoint shards: 2\/3/.test(String(l['line'])))).toBe(true);
		const toml = readFileSync(ws.openhandsToml, 'utf8');
		expect(toml).toContain('model = "openai/qwen3-coder-next"');
		expect(toml).toContain(`base_url = "http://host.docker.internal:${ports.vllm}/v1"`);
		expect(readFileSync(ws.aiderConf, 'utf8')).toContain(`model: openai/qwen3-coder-next`);
		expect((await docker.getContainer(names.openhands).inspect()).State.StartedAt).not.toBe(openhandsStarted);
		expect(journalLines(ws).at(-1)).toMatchObject({to: 'qwen3-coder-next', from: ['mistral-small-4'], outcome: 'swapped'});
	});

	it('a container still loading (left by a killed swap) is listed, stopped first, and not restored', async ({skip}) => {
		if (!have) skip();
		await docker.getContainer(names.slow).start();
		const list = await swapCli(ws, []);
		expect(list.lines.find(l => l['type'] === 'profile' && l['name'] === 'devstral-small'), JSON.stringify(list.lines)).toMatchObject({serving: false, loading: true});
		const run = await swapCli(ws, ['mistral-small-4', '--yes']);
		expect(run.exitCode, JSON.stringify(run.lines)).toBe(0);
		const plan = run.lines.find(l => l['type'] === 'plan');
		expect(plan).toMatchObject({stopLoading: ['devstral-small'], stop: ['qwen3-coder-next']});
		expect(plan?.['lines']).toContain(`stop devstral-small (container ${names.slow}): running but not serving, a load in progress or stuck`);
		const stages = run.lines.filter(l => l['type'] === 'stage' && l['state'] === 'done').map(l => String(l['title']));
		expect(stages.indexOf('stop devstral-small')).toBeGreaterThanOrEqual(0);
		expect(stages.indexOf('stop devstral-small')).toBeLessThan(stages.indexOf('stop qwen3-coder-next'));
		expect(await running(names.slow)).toBe(false);
		expect(await running(names.vllm)).toBe(false);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toEqual(['mistral-small-4']);
	});
});
